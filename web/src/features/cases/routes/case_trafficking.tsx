import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/page';
import type { Case } from '../api/get_case';
import {
  changedFields,
  eventsPayload,
  traffickingDraftFrom,
  traffickingPayload,
} from '../components/case_draft';
import { EventsTable, TraffickingSummary } from '../components/case_summary';
import { EditableTab, TabEditForm } from '../components/editable_tab';
import { TraffickingFields } from '../components/trafficking_fields';
import { useCaseEdit } from '../components/use_case_edit';
import { useCaseOutlet } from './case_layout';

/** The Trafficking tab: status, exploitation, control, recruitment, vulnerabilities and the events. */
export function CaseTraffickingRoute() {
  const { t } = useTranslation();
  const { record, reload, reloading } = useCaseOutlet();

  return (
    <EditableTab
      record={record}
      editLabel={t('cases.edit_trafficking')}
      renderForm={(onDone) => (
        <TraffickingForm record={record} onDone={onDone} onReload={reload} reloading={reloading} />
      )}
    >
      <Card title={t('cases.section.trafficking')}>
        <TraffickingSummary record={record} />
      </Card>
      <Card title={t('cases.field.events')}>
        <EventsTable events={record.events} />
      </Card>
    </EditableTab>
  );
}

interface TraffickingFormProps {
  record: Case;
  onDone: (saved: Case | null) => void;
  onReload: () => void;
  reloading: boolean;
}

function TraffickingForm({ record, onDone, onReload, reloading }: TraffickingFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => traffickingDraftFrom(record));
  const formRef = useRef<HTMLFormElement>(null);
  const edit = useCaseEdit(record, formRef, (saved) => onDone(saved));

  function onSubmit() {
    const original = traffickingDraftFrom(record);
    const changes = changedFields(traffickingPayload(original), traffickingPayload(draft));
    const before = eventsPayload(original.events);
    const after = eventsPayload(draft.events);
    const eventsChanged = JSON.stringify(before) !== JSON.stringify(after);
    edit.save({ ...changes, ...(eventsChanged ? { events: after } : {}) });
  }

  return (
    <TabEditForm
      title={t('cases.edit_trafficking')}
      formRef={formRef}
      edit={edit}
      onSubmit={onSubmit}
      onCancel={() => onDone(null)}
      onReload={onReload}
      reloading={reloading}
    >
      <TraffickingFields draft={draft} onChange={setDraft} fields={edit.fields} />
    </TabEditForm>
  );
}
