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

// Shelters and their assessments load on first use too.
const shelters = () => import('@/features/shelters');
const SheltersListRoute = lazy(() => shelters().then((m) => ({ default: m.SheltersListRoute })));
const ShelterCreateRoute = lazy(() => shelters().then((m) => ({ default: m.ShelterCreateRoute })));
const ShelterLayoutRoute = lazy(() => shelters().then((m) => ({ default: m.ShelterLayoutRoute })));
const ShelterOverviewRoute = lazy(() =>
  shelters().then((m) => ({ default: m.ShelterOverviewRoute })),
);
const ShelterEditRoute = lazy(() => shelters().then((m) => ({ default: m.ShelterEditRoute })));
const ShelterResidentsRoute = lazy(() =>
  shelters().then((m) => ({ default: m.ShelterResidentsRoute })),
);
const ShelterOccupancyRoute = lazy(() =>
  shelters().then((m) => ({ default: m.ShelterOccupancyRoute })),
);
const ShelterIncidentsRoute = lazy(() =>
  shelters().then((m) => ({ default: m.ShelterIncidentsRoute })),
);
const assessments = () => import('@/features/assessments');
const AssessmentsListRoute = lazy(() =>
  assessments().then((m) => ({ default: m.AssessmentsListRoute })),
);
const AssessmentCreateRoute = lazy(() =>
  assessments().then((m) => ({ default: m.AssessmentCreateRoute })),
);
const AssessmentComparisonRoute = lazy(() =>
  assessments().then((m) => ({ default: m.AssessmentComparisonRoute })),
);
const AssessmentLayoutRoute = lazy(() =>
  assessments().then((m) => ({ default: m.AssessmentLayoutRoute })),
);
const AssessmentSheetRoute = lazy(() =>
  assessments().then((m) => ({ default: m.AssessmentSheetRoute })),
);
const AssessmentChangesRoute = lazy(() =>
  assessments().then((m) => ({ default: m.AssessmentChangesRoute })),
);
const AssessmentRecommendationsRoute = lazy(() =>
  assessments().then((m) => ({ default: m.AssessmentRecommendationsRoute })),
);
const AssessmentReportRoute = lazy(() =>
  assessments().then((m) => ({ default: m.AssessmentReportRoute })),
);
const ShelterAssessmentsRoute = lazy(() =>
  assessments().then((m) => ({ default: m.ShelterAssessmentsRoute })),
);

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
                path: 'shelters',
                element: <RequirePermission permission="read:shelter" />,
                children: [
                  { index: true, element: <SheltersListRoute /> },
                  {
                    path: 'new',
                    element: <RequirePermission permission="create:shelter" />,
                    children: [{ index: true, element: <ShelterCreateRoute /> }],
                  },
                  {
                    path: ':id',
                    element: <ShelterLayoutRoute />,
                    children: [
                      { index: true, element: <ShelterOverviewRoute /> },
                      { path: 'edit', element: <ShelterEditRoute /> },
                      { path: 'residents', element: <ShelterResidentsRoute /> },
                      { path: 'occupancy', element: <ShelterOccupancyRoute /> },
                      { path: 'incidents', element: <ShelterIncidentsRoute /> },
                      {
                        path: 'assessments',
                        element: <RequirePermission permission="read:assessment" />,
                        children: [{ index: true, element: <ShelterAssessmentsRoute /> }],
                      },
                    ],
                  },
                ],
              },
              {
                path: 'assessments',
                element: <RequirePermission permission="read:assessment" />,
                children: [
                  { index: true, element: <AssessmentsListRoute /> },
                  {
                    path: 'new',
                    element: <RequirePermission permission="create:assessment" />,
                    children: [{ index: true, element: <AssessmentCreateRoute /> }],
                  },
                  { path: 'comparison', element: <AssessmentComparisonRoute /> },
                  {
                    path: ':id',
                    element: <AssessmentLayoutRoute />,
                    children: [
                      { index: true, element: <AssessmentSheetRoute /> },
                      { path: 'changes', element: <AssessmentChangesRoute /> },
                      { path: 'recommendations', element: <AssessmentRecommendationsRoute /> },
                      { path: 'report', element: <AssessmentReportRoute /> },
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
