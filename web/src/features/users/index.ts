/** Public surface of the users feature (account administration). */
export { UsersListRoute } from './routes/users_list';
export { UserCreateRoute } from './routes/user_create';
export { UserEditRoute } from './routes/user_edit';
export { roleLabel } from './components/role_label';
