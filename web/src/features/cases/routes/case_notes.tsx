import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { Loading } from '@/components/loading';
import { Card } from '@/components/page';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { noteInputSchema, useCreateNote } from '../api/create_note';
import { useNotes } from '../api/get_notes';
import { FormProblems, useFormErrors } from '../components/form_errors';
import { usePeople } from '../components/people';
import { TextAreaField } from '@/components/text_area_field';
import { useCaseOutlet } from './case_layout';

function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const create = useCreateNote(caseId);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [text, setText] = useState('');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = errors.check(noteInputSchema, { text });
    if (!input) return;
    create.mutate(input, { onSuccess: () => setText(''), onError: errors.onServerError });
  }

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormProblems
        formRef={formRef}
        error={create.error}
        fields={errors.fields}
        labels={{ text: t('cases.notes.text') }}
      />
      <TextAreaField
        label={t('cases.notes.text')}
        name="text"
        value={text}
        onValueChange={setText}
        hint={t('cases.notes.text_hint')}
        error={errors.fields.text}
        rows={5}
        required
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('cases.notes.submit')}
        </button>
      </div>
    </form>
  );
}

/** The Notes tab: free-text notes, sealed and readable only with access to personal data. */
export function CaseNotesRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const people = usePeople();
  const { record } = useCaseOutlet();
  const piiVisible = can(me, 'view_pii');
  const notes = useNotes(record.id, piiVisible);
  const items = notes.data ?? [];

  return (
    <section aria-labelledby="case-notes-title">
      <h2 id="case-notes-title" className="visually-hidden">
        {t('cases.tab_notes')}
      </h2>
      {!piiVisible ? <p className="empty">{t('cases.notes.needs_pii')}</p> : null}
      {piiVisible && can(me, 'update:case') ? (
        <Card title={t('cases.notes.add')}>
          <NoteForm caseId={record.id} />
        </Card>
      ) : null}
      {piiVisible && notes.isPending ? <Loading /> : null}
      {notes.isError ? <ErrorAlert error={notes.error} /> : null}
      {notes.isSuccess && items.length === 0 ? (
        <p className="empty">{t('cases.notes.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <ol className="notes" aria-label={t('cases.tab_notes')}>
          {[...items].reverse().map((note) => (
            <li key={note.id} className="note">
              <p className="note-meta muted">
                {people.name(note.author)} · {formatDateTime(note.created_at, i18n.language)}
              </p>
              <p className="prewrap" dir="auto">
                {note.text}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
