import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type FormActionsProps = {
  /** While the form is being sent: the submit button is disabled and says so. */
  pending: boolean;
  submitLabel: string;
} & (
  | {
      /** Cancelling goes back to this page. */
      cancelTo: string;
    }
  | {
      /** Cancelling stays on the page, e.g. to close a form shown in place. */
      onCancel: () => void;
    }
);

/** The foot of a form: send it, or cancel. */
export function FormActions({ pending, submitLabel, ...cancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t('common.saving') : submitLabel}
      </button>
      {'cancelTo' in cancel ? (
        <Link to={cancel.cancelTo} className="btn btn-secondary">
          {t('common.cancel')}
        </Link>
      ) : (
        <button type="button" className="btn btn-secondary" onClick={cancel.onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
