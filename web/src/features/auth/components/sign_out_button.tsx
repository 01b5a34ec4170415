import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/delete_session';

export function SignOutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        {t('auth.sign_out')}
      </button>
      {logout.isError ? (
        <span className="header-error" role="alert">
          {t('auth.sign_out_failed')}
        </span>
      ) : null}
    </>
  );
}
