import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { Flash } from '@/components/flash';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { isApiError } from '@/lib/api';
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

function BackToList() {
  const { t } = useTranslation();
  return (
    <Link to={paths.assessments} className="btn btn-secondary">
      {t('assessments.back_to_list')}
    </Link>
  );
}

/** An assessment: its header, its tabs, and the chosen tab below. */
export function AssessmentLayoutRoute() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { id = '' } = useParams();
  const query = useAssessment(id);
  const template = useTemplate(query.data?.template_id, query.data?.template_version);
  const [generation, setGeneration] = useState(0);

  const error = query.error ?? template.error;
  if (error) {
    if (isApiError(error) && error.status === 404) {
      return (
        <Page title={t('assessments.not_found_title')} actions={<BackToList />}>
          <p>{t('assessments.not_found_body')}</p>
        </Page>
      );
    }
    return (
      <Page title={t('assessments.assessment')} actions={<BackToList />}>
        <ErrorAlert error={error} />
      </Page>
    );
  }
  if (!query.data || !template.data) {
    return (
      <Page title={t('assessments.assessment')}>
        <Loading />
      </Page>
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
      actions={<BackToList />}
    >
      <Flash />
      <dl className="case-facts">
        <div>
          <dt>{t('assessments.field.assessed_on')}</dt>
          <dd>{formatDate(assessment.assessed_on, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('assessments.field.status')}</dt>
          <dd>
            <Badge tone={assessment.status === 'finished' ? 'good' : 'warn'}>
              {assessmentLabel(t, 'status', assessment.status)}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>{t('assessments.sheet.overall')}</dt>
          <dd>{formatScore(assessment.result.overall.score, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('assessments.results.critical_gaps')}</dt>
          <dd>{assessment.result.critical_gaps.length}</dd>
        </div>
        <div>
          <dt>{t('assessments.field.shelter')}</dt>
          <dd>
            <Link to={paths.shelter(assessment.shelter_id)} dir="auto">
              {assessment.shelter_name}
            </Link>
          </dd>
        </div>
      </dl>
      <nav aria-label={t('assessments.tabs_label')} className="tabs">
        <ul>
          {assessmentTabs.map((tab) => (
            <li key={tab}>
              <NavLink to={assessmentPaths.tab(assessment.id, tab)} end={tab === 'sheet'}>
                {t(tabLabelKeys[tab])}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={context} />
    </Page>
  );
}
