import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '@/components/alert';
import { FullPageLoading } from '@/components/loading';
import { Page } from '@/components/page';
import { paths } from '@/lib/paths';
import { can, type Permission } from '@/lib/permissions';
import { useCurrentUser, useSession } from '@/lib/session';

/** Everything but the login page needs a session; a user who must enrol a second factor goes there first. */
export function RequireAuth() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <FullPageLoading />;
  if (session.isError) {
    return (
      <div className="full-page-center">
        <Alert
          tone="error"
          title={t('errors.network')}
          actions={
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => void session.refetch()}
            >
              {t('common.retry')}
            </button>
          }
        />
      </div>
    );
  }
  const { user, notice } = session.data;
  if (!user) {
    const from = notice === 'signed_out' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to={paths.login} replace state={{ from, notice }} />;
  }
  if (user.totp_required && location.pathname !== paths.twoFactor) {
    return <Navigate to={paths.twoFactor} replace />;
  }
  return <Outlet />;
}

/** Hides screens the user's roles do not allow. A convenience only: the server refuses the calls anyway. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!can(user, permission)) {
    return (
      <Page title={t('errors.forbidden_title')}>
        <Alert tone="warning" title={t('errors.permission_denied')} />
      </Page>
    );
  }
  return <Outlet />;
}
