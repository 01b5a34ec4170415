import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { Card } from '@/components/page';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import type { Case } from '../api/get_case';
import {
  changedFields,
  personDraftFrom,
  personPayload,
  referralDraftFrom,
  referralPayload,
} from '../components/case_draft';
import { PersonSummary, ReferralSummary } from '../components/case_summary';
import { ErrorSummary } from '../components/error_summary';
import { PersonFields, ReferralFields } from '../components/person_fields';
import { StaleAlert } from '../components/stale_alert';
import { useCaseEdit } from '../components/use_case_edit';
import { useCaseOutlet } from './case_layout';

/** The Profile tab: referral and person, read, and edited in place by holders of `update:case`. */
export function CaseProfileRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { record, reload, reloading } = useCaseOutlet();
  const piiVisible = can(me, 'view_pii');
  const [editing, setEditing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  if (editing) {
    return (
      <ProfileForm
        key={`${record.id}:${record.version}`}
        record={record}
        piiVisible={piiVisible}
        onDone={(saved) => {
          setEditing(false);
          setSavedVersion(saved ? saved.version : null);
        }}
        onReload={reload}
        reloading={reloading}
      />
    );
  }

  return (
    <>
      {savedVersion === record.version ? <Alert tone="success" title={t('common.saved')} /> : null}
      <Card title={t('cases.section.referral')}>
        <ReferralSummary record={record} />
      </Card>
      <Card title={t('cases.section.person')}>
        <PersonSummary person={record.person} piiVisible={piiVisible} />
      </Card>
      {can(me, 'update:case') ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => setEditing(true)}>
            {t('cases.edit_profile')}
          </button>
        </div>
      ) : null}
    </>
  );
}

interface ProfileFormProps {
  record: Case;
  piiVisible: boolean;
  /** Leaves edit mode; with the saved record after a save, null after cancel. */
  onDone: (saved: Case | null) => void;
  onReload: () => void;
  reloading: boolean;
}

function ProfileForm({ record, piiVisible, onDone, onReload, reloading }: ProfileFormProps) {
  const { t } = useTranslation();
  const [referral, setReferral] = useState(() => referralDraftFrom(record));
  const [person, setPerson] = useState(() => personDraftFrom(record.person));
  const formRef = useRef<HTMLFormElement>(null);
  const edit = useCaseEdit(record, formRef, (saved) => onDone(saved));

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const referralChanges = changedFields(
      referralPayload(referralDraftFrom(record)),
      referralPayload(referral),
    );
    const personChanges = changedFields(
      personPayload(personDraftFrom(record.person), piiVisible),
      personPayload(person, piiVisible),
    );
    edit.save({
      ...referralChanges,
      ...(Object.keys(personChanges).length > 0 ? { person: personChanges } : {}),
    });
  }

  return (
    <Card title={t('cases.edit_profile')}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {edit.stale ? (
          <StaleAlert onReload={onReload} reloading={reloading} />
        ) : edit.update.isError && !edit.hasFieldErrors ? (
          <ErrorAlert error={edit.update.error} />
        ) : null}
        <ErrorSummary fields={edit.fields} />
        <ReferralFields draft={referral} onChange={setReferral} fields={edit.fields} />
        <PersonFields
          draft={person}
          onChange={setPerson}
          fields={edit.fields}
          piiVisible={piiVisible}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={edit.update.isPending}>
            {edit.update.isPending ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Card>
  );
}
