import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { SelectField } from '@/components/field';
import { Loading } from '@/components/loading';
import { Card } from '@/components/page';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { useShelterAssessments } from '../api/assessments';
import { DEFAULT_TEMPLATE, useTemplate } from '../api/templates';
import { assessmentPaths } from '../components/assessment_paths';
import { ScoreTimeline } from '../components/charts';
import { assessmentLabel } from '../components/labels';
import { formatScore } from '../components/sheet';

/**
 * The Assessments tab of a shelter (the router places it under the shelter page): its assessments, drafts to
 * resume, and its finished scores over time, overall and, on request, for one area.
 */
export function ShelterAssessmentsRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { id = '' } = useParams();
  const list = useShelterAssessments(id);
  const template = useTemplate(DEFAULT_TEMPLATE);
  const [area, setArea] = useState('');
  const rows = list.data ?? [];
  const finished = rows
    .filter((row) => row.status === 'finished')
    .sort((a, b) => a.assessed_on.localeCompare(b.assessed_on));
  const areas = template.data?.areas ?? [];
  const areaTitle = areas.find((a) => a.key === area)?.title;

  return (
    <section aria-labelledby="shelter-assessments-title">
      <h2 id="shelter-assessments-title" className="visually-hidden">
        {t('shelters.tab.assessments')}
      </h2>
      {can(me, 'create:assessment') ? (
        <div className="form-actions tab-actions">
          <Link to={assessmentPaths.newFor(id)} className="btn btn-primary">
            {t('assessments.new')}
          </Link>
        </div>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isSuccess && rows.length === 0 ? (
        <p className="empty">{t('assessments.shelter_empty')}</p>
      ) : null}
      {finished.length > 0 ? (
        <Card title={t('assessments.over_time')}>
          <div className="filters-grid">
            <SelectField
              label={t('assessments.comparison.area')}
              name="area"
              value={area}
              onValueChange={setArea}
              options={areas.map((a) => ({ value: a.key, label: a.title }))}
              placeholder={t('assessments.overall_only')}
            />
          </div>
          <ScoreTimeline
            title={t('assessments.over_time')}
            series={[
              {
                key: 'overall',
                label: t('assessments.sheet.overall'),
                points: finished.map((row) => ({
                  date: row.assessed_on,
                  value: row.overall_score,
                })),
              },
              ...(area && areaTitle
                ? [
                    {
                      key: area,
                      label: areaTitle,
                      points: finished.map((row) => ({
                        date: row.assessed_on,
                        value: row.area_scores[area],
                      })),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('shelters.tab.assessments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessments.field.assessed_on')}</th>
                <th scope="col">{t('assessments.field.status')}</th>
                <th scope="col" className="numeric">
                  {t('assessments.sheet.overall')}
                </th>
                {area && areaTitle ? (
                  <th scope="col" className="numeric">
                    {areaTitle}
                  </th>
                ) : null}
                <th scope="col" className="numeric">
                  {t('assessments.results.critical_gaps')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="row-header">
                    <Link to={paths.assessment(row.id)}>
                      {formatDate(row.assessed_on, i18n.language)}
                    </Link>
                  </th>
                  <td>
                    <Badge tone={row.status === 'finished' ? 'good' : 'warn'}>
                      {assessmentLabel(t, 'status', row.status)}
                    </Badge>
                  </td>
                  <td className="numeric">{formatScore(row.overall_score, i18n.language)}</td>
                  {area && areaTitle ? (
                    <td className="numeric">{formatScore(row.area_scores[area], i18n.language)}</td>
                  ) : null}
                  <td className="numeric">{row.critical_gaps}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
