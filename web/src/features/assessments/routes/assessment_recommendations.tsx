import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '@/components/alert';
import { Loading } from '@/components/loading';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { isStale, ProblemAlert, StaleAlert } from '@/features/shelters';
import {
  recommendationsQueryKey,
  useRecommendations,
  useSaveRecommendation,
  type Recommendation,
} from '../api/recommendations';
import { RecommendationForm } from '../components/recommendation_form';
import { RecommendationsTable } from '../components/recommendations_table';
import { useAssessmentOutlet } from './assessment_layout';

function shortText(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The Recommendations tab: follow-up actions, added and edited whether the assessment is finished or not. */
export function AssessmentRecommendationsRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { assessment, template } = useAssessmentOutlet();
  const list = useRecommendations(assessment.id);
  const close = useSaveRecommendation(assessment.id);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const mayEdit = can(me, 'update:assessment');
  const items = list.data ?? [];
  const edited = items.find((rec) => rec.id === editing);
  const reload = () => {
    close.reset();
    void queryClient.invalidateQueries({ queryKey: recommendationsQueryKey(assessment.id) });
  };

  function done(saved: Recommendation | null, key: string) {
    setEditing(null);
    if (saved) setMessage(t(key));
  }

  return (
    <section aria-labelledby="recommendations-title">
      <h2 id="recommendations-title" className="visually-hidden">
        {t('assessments.tab.recommendations')}
      </h2>
      {message && editing === null ? <Alert tone="success" title={message} /> : null}
      {isStale(close.error) ? (
        <StaleAlert onReload={reload} reloading={list.isFetching} />
      ) : close.isError ? (
        <ProblemAlert error={close.error} />
      ) : null}
      {editing === 'new' ? (
        <RecommendationForm
          assessmentId={assessment.id}
          template={template}
          onDone={(saved) => done(saved, 'assessments.rec.added')}
          onReload={reload}
          reloading={list.isFetching}
        />
      ) : null}
      {edited ? (
        <RecommendationForm
          key={edited.version}
          assessmentId={assessment.id}
          template={template}
          recommendation={edited}
          onDone={(saved) => done(saved, 'assessments.rec.updated')}
          onReload={reload}
          reloading={list.isFetching}
        />
      ) : null}
      {mayEdit && editing === null ? (
        <div className="form-actions tab-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setMessage(null);
              close.reset();
              setEditing('new');
            }}
          >
            {t('assessments.rec.add')}
          </button>
        </div>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <p className="empty">{t('assessments.rec.empty')}</p>
      ) : null}
      {items.length > 0 ? (
        <RecommendationsTable
          items={items}
          template={template}
          actions={
            mayEdit
              ? (rec) => (
                  <>
                    <button
                      type="button"
                      className="btn btn-secondary"
                      aria-label={t('assessments.rec.edit_named', { text: shortText(rec.text) })}
                      onClick={() => {
                        setMessage(null);
                        close.reset();
                        setEditing(rec.id);
                      }}
                    >
                      {t('assessments.rec.edit')}
                    </button>
                    {rec.status !== 'done' ? (
                      <button
                        type="button"
                        className="btn btn-secondary"
                        disabled={close.isPending}
                        aria-label={t('assessments.rec.close_named', { text: shortText(rec.text) })}
                        onClick={() => {
                          setMessage(null);
                          close.mutate(
                            { id: rec.id, version: rec.version, input: { status: 'done' } },
                            { onSuccess: () => setMessage(t('assessments.rec.closed')) },
                          );
                        }}
                      >
                        {t('assessments.rec.close')}
                      </button>
                    ) : null}
                  </>
                )
              : undefined
          }
        />
      ) : null}
    </section>
  );
}
