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
  cases: '/cases',
  caseNew: '/cases/new',
  case: (id: string) => `/cases/${encodeURIComponent(id)}`,
  caseTrafficking: (id: string) => `/cases/${encodeURIComponent(id)}/trafficking`,
  caseHistory: (id: string) => `/cases/${encodeURIComponent(id)}/history`,
} as const;
