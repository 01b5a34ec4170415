/** Route paths, shared so that features can link to each other without importing each other. */
export const paths = {
  home: '/',
  login: '/login',
  profile: '/me',
  twoFactor: '/me/two-factor',
  users: '/users',
  userNew: '/users/new',
  user: (id: string) => `/users/${encodeURIComponent(id)}`,
  offices: '/offices',
  officeNew: '/offices/new',
  audit: '/audit',
} as const;
