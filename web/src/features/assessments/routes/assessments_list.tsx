import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { SelectField } from '@/components/field';
import { Flash } from '@/components/flash';
import { LoadMore } from '@/components/load_more';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { useAssessments } from '../api/assessments';
import { assessmentLabel, assessmentOptions } from '../components/labels';
import { formatScore } from '../components/sheet';

const statuses = ['draft', 'finished'] as const;

/** Every assessment in the user's scope, newest first; drafts can be resumed from here on any device. */
export function AssessmentsListRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (statuses as readonly string[]).includes(raw) ? raw : '';
  const list = useAssessments(status ? { status } : {});
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Page
      title={t('assessments.title')}
      description={t('assessments.description')}
      actions={
        <>
          <Link to={paths.assessmentComparison} className="btn btn-secondary">
            {t('assessments.compare')}
          </Link>
          {can(me, 'create:assessment') ? (
            <Link to={paths.assessmentNew} className="btn btn-primary">
              {t('assessments.new')}
            </Link>
          ) : null}
        </>
      }
    >
      <Flash />
      <div className="filters-grid shelter-filters">
        <SelectField
          label={t('assessments.field.status')}
          name="status"
          value={status}
          onValueChange={(value) => setParams(value ? { status: value } : {})}
          options={assessmentOptions(t, 'status', statuses)}
          placeholder={t('assessments.any_status')}
        />
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <p className="empty">{t('assessments.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('assessments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessments.field.shelter')}</th>
                <th scope="col">{t('assessments.field.assessed_on')}</th>
                <th scope="col">{t('assessments.field.status')}</th>
                <th scope="col" className="numeric">
                  {t('assessments.sheet.overall')}
                </th>
                <th scope="col" className="numeric">
                  {t('assessments.results.critical_gaps')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="row-header">
                    <Link to={paths.assessment(row.id)} dir="auto">
                      {row.shelter_name ?? row.shelter_id}
                    </Link>
                  </th>
                  <td>{formatDate(row.assessed_on, i18n.language)}</td>
                  <td>
                    <Badge tone={row.status === 'finished' ? 'good' : 'warn'}>
                      {assessmentLabel(t, 'status', row.status)}
                    </Badge>
                  </td>
                  <td className="numeric">{formatScore(row.overall_score, i18n.language)}</td>
                  <td className="numeric">
                    {row.critical_gaps > 0 ? (
                      <Badge tone="bad">{row.critical_gaps}</Badge>
                    ) : (
                      row.critical_gaps
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </Page>
  );
}
