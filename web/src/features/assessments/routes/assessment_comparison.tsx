import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { SelectField } from '@/components/field';
import { Loading } from '@/components/loading';
import { Card, Page } from '@/components/page';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';
import { useComparison } from '../api/comparison';
import { DEFAULT_TEMPLATE, useTemplate, useTemplates } from '../api/templates';
import { AreaBars, GroupedBars } from '../components/charts';
import { formatScore } from '../components/sheet';

/**
 * Shelters side by side: each one's latest finished assessment of a template, area by area, as grouped bars and
 * as a table with the same figures. Choosing an area ranks the shelters on it.
 */
export function AssessmentComparisonRoute() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const templateId = params.get('template') ?? DEFAULT_TEMPLATE;
  const templates = useTemplates();
  const template = useTemplate(templateId);
  const areas = template.data?.areas ?? [];
  const requested = params.get('area') ?? '';
  const area = areas.some((a) => a.key === requested) ? requested : '';
  const comparison = useComparison(templateId, area);
  const rows = comparison.data?.items ?? [];
  const templateIds = [...new Set((templates.data ?? []).map((summary) => summary.id))];
  const areaTitle = areas.find((a) => a.key === area)?.title ?? '';

  function choose(next: { template?: string; area?: string }) {
    const values: Record<string, string> = {};
    const nextTemplate = next.template ?? templateId;
    if (nextTemplate !== DEFAULT_TEMPLATE) values.template = nextTemplate;
    const nextArea = next.template ? '' : (next.area ?? area);
    if (nextArea) values.area = nextArea;
    setParams(values, { replace: true });
  }

  return (
    <Page
      title={t('assessments.comparison.title')}
      description={t('assessments.comparison.description')}
      actions={
        <Link to={paths.assessments} className="btn btn-secondary">
          {t('assessments.back_to_list')}
        </Link>
      }
    >
      <div className="filters-grid shelter-filters">
        {templateIds.length > 1 ? (
          <SelectField
            label={t('assessments.field.template')}
            name="template"
            value={templateId}
            onValueChange={(value) => choose({ template: value })}
            options={templateIds.map((id) => ({
              value: id,
              label:
                (templates.data ?? []).find((summary) => summary.id === id && summary.latest)
                  ?.title ?? id,
            }))}
          />
        ) : null}
        <SelectField
          label={t('assessments.comparison.area')}
          name="area"
          value={area}
          onValueChange={(value) => choose({ area: value })}
          options={areas.map((a) => ({ value: a.key, label: a.title }))}
          placeholder={t('assessments.comparison.all_areas')}
        />
      </div>
      {comparison.isPending || template.isPending ? <Loading /> : null}
      {comparison.isError ? <ErrorAlert error={comparison.error} /> : null}
      {comparison.isSuccess && rows.length === 0 ? (
        <p className="empty">{t('assessments.comparison.empty')}</p>
      ) : null}
      {rows.length > 0 && template.data ? (
        <>
          <Card
            title={
              area
                ? t('assessments.comparison.chart_area', { area: areaTitle })
                : t('assessments.comparison.chart_all')
            }
          >
            {area ? (
              <AreaBars
                title={t('assessments.comparison.chart_area', { area: areaTitle })}
                bars={rows.map((row) => ({
                  key: row.shelter_id,
                  label: row.shelter_name,
                  value: row.score,
                }))}
              />
            ) : (
              <GroupedBars
                title={t('assessments.comparison.chart_all')}
                description={t('assessments.comparison.chart_desc', { count: rows.length })}
                seriesLabels={rows.map((row) => row.shelter_name)}
                groups={[
                  {
                    key: 'overall',
                    label: t('assessments.sheet.overall'),
                    values: rows.map((row) => row.overall_score),
                  },
                  ...areas.map((a) => ({
                    key: a.key,
                    label: a.title,
                    values: rows.map((row) => row.area_scores[a.key]),
                  })),
                ]}
              />
            )}
          </Card>
          <div className="table-wrap">
            <table className="table table-compact comparison-table">
              <caption>{t('assessments.comparison.table_caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('assessments.field.shelter')}</th>
                  <th scope="col">{t('assessments.field.assessed_on')}</th>
                  <th scope="col" className="numeric">
                    {t('assessments.sheet.overall')}
                  </th>
                  {areas.map((a) => (
                    <th key={a.key} scope="col" className="numeric" title={a.title}>
                      {a.title}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {t('assessments.results.critical_gaps')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.shelter_id}>
                    <th scope="row" className="row-header">
                      <Link to={paths.assessment(row.assessment_id)} dir="auto">
                        {row.shelter_name}
                      </Link>
                    </th>
                    <td>{formatDate(row.assessed_on, i18n.language)}</td>
                    <td className="numeric">{formatScore(row.overall_score, i18n.language)}</td>
                    {areas.map((a) => (
                      <td
                        key={a.key}
                        className={`numeric${a.key === area ? ' chosen-column' : ''}`}
                      >
                        {formatScore(row.area_scores[a.key], i18n.language)}
                      </td>
                    ))}
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
        </>
      ) : null}
    </Page>
  );
}
