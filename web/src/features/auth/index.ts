/** Public surface of the auth feature: the login screen and the sign-out control. */
export { LoginRoute } from './routes/login';
export { SignOutButton } from './components/sign_out_button';
