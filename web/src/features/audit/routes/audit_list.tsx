import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { LoadMore } from '@/components/load_more';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { formatDateTime } from '@/lib/format';
import { useAudit } from '../api/get_audit';

/** Shortens a long id or hash for the table; the full value stays available as a tooltip and to copy. */
function Short({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  return (
    <code dir="ltr" title={value}>
      {value.length > 14 ? `${value.slice(0, 12)}…` : value}
    </code>
  );
}

export function AuditListRoute() {
  const { t, i18n } = useTranslation();
  const audit = useAudit();
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page title={t('audit.title')} description={t('audit.description')}>
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? <ErrorAlert error={audit.error} /> : null}
      {audit.isSuccess && items.length === 0 ? <p className="empty">{t('audit.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.seq')}</th>
                <th scope="col">{t('audit.time')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.entity_id')}</th>
                <th scope="col">{t('audit.office')}</th>
                <th scope="col">{t('audit.request_id')}</th>
                <th scope="col">{t('audit.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.seq}>
                  <td className="numeric">{entry.seq}</td>
                  <td>{formatDateTime(entry.time, i18n.language)}</td>
                  <td>
                    <Short value={entry.actor} />
                  </td>
                  <td>
                    <code dir="ltr">{entry.action}</code>
                  </td>
                  <td>{entry.entity}</td>
                  <td>
                    <Short value={entry.entity_id} />
                  </td>
                  <td>
                    <Short value={entry.office_id} />
                  </td>
                  <td>
                    <Short value={entry.request_id} />
                  </td>
                  <td>
                    <Short value={entry.hash} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        hasMore={audit.hasNextPage}
        loading={audit.isFetchingNextPage}
        onLoadMore={() => void audit.fetchNextPage()}
      />
    </Page>
  );
}
