import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/field';
import { can } from '@/lib/permissions';
import type { Case } from '../api/get_case';
import { FormProblems } from './form_errors';
import { usePeople } from './people';
import { useCaseEdit } from './use_case_edit';

interface CaseOwnerProps {
  record: Case;
  onReload: () => void;
  reloading: boolean;
}

/**
 * The case's caseworker, and reassigning the case to another active caseworker of its office. Supervisors
 * (who may list the office's accounts) choose anyone; a caseworker can take a case over.
 */
export function CaseOwner({ record, onReload, reloading }: CaseOwnerProps) {
  const { t } = useTranslation();
  const people = usePeople();
  const [open, setOpen] = useState(false);
  const owner = record.cas_CaseOwner;
  const options = people.assignable(record.office_id, [owner]);
  const mayReassign =
    can(people.me, 'update:case') && options.some((option) => option.value !== owner);

  return (
    <>
      <span>{owner ? people.name(owner) : t('cases.not_recorded')}</span>{' '}
      {mayReassign && !open ? (
        <button type="button" className="btn-link" onClick={() => setOpen(true)}>
          {t('cases.assign.change')}
        </button>
      ) : null}
      {open ? (
        <ReassignForm
          key={record.version}
          record={record}
          options={options}
          onClose={() => setOpen(false)}
          onReload={onReload}
          reloading={reloading}
        />
      ) : null}
    </>
  );
}

interface ReassignFormProps extends CaseOwnerProps {
  options: { value: string; label: string }[];
  onClose: () => void;
}

function ReassignForm({ record, options, onClose, onReload, reloading }: ReassignFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const edit = useCaseEdit(record, formRef, onClose);
  const [owner, setOwner] = useState(record.cas_CaseOwner ?? '');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    edit.save(owner === record.cas_CaseOwner ? {} : { cas_CaseOwner: owner });
  }

  return (
    <form ref={formRef} className="form reassign-form" onSubmit={onSubmit} noValidate>
      <FormProblems
        formRef={formRef}
        error={edit.update.error}
        fields={edit.fields}
        labels={{ cas_CaseOwner: t('cases.assign.to') }}
        onReload={onReload}
        reloading={reloading}
      />
      <SelectField
        label={t('cases.assign.to')}
        name="cas_CaseOwner"
        value={owner}
        onValueChange={setOwner}
        options={options}
        hint={t('cases.assign.hint')}
        error={edit.fields.cas_CaseOwner}
        required
        autoFocus
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={edit.update.isPending}>
          {edit.update.isPending ? t('common.saving') : t('cases.assign.submit')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
