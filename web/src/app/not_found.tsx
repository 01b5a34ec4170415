import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { Alert } from '@/components/alert';
import { Page } from '@/components/page';
import { paths } from '@/lib/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.not_found_title')}>
      <p>{t('errors.not_found_body')}</p>
      <p>
        <Link to={paths.home}>{t('nav.home')}</Link>
      </p>
    </Page>
  );
}

/** Last resort for a rendering error: say so plainly and offer a reload; never show a stack trace. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <div className="full-page-center">
      <Alert
        tone="error"
        title={t('errors.unexpected')}
        actions={
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => window.location.reload()}
          >
            {t('common.reload')}
          </button>
        }
      />
    </div>
  );
}
