import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Flash } from '@/components/flash';
import { LoadMore } from '@/components/load_more';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { formatDateTime, countryName } from '@/lib/format';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { useOffices } from '../api/get_offices';

export function OfficesListRoute() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const offices = useOffices();
  const items = offices.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page
      title={t('offices.title')}
      description={t('offices.description')}
      actions={
        can(user, 'create:office') ? (
          <Link to={paths.officeNew} className="btn btn-primary">
            {t('offices.new')}
          </Link>
        ) : null
      }
    >
      <Flash />
      {offices.isPending ? <Loading /> : null}
      {offices.isError ? <ErrorAlert error={offices.error} /> : null}
      {offices.isSuccess && items.length === 0 ? (
        <p className="empty">{t('offices.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('offices.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offices.name')}</th>
                <th scope="col">{t('offices.code')}</th>
                <th scope="col">{t('offices.country')}</th>
                <th scope="col">{t('common.created')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((office) => (
                <tr key={office.id}>
                  <td>{office.name}</td>
                  <td>
                    <code dir="ltr">{office.code}</code>
                  </td>
                  <td>{countryName(office.country, i18n.language)}</td>
                  <td>{formatDateTime(office.created_at, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        hasMore={offices.hasNextPage}
        loading={offices.isFetchingNextPage}
        onLoadMore={() => void offices.fetchNextPage()}
      />
    </Page>
  );
}
