/**
 * A tab of a case that is read, and edited in place by holders of `update:case` (Profile, Trafficking): the
 * switch between the two, the confirmation after a save, and the frame of the form.
 */
import { Fragment, useState, type ReactNode, type RefObject, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { FormActions } from '@/components/form_actions';
import { Card } from '@/components/page';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import type { Case } from '../api/get_case';
import { ErrorSummary } from './error_summary';
import { StaleAlert } from './stale_alert';
import type { useCaseEdit } from './use_case_edit';

interface EditableTabProps {
  record: Case;
  /** Labels the button that opens the form. */
  editLabel: string;
  /** The form, given how to leave edit mode: with the saved record after a save, null after cancel. */
  renderForm: (onDone: (saved: Case | null) => void) => ReactNode;
  /** The tab as read. */
  children: ReactNode;
}

export function EditableTab({ record, editLabel, renderForm, children }: EditableTabProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  if (editing) {
    // Keyed by the version: after a reload the form starts again from the newer record.
    return (
      <Fragment key={`${record.id}:${record.version}`}>
        {renderForm((saved) => {
          setEditing(false);
          setSavedVersion(saved ? saved.version : null);
        })}
      </Fragment>
    );
  }

  return (
    <>
      {savedVersion === record.version ? <Alert tone="success" title={t('common.saved')} /> : null}
      {children}
      {can(me, 'update:case') ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => setEditing(true)}>
            {editLabel}
          </button>
        </div>
      ) : null}
    </>
  );
}

interface TabEditFormProps {
  title: string;
  formRef: RefObject<HTMLFormElement | null>;
  edit: ReturnType<typeof useCaseEdit>;
  /** Called on submit, after the browser's own submission is stopped. */
  onSubmit: () => void;
  onCancel: () => void;
  onReload: () => void;
  reloading: boolean;
  /** The fields. */
  children: ReactNode;
}

/** The form of an editable tab: the stale-version warning or the failure, the field errors, save and cancel. */
export function TabEditForm({
  title,
  formRef,
  edit,
  onSubmit,
  onCancel,
  onReload,
  reloading,
  children,
}: TabEditFormProps) {
  const { t } = useTranslation();

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <Card title={title}>
      <form ref={formRef} className="form" onSubmit={handleSubmit} noValidate>
        {edit.stale ? (
          <StaleAlert onReload={onReload} reloading={reloading} />
        ) : edit.update.isError && !edit.hasFieldErrors ? (
          <ErrorAlert error={edit.update.error} />
        ) : null}
        <ErrorSummary fields={edit.fields} />
        {children}
        <FormActions
          pending={edit.update.isPending}
          submitLabel={t('common.save')}
          onCancel={onCancel}
        />
      </form>
    </Card>
  );
}
