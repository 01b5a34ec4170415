import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Loading } from '@/components/loading';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { tasksQueryKey, useTasks, type CaseTask } from '../api/get_tasks';
import { useSaveTask } from '../api/save_task';
import { FieldValue } from '../components/case_summary';
import { CaseErrorAlert, isStale } from '../components/form_errors';
import { usePeople } from '../components/people';
import { StaleAlert } from '../components/stale_alert';
import { TaskForm } from '../components/task_form';
import { valueLabel } from '../components/value_labels';
import { useCaseOutlet } from './case_layout';

/** The Tasks tab: what is to be done for the person, by whom and when; overdue tasks stand out. */
export function CaseTasksRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const people = usePeople();
  const queryClient = useQueryClient();
  const { record } = useCaseOutlet();
  const tasks = useTasks(record.id);
  const save = useSaveTask(record.id);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<CaseTask | null>(null);
  const mayEdit = can(me, 'update:case');
  const items = tasks.data ?? [];
  const reload = () => {
    save.reset();
    void queryClient.invalidateQueries({ queryKey: tasksQueryKey(record.id) });
  };

  function setStatus(task: CaseTask, status: 'open' | 'done') {
    setAdded(null);
    save.mutate({ id: task.id, version: task.version, input: { status } });
  }

  return (
    <section aria-labelledby="case-tasks-title">
      <h2 id="case-tasks-title" className="visually-hidden">
        {t('cases.tab_tasks')}
      </h2>
      {added && !adding ? <Alert tone="success" title={t('cases.tasks.added')} /> : null}
      {isStale(save.error) ? (
        <StaleAlert onReload={reload} reloading={tasks.isFetching} />
      ) : save.isError ? (
        <CaseErrorAlert error={save.error} />
      ) : null}
      {tasks.isPending ? <Loading /> : null}
      {tasks.isError ? <ErrorAlert error={tasks.error} /> : null}
      {adding ? (
        <TaskForm
          record={record}
          onDone={(task) => {
            setAdding(false);
            setAdded(task);
          }}
        />
      ) : mayEdit && can(me, 'view_pii') ? (
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              save.reset();
              setAdding(true);
            }}
          >
            {t('cases.tasks.add')}
          </button>
        </div>
      ) : null}
      {tasks.isSuccess && items.length === 0 ? (
        <p className="empty">{t('cases.tasks.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('cases.tab_tasks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.tasks.title')}</th>
                <th scope="col">{t('cases.tasks.due_date')}</th>
                <th scope="col">{t('cases.tasks.assignee')}</th>
                <th scope="col">{t('cases.tasks.status')}</th>
                {mayEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('cases.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((task) => {
                const name = task.title ?? t('cases.tasks.untitled', { date: task.due_date });
                return (
                  <tr key={task.id}>
                    <th scope="row" className="row-header" dir="auto">
                      <FieldValue value={task.title} hidden={!can(me, 'view_pii')}>
                        {task.title}
                      </FieldValue>
                    </th>
                    <td>
                      {formatDate(task.due_date, i18n.language)}{' '}
                      {task.overdue ? <Badge tone="bad">{t('cases.tasks.overdue')}</Badge> : null}
                    </td>
                    <td>{people.name(task.assignee)}</td>
                    <td>
                      <Badge tone={task.status === 'done' ? 'good' : 'neutral'}>
                        {valueLabel(t, 'taskStatus', task.status)}
                      </Badge>
                    </td>
                    {mayEdit ? (
                      <td>
                        <button
                          type="button"
                          className="btn btn-secondary"
                          disabled={save.isPending}
                          aria-label={
                            task.status === 'done'
                              ? t('cases.tasks.reopen_named', { task: name })
                              : t('cases.tasks.complete_named', { task: name })
                          }
                          onClick={() => setStatus(task, task.status === 'done' ? 'open' : 'done')}
                        >
                          {task.status === 'done'
                            ? t('cases.tasks.reopen')
                            : t('cases.tasks.complete')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
