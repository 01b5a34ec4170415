/** Public surface of the me feature: the user's own profile and second-factor enrolment. */
export { ProfileRoute } from './routes/profile';
export { TwoFactorRoute } from './routes/two_factor';
