import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AuditListRoute } from '@/features/audit';
import { LoginRoute } from '@/features/auth';
import { ProfileRoute, TwoFactorRoute } from '@/features/me';
import { OfficeCreateRoute, OfficesListRoute } from '@/features/offices';
import { UserCreateRoute, UserEditRoute, UsersListRoute } from '@/features/users';
import { RequireAuth, RequirePermission } from './guards';
import { HomeRoute } from './home';
import { AppLayout } from './layout';
import { NotFoundRoute, RouteError } from './not_found';
import { Root } from './root';

// Case management is the largest feature: it loads on first use, so the login page stays small and quick.
const cases = () => import('@/features/cases');
const CasesListRoute = lazy(() => cases().then((m) => ({ default: m.CasesListRoute })));
const CaseCreateRoute = lazy(() => cases().then((m) => ({ default: m.CaseCreateRoute })));
const CaseLayoutRoute = lazy(() => cases().then((m) => ({ default: m.CaseLayoutRoute })));
const CaseProfileRoute = lazy(() => cases().then((m) => ({ default: m.CaseProfileRoute })));
const CaseTraffickingRoute = lazy(() => cases().then((m) => ({ default: m.CaseTraffickingRoute })));
const CaseHistoryRoute = lazy(() => cases().then((m) => ({ default: m.CaseHistoryRoute })));
const CaseIntakeRoute = lazy(() => cases().then((m) => ({ default: m.CaseIntakeRoute })));
const CaseScreeningRoute = lazy(() => cases().then((m) => ({ default: m.CaseScreeningRoute })));
const CaseConsentRoute = lazy(() => cases().then((m) => ({ default: m.CaseConsentRoute })));
const CaseServicesRoute = lazy(() => cases().then((m) => ({ default: m.CaseServicesRoute })));
const CaseNotesRoute = lazy(() => cases().then((m) => ({ default: m.CaseNotesRoute })));
const CaseTasksRoute = lazy(() => cases().then((m) => ({ default: m.CaseTasksRoute })));
const CaseClosureRoute = lazy(() => cases().then((m) => ({ default: m.CaseClosureRoute })));

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              { index: true, element: <HomeRoute /> },
              { path: 'me', element: <ProfileRoute /> },
              { path: 'me/two-factor', element: <TwoFactorRoute /> },
              {
                path: 'cases',
                element: <RequirePermission permission="read:case" />,
                children: [
                  { index: true, element: <CasesListRoute /> },
                  {
                    path: 'new',
                    element: <RequirePermission permission="create:case" />,
                    children: [{ index: true, element: <CaseCreateRoute /> }],
                  },
                  // The new-case wizard after registration: screening, decision, consent.
                  { path: ':id/intake/:step', element: <CaseIntakeRoute /> },
                  {
                    path: ':id',
                    element: <CaseLayoutRoute />,
                    children: [
                      { index: true, element: <CaseProfileRoute /> },
                      { path: 'trafficking', element: <CaseTraffickingRoute /> },
                      { path: 'screening', element: <CaseScreeningRoute /> },
                      { path: 'consent', element: <CaseConsentRoute /> },
                      { path: 'services', element: <CaseServicesRoute /> },
                      { path: 'notes', element: <CaseNotesRoute /> },
                      { path: 'tasks', element: <CaseTasksRoute /> },
                      { path: 'closure', element: <CaseClosureRoute /> },
                      { path: 'history', element: <CaseHistoryRoute /> },
                    ],
                  },
                ],
              },
              {
                path: 'users',
                element: <RequirePermission permission="read:user" />,
                children: [
                  { index: true, element: <UsersListRoute /> },
                  {
                    path: 'new',
                    element: <RequirePermission permission="create:user" />,
                    children: [{ index: true, element: <UserCreateRoute /> }],
                  },
                  {
                    path: ':id',
                    element: <RequirePermission permission="update:user" />,
                    children: [{ index: true, element: <UserEditRoute /> }],
                  },
                ],
              },
              {
                path: 'offices',
                element: <RequirePermission permission="read:office" />,
                children: [
                  { index: true, element: <OfficesListRoute /> },
                  {
                    path: 'new',
                    element: <RequirePermission permission="create:office" />,
                    children: [{ index: true, element: <OfficeCreateRoute /> }],
                  },
                ],
              },
              {
                path: 'audit',
                element: <RequirePermission permission="read:audit" />,
                children: [{ index: true, element: <AuditListRoute /> }],
              },
              { path: '*', element: <NotFoundRoute /> },
            ],
          },
        ],
      },
    ],
  },
]);
