import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { LoadMore } from '@/components/load_more';
import { Loading } from '@/components/loading';
import { formatDateTime } from '@/lib/format';
import { useCurrentUser } from '@/lib/session';
import { useCaseHistory, type HistoryEntry } from '../api/get_case_history';
import { fieldLabel } from '../components/field_labels';
import { useHistoryValueFormatter } from '../components/history_values';
import { useCaseOutlet } from './case_layout';

/** The History tab: who changed which field when, from what to what ("changed" only, for encrypted fields). */
export function CaseHistoryRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { record } = useCaseOutlet();
  const history = useCaseHistory(record.id);
  const format = useHistoryValueFormatter();
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  // Actors are user ids; a caseworker may not list accounts, so others show as a short id to quote to an admin.
  const actor = (entry: HistoryEntry) => {
    if (entry.actor && entry.actor === me.id) return t('cases.history_you');
    if (entry.actor_name) return entry.actor_name;
    if (!entry.actor) return '';
    return (
      <>
        {t('cases.history_other_user')}{' '}
        <code dir="ltr" title={entry.actor}>
          {entry.actor.slice(0, 8)}
        </code>
      </>
    );
  };
  const empty = <span className="muted">{t('cases.history_empty_value')}</span>;

  return (
    <section aria-labelledby="case-history-title">
      <h2 id="case-history-title" className="visually-hidden">
        {t('cases.tab_history')}
      </h2>
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {history.isSuccess && entries.length === 0 ? (
        <p className="empty">{t('cases.history_empty')}</p>
      ) : null}
      {entries.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact history">
            <caption className="visually-hidden">{t('cases.tab_history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.history_time')}</th>
                <th scope="col">{t('cases.history_actor')}</th>
                <th scope="col">{t('cases.history_field')}</th>
                <th scope="col">{t('cases.history_from')}</th>
                <th scope="col">{t('cases.history_to')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => {
                const changes = entry.changes.length
                  ? entry.changes
                  : [{ field: '', changed: false, from: undefined, to: undefined }];
                return (
                  <Fragment key={`${entry.time}-${index}`}>
                    {changes.map((change, changeIndex) => (
                      <tr key={`${change.field}-${changeIndex}`}>
                        {changeIndex === 0 ? (
                          <>
                            <td rowSpan={changes.length}>
                              {formatDateTime(entry.time, i18n.language)}
                            </td>
                            <td rowSpan={changes.length} dir="auto">
                              {actor(entry)}
                            </td>
                          </>
                        ) : null}
                        {change.field === '' ? (
                          <td colSpan={3}>
                            {entry.action === 'create'
                              ? t('cases.history_created')
                              : (entry.action ?? '')}
                          </td>
                        ) : (
                          <>
                            <td>{fieldLabel(t, change.field)}</td>
                            {change.changed ? (
                              <td colSpan={2}>
                                <em>{t('cases.history_changed')}</em>
                              </td>
                            ) : (
                              <>
                                <td dir="auto">{format(change.field, change.from) || empty}</td>
                                <td dir="auto">{format(change.field, change.to) || empty}</td>
                              </>
                            )}
                          </>
                        )}
                      </tr>
                    ))}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        hasMore={history.hasNextPage}
        loading={history.isFetchingNextPage}
        onLoadMore={() => void history.fetchNextPage()}
      />
    </section>
  );
}
