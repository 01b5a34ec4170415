import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';

/** A 409 on save: someone else changed the case first. Reloading restarts the form from their version. */
export function StaleAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="warning"
      title={t('errors.stale_version')}
      actions={
        <button type="button" className="btn btn-secondary" onClick={onReload} disabled={reloading}>
          {t('common.reload')}
        </button>
      }
    >
      {t('cases.conflict_body')}
    </Alert>
  );
}
