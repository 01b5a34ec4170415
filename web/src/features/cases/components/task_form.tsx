import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/field';
import { FormActions } from '@/components/form_actions';
import { Card } from '@/components/page';
import type { Case } from '../api/get_case';
import type { CaseTask } from '../api/get_tasks';
import { taskInputSchema, useSaveTask } from '../api/save_task';
import { FormProblems, useFormErrors } from './form_errors';
import { usePeople } from './people';

interface TaskFormProps {
  record: Case;
  onDone: (saved: CaseTask | null) => void;
}

/** A new task: what to do (it may name the person, so it is sealed), by when, and who does it. */
export function TaskForm({ record, onDone }: TaskFormProps) {
  const { t } = useTranslation();
  const people = usePeople();
  const save = useSaveTask(record.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [assignee, setAssignee] = useState(people.me.id);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = errors.check(taskInputSchema.required({ title: true, due_date: true }), {
      title,
      due_date: dueDate,
      assignee,
    });
    if (!input) return;
    save.mutate({ input }, { onSuccess: onDone, onError: errors.onServerError });
  }

  const labels = {
    title: t('cases.tasks.title'),
    due_date: t('cases.tasks.due_date'),
    assignee: t('cases.tasks.assignee'),
  };

  return (
    <Card title={t('cases.tasks.add')}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormProblems formRef={formRef} error={save.error} fields={errors.fields} labels={labels} />
        <TextField
          label={labels.title}
          name="title"
          value={title}
          onValueChange={setTitle}
          hint={t('cases.tasks.title_hint')}
          error={errors.fields.title}
          autoComplete="off"
          dir="auto"
          required
        />
        <div className="form-grid">
          <TextField
            label={labels.due_date}
            name="due_date"
            type="date"
            value={dueDate}
            onValueChange={setDueDate}
            error={errors.fields.due_date}
            required
          />
          <SelectField
            label={labels.assignee}
            name="assignee"
            value={assignee}
            onValueChange={setAssignee}
            options={people.assignable(record.office_id, [record.cas_CaseOwner])}
            hint={people.mayList ? undefined : t('cases.tasks.assignee_hint')}
            error={errors.fields.assignee}
            required
          />
        </div>
        <FormActions
          pending={save.isPending}
          submitLabel={t('cases.tasks.submit')}
          onCancel={() => onDone(null)}
        />
      </form>
    </Card>
  );
}
