import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { Card } from '@/components/page';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import type { Case } from '../api/get_case';
import {
  changedFields,
  eventsPayload,
  traffickingDraftFrom,
  traffickingPayload,
} from '../components/case_draft';
import { EventsTable, TraffickingSummary } from '../components/case_summary';
import { ErrorSummary } from '../components/error_summary';
import { StaleAlert } from '../components/stale_alert';
import { TraffickingFields } from '../components/trafficking_fields';
import { useCaseEdit } from '../components/use_case_edit';
import { useCaseOutlet } from './case_layout';

/** The Trafficking tab: status, exploitation, control, recruitment, vulnerabilities and the events. */
export function CaseTraffickingRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { record, reload, reloading } = useCaseOutlet();
  const [editing, setEditing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  if (editing) {
    return (
      <TraffickingForm
        key={`${record.id}:${record.version}`}
        record={record}
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
      <Card title={t('cases.section.trafficking')}>
        <TraffickingSummary record={record} />
      </Card>
      <Card title={t('cases.field.events')}>
        <EventsTable events={record.events} />
      </Card>
      {can(me, 'update:case') ? (
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={() => setEditing(true)}>
            {t('cases.edit_trafficking')}
          </button>
        </div>
      ) : null}
    </>
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

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const original = traffickingDraftFrom(record);
    const changes = changedFields(traffickingPayload(original), traffickingPayload(draft));
    const before = eventsPayload(original.events);
    const after = eventsPayload(draft.events);
    const eventsChanged = JSON.stringify(before) !== JSON.stringify(after);
    edit.save({ ...changes, ...(eventsChanged ? { events: after } : {}) });
  }

  return (
    <Card title={t('cases.edit_trafficking')}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {edit.stale ? (
          <StaleAlert onReload={onReload} reloading={reloading} />
        ) : edit.update.isError && !edit.hasFieldErrors ? (
          <ErrorAlert error={edit.update.error} />
        ) : null}
        <ErrorSummary fields={edit.fields} />
        <TraffickingFields draft={draft} onChange={setDraft} fields={edit.fields} />
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
