import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/loading';
import { formatDate, formatDateTime } from '@/lib/format';
import { exportUrl } from '../api/assessments';
import { useChanges } from '../api/changes';
import { useRecommendations } from '../api/recommendations';
import { assessmentLabel } from '../components/labels';
import { ChangesView } from '../components/changes_view';
import { RecommendationsTable } from '../components/recommendations_table';
import { ItemsReadOnly, Results } from '../components/results';
import { useAssessmentOutlet } from './assessment_layout';

/**
 * The assessment report: everything on one page that prints cleanly (the print stylesheet hides the menu, the
 * tabs and the buttons), with the same report as a spreadsheet from the server.
 */
export function AssessmentReportRoute() {
  const { t, i18n } = useTranslation();
  const { assessment, template } = useAssessmentOutlet();
  const changes = useChanges(assessment.id);
  const recommendations = useRecommendations(assessment.id);

  return (
    <article className="report" aria-labelledby="report-title">
      <div className="form-actions report-actions no-print">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t('assessments.report.print')}
        </button>
        <a className="btn btn-secondary" href={exportUrl(assessment.id, 'xlsx')} download>
          {t('assessments.report.xlsx')}
        </a>
        <a className="btn btn-secondary" href={exportUrl(assessment.id, 'csv')} download>
          {t('assessments.report.csv')}
        </a>
      </div>
      <header className="report-header">
        <h2 id="report-title">
          {t('assessments.report.title', { shelter: assessment.shelter_name ?? '' })}
        </h2>
        <dl className="summary">
          <div>
            <dt>{t('assessments.field.assessed_on')}</dt>
            <dd>{formatDate(assessment.assessed_on, i18n.language)}</dd>
          </div>
          <div>
            <dt>{t('assessments.field.template')}</dt>
            <dd dir="auto">
              {t('assessments.template_option', {
                title: template.title,
                version: assessment.template_version,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('assessments.field.status')}</dt>
            <dd>
              {assessmentLabel(t, 'status', assessment.status)}
              {assessment.finished_at
                ? ` — ${formatDateTime(assessment.finished_at, i18n.language)}`
                : ''}
            </dd>
          </div>
        </dl>
        {assessment.status === 'draft' ? (
          <p className="report-draft">{t('assessments.report.draft_warning')}</p>
        ) : null}
      </header>

      <section className="report-section" aria-labelledby="report-results">
        <h3 id="report-results">{t('assessments.results.title')}</h3>
        <Results assessment={assessment} template={template} />
      </section>

      {assessment.summary ? (
        <section className="report-section" aria-labelledby="report-summary">
          <h3 id="report-summary">{t('assessments.field.summary')}</h3>
          <p className="prewrap" dir="auto">
            {assessment.summary}
          </p>
        </section>
      ) : null}

      <section className="report-section" aria-labelledby="report-changes">
        <h3 id="report-changes">{t('assessments.changes.title')}</h3>
        {changes.data ? <ChangesView changes={changes.data} printable /> : <Loading />}
      </section>

      <section className="report-section" aria-labelledby="report-recommendations">
        <h3 id="report-recommendations">{t('assessments.tab.recommendations')}</h3>
        {recommendations.data ? (
          recommendations.data.length > 0 ? (
            <RecommendationsTable items={recommendations.data} template={template} />
          ) : (
            <p className="muted">{t('assessments.rec.empty')}</p>
          )
        ) : (
          <Loading />
        )}
      </section>

      <section className="report-section report-items" aria-labelledby="report-items">
        <h3 id="report-items">{t('assessments.results.items')}</h3>
        <ItemsReadOnly assessment={assessment} template={template} />
      </section>
    </article>
  );
}
