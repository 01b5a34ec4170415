import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { EditableTab, TabEditForm } from '../components/editable_tab';
import { PersonFields, ReferralFields } from '../components/person_fields';
import { useCaseEdit } from '../components/use_case_edit';
import { useCaseOutlet } from './case_layout';

/** The Profile tab: referral and person, read, and edited in place by holders of `update:case`. */
export function CaseProfileRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { record, reload, reloading } = useCaseOutlet();
  const piiVisible = can(me, 'view_pii');

  return (
    <EditableTab
      record={record}
      editLabel={t('cases.edit_profile')}
      renderForm={(onDone) => (
        <ProfileForm
          record={record}
          piiVisible={piiVisible}
          onDone={onDone}
          onReload={reload}
          reloading={reloading}
        />
      )}
    >
      <Card title={t('cases.section.referral')}>
        <ReferralSummary record={record} />
      </Card>
      <Card title={t('cases.section.person')}>
        <PersonSummary person={record.person} piiVisible={piiVisible} />
      </Card>
    </EditableTab>
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

  function onSubmit() {
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
    <TabEditForm
      title={t('cases.edit_profile')}
      formRef={formRef}
      edit={edit}
      onSubmit={onSubmit}
      onCancel={() => onDone(null)}
      onReload={onReload}
      reloading={reloading}
    >
      <ReferralFields draft={referral} onChange={setReferral} fields={edit.fields} />
      <PersonFields
        draft={person}
        onChange={setPerson}
        fields={edit.fields}
        piiVisible={piiVisible}
      />
    </TabEditForm>
  );
}
