import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { Badge } from '@/components/badge';
import { Flash } from '@/components/flash';
import { Page } from '@/components/page';
import { BackLink, Fact, RecordFallback, TabNav } from '@/components/record_layout';
import { formatDate } from '@/lib/format';
import { paths } from '@/lib/paths';
import { assessmentQueryKey, useAssessment, type Assessment } from '../api/assessments';
import { useTemplate, type Template } from '../api/templates';
import {
  assessmentPaths,
  assessmentTabs,
  type AssessmentTab,
} from '../components/assessment_paths';
import { assessmentLabel } from '../components/labels';
import { formatScore } from '../components/sheet';

export interface AssessmentOutletContext {
  assessment: Assessment;
  template: Template;
  /** Reads the assessment again and restarts the sheet from it (after a conflict). */
  reload: () => void;
  reloading: boolean;
  /** Bumped by every reload: the sheet is keyed by it, so its working copy starts again from the server. */
  generation: number;
}

export function useAssessmentOutlet(): AssessmentOutletContext {
  return useOutletContext<AssessmentOutletContext>();
}

const tabLabelKeys: Record<AssessmentTab, string> = {
  sheet: 'assessments.tab.sheet',
  changes: 'assessments.tab.changes',
  recommendations: 'assessments.tab.recommendations',
  report: 'assessments.tab.report',
};

/** An assessment: its header, its tabs, and the chosen tab below. */
export function AssessmentLayoutRoute() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const query = useAssessment(id);
  const template = useTemplate(query.data?.template_id, query.data?.template_version);
  const [generation, setGeneration] = useState(0);

  const back = <BackLink to={paths.assessments}>{t('assessments.back_to_list')}</BackLink>;

  const error = query.error ?? template.error;
  if (error || !query.data || !template.data) {
    return (
      <RecordFallback
        error={error}
        title={t('assessments.assessment')}
        notFoundTitle={t('assessments.not_found_title')}
        notFoundBody={t('assessments.not_found_body')}
        back={back}
      />
    );
  }

  const assessment = query.data;
  const context: AssessmentOutletContext = {
    assessment,
    template: template.data,
    reload: () => {
      void queryClient
        .refetchQueries({ queryKey: assessmentQueryKey(assessment.id), exact: true })
        .then(() => setGeneration((n) => n + 1));
    },
    reloading: query.isFetching,
    generation,
  };

  return (
    <Page
      title={t('assessments.assessment_title', { shelter: assessment.shelter_name ?? '' })}
      description={t('assessments.template_option', {
        title: template.data.title,
        version: assessment.template_version,
      })}
      actions={back}
    >
      <Flash />
      <dl className="case-facts">
        <Fact term={t('assessments.field.assessed_on')}>
          {formatDate(assessment.assessed_on, i18n.language)}
        </Fact>
        <Fact term={t('assessments.field.status')}>
          <Badge tone={assessment.status === 'finished' ? 'good' : 'warn'}>
            {assessmentLabel(t, 'status', assessment.status)}
          </Badge>
        </Fact>
        <Fact term={t('assessments.sheet.overall')}>
          {formatScore(assessment.result.overall.score, i18n.language)}
        </Fact>
        <Fact term={t('assessments.results.critical_gaps')}>
          {assessment.result.critical_gaps.length}
        </Fact>
        <Fact term={t('assessments.field.shelter')}>
          <Link to={paths.shelter(assessment.shelter_id)} dir="auto">
            {assessment.shelter_name}
          </Link>
        </Fact>
      </dl>
      <TabNav
        label={t('assessments.tabs_label')}
        tabs={assessmentTabs}
        pathOf={(tab) => assessmentPaths.tab(assessment.id, tab)}
        labelKeys={tabLabelKeys}
        indexTab="sheet"
      />
      <Outlet context={context} />
    </Page>
  );
}
