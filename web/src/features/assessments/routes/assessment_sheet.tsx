import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { Card } from '@/components/page';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { ItemsReadOnly, Results } from '../components/results';
import { ScoreSheet, SUMMARY_STEP } from '../components/score_sheet';
import { useAssessmentOutlet } from './assessment_layout';

/**
 * The Sheet tab: a draft opens as the assessor's form (for holders of `update:assessment`), a finished
 * assessment as its results and the scored items. The area being scored is kept in the address.
 */
export function AssessmentSheetRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { assessment, template, reload, reloading, generation } = useAssessmentOutlet();
  const [params, setParams] = useSearchParams();
  const requested = params.get('area') ?? '';
  const areaKey =
    requested === SUMMARY_STEP || template.areas.some((area) => area.key === requested)
      ? requested
      : (template.areas[0]?.key ?? SUMMARY_STEP);

  if (assessment.status === 'draft' && can(me, 'update:assessment')) {
    return (
      <ScoreSheet
        key={`${assessment.id}:${generation}`}
        assessment={assessment}
        template={template}
        areaKey={areaKey}
        onAreaChange={(key) => setParams({ area: key }, { replace: true })}
        onReload={reload}
        reloading={reloading}
        onFinished={() => setParams({}, { replace: true })}
      />
    );
  }

  return (
    <section aria-labelledby="assessment-results-title">
      <h2 id="assessment-results-title" className="visually-hidden">
        {t('assessments.tab.sheet')}
      </h2>
      {assessment.status === 'finished' ? (
        <Alert tone="success" title={t('assessments.finished_note')} />
      ) : (
        <Alert tone="info" title={t('assessments.draft_readonly')} />
      )}
      <Card title={t('assessments.results.title')}>
        <Results assessment={assessment} template={template} />
      </Card>
      {assessment.summary ? (
        <Card title={t('assessments.field.summary')}>
          <p className="prewrap" dir="auto">
            {assessment.summary}
          </p>
        </Card>
      ) : null}
      <Card title={t('assessments.results.items')}>
        <ItemsReadOnly assessment={assessment} template={template} />
      </Card>
    </section>
  );
}
