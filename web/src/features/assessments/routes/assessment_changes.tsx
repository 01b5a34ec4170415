import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { Loading } from '@/components/loading';
import { Card } from '@/components/page';
import { useChanges } from '../api/changes';
import { ChangesView } from '../components/changes_view';
import { useAssessmentOutlet } from './assessment_layout';

/** The Changes tab: the follow-up against the shelter's previous finished assessment, item by item. */
export function AssessmentChangesRoute() {
  const { t } = useTranslation();
  const { assessment } = useAssessmentOutlet();
  const changes = useChanges(assessment.id);
  return (
    <Card title={t('assessments.changes.title')}>
      {changes.isPending ? <Loading /> : null}
      {changes.isError ? <ErrorAlert error={changes.error} /> : null}
      {changes.data ? <ChangesView changes={changes.data} /> : null}
    </Card>
  );
}
