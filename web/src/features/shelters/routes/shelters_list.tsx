import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { SelectField } from '@/components/field';
import { Flash } from '@/components/flash';
import { LoadMore } from '@/components/load_more';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { useShelters } from '../api/get_shelters';
import { OccupancyList, statusTone } from '../components/occupancy_list';
import { shelterStatuses, shelterValueLabel, shelterValueOptions } from '../components/vocab';

/** The shelter registry: every shelter in the user's scope, with its beds taken per population. */
export function SheltersListRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (shelterStatuses as readonly string[]).includes(raw) ? raw : '';
  const shelters = useShelters(status);
  const items = shelters.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page
      title={t('shelters.title')}
      description={t('shelters.description')}
      actions={
        can(me, 'create:shelter') ? (
          <Link to={paths.shelterNew} className="btn btn-primary">
            {t('shelters.new')}
          </Link>
        ) : null
      }
    >
      <Flash />
      <div className="filters-grid shelter-filters">
        <SelectField
          label={t('shelters.field.status')}
          name="status"
          value={status}
          onValueChange={(value) => setParams(value ? { status: value } : {})}
          options={shelterValueOptions(t, 'status', shelterStatuses)}
          placeholder={t('shelters.any_status')}
        />
      </div>
      {shelters.isPending ? <Loading /> : null}
      {shelters.isError ? <ErrorAlert error={shelters.error} /> : null}
      {shelters.isSuccess && items.length === 0 ? (
        <p className="empty">{status ? t('shelters.empty_filtered') : t('shelters.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('shelters.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('shelters.field.name')}</th>
                <th scope="col">{t('shelters.field.operator_type')}</th>
                <th scope="col">{t('shelters.field.status')}</th>
                <th scope="col">{t('shelters.occupancy.column')}</th>
                <th scope="col" className="numeric">
                  {t('shelters.occupancy.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((shelter) => (
                <tr key={shelter.id}>
                  <th scope="row" className="row-header">
                    <Link to={paths.shelter(shelter.id)} dir="auto">
                      {shelter.name}
                    </Link>
                  </th>
                  <td>{shelterValueLabel(t, 'operatorType', shelter.operator_type)}</td>
                  <td>
                    <Badge tone={statusTone(shelter.status)}>
                      {shelterValueLabel(t, 'status', shelter.status)}
                    </Badge>
                  </td>
                  <td>
                    <OccupancyList shelter={shelter} />
                  </td>
                  <td className="numeric">
                    <span dir="ltr">
                      {t('shelters.occupancy.of', {
                        current: shelter.occupancy?.current_total ?? 0,
                        capacity: shelter.occupancy?.capacity_total ?? 0,
                      })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        hasMore={shelters.hasNextPage}
        loading={shelters.isFetchingNextPage}
        onLoadMore={() => void shelters.fetchNextPage()}
      />
    </Page>
  );
}
