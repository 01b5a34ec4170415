import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '@/components/alert';
import { LanguageSwitcher } from '@/components/language_switcher';
import { FullPageLoading } from '@/components/loading';
import { useDocumentTitle } from '@/components/page';
import { paths } from '@/lib/paths';
import { useSession, type SessionNotice } from '@/lib/session';
import { LoginForm } from '../components/login_form';

interface LoginLocationState {
  from?: string;
  notice?: SessionNotice;
}

/** Only same-site paths: never send a user to another origin after signing in. */
function safeReturnPath(from: unknown): string {
  return typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    from !== paths.login
    ? from
    : paths.home;
}

export function LoginRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.title'));
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const session = useSession();

  if (session.isPending) return <FullPageLoading />;
  if (session.data?.user) {
    const target = session.data.user.totp_required ? paths.twoFactor : safeReturnPath(state.from);
    return <Navigate to={target} replace />;
  }

  const notice = session.data?.notice ?? state.notice ?? null;

  return (
    <div className="auth-page">
      <div className="auth-topbar">
        <LanguageSwitcher />
      </div>
      <main id="main" className="auth-main">
        <div className="auth-card">
          <div className="brand brand-large">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{t('app.name')}</span>
          </div>
          <h1 className="auth-title">{t('auth.title')}</h1>
          <p className="muted">{t('auth.subtitle')}</p>
          {notice === 'expired' ? <Alert tone="warning" title={t('auth.session_expired')} /> : null}
          {notice === 'signed_out' ? <Alert tone="success" title={t('auth.signed_out')} /> : null}
          {session.isError ? <Alert tone="error" title={t('errors.network')} /> : null}
          <LoginForm />
        </div>
        <p className="auth-footer muted">{t('auth.footer')}</p>
      </main>
    </div>
  );
}
