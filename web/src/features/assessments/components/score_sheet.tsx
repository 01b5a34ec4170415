import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { TextField } from '@/components/field';
import { isApiError, type FieldErrors } from '@/lib/api';
import { TextAreaField } from '@/components/text_area_field';
import { FormProblems, isIsoDate } from '@/features/shelters';
import {
  useFinishAssessment,
  useSaveAssessment,
  type Assessment,
  type AssessmentPatch,
} from '../api/assessments';
import type { Template } from '../api/templates';
import { ItemScorer } from './item_scorer';
import { itemCode } from './labels';
import {
  computeResult,
  entryOf,
  formatScore,
  sheetChanges,
  sheetFrom,
  type Entry,
  type Sheet,
} from './sheet';

interface ScoreSheetProps {
  assessment: Assessment;
  template: Template;
  /** The area shown (its key), kept in the address so a reload or another device opens the same place. */
  areaKey: string;
  onAreaChange: (key: string) => void;
  onReload: () => void;
  reloading: boolean;
  onFinished: () => void;
}

export const SUMMARY_STEP = 'summary';

/**
 * The assessor's form, area by area. Scores live on the server: "Save draft" sends what changed since the last
 * save (with the version read), so the assessment can be resumed later from any device by opening it again.
 * "Finish" saves, then closes the assessment; items left neither scored nor n/a come back as field errors.
 */
export function ScoreSheet({
  assessment,
  template,
  areaKey,
  onAreaChange,
  onReload,
  reloading,
  onFinished,
}: ScoreSheetProps) {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const save = useSaveAssessment(assessment.id);
  const finish = useFinishAssessment(assessment.id);
  const [saved, setSaved] = useState<Sheet>(() => sheetFrom(assessment, template));
  const [sheet, setSheet] = useState<Sheet>(saved);
  const [summary, setSummary] = useState(assessment.summary ?? '');
  const [savedSummary, setSavedSummary] = useState(assessment.summary ?? '');
  const [assessedOn, setAssessedOn] = useState(assessment.assessed_on);
  const [version, setVersion] = useState(assessment.version);
  const [fields, setFields] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  // Where focus goes once another area is on screen: an item named in an error, else the area's heading.
  const focusAfterMove = useRef<string | null>(null);
  const shownArea = useRef(areaKey);

  useEffect(() => {
    if (shownArea.current === areaKey) return;
    shownArea.current = areaKey;
    const target = focusAfterMove.current;
    focusAfterMove.current = null;
    const form = formRef.current;
    const element = target
      ? form?.querySelector<HTMLElement>(`[name="${CSS.escape(target)}"]`)
      : document.getElementById('area-title');
    element?.focus();
  }, [areaKey]);

  const changes = sheetChanges(sheet, saved);
  const dirty =
    Object.keys(changes).length > 0 ||
    summary.trim() !== savedSummary.trim() ||
    assessedOn !== assessment.assessed_on;
  const local = computeResult(template, sheet);

  // Closing or reloading the tab with unsaved scores asks first (the browser words the question).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // Without unsaved changes, the server's own figures; while editing, the same formula computed here.
  const overallScore = dirty ? local.overall.score : assessment.result.overall.score;
  const areaIndex = template.areas.findIndex((area) => area.key === areaKey);
  const area = areaIndex >= 0 ? template.areas[areaIndex] : undefined;
  const steps = [...template.areas.map((a) => a.key), SUMMARY_STEP];
  const stepIndex = steps.indexOf(area ? area.key : SUMMARY_STEP);

  function setEntry(areaKeyToSet: string, item: string, entry: Entry) {
    setNotice(null);
    // An answered item no longer needs its error.
    const name = `scores.${areaKeyToSet}.${item}`;
    setFields((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith(name))),
    );
    setSheet((current) => ({
      ...current,
      [areaKeyToSet]: { ...current[areaKeyToSet], [item]: entry },
    }));
  }

  function patch(): AssessmentPatch {
    const body: AssessmentPatch = { version };
    if (Object.keys(changes).length > 0) body.scores = changes;
    if (summary.trim() !== savedSummary.trim()) body.summary = summary.trim() || null;
    if (assessedOn !== assessment.assessed_on) body.assessed_on = assessedOn;
    return body;
  }

  function showErrors(error: unknown) {
    if (isApiError(error) && Object.keys(error.fields).length > 0) setFields(error.fields);
    else setFields({});
  }

  async function saveDraft(): Promise<Assessment | null> {
    if (!isIsoDate(assessedOn)) {
      setFields({ assessed_on: 'validation.date' });
      return null;
    }
    setFields({});
    if (!dirty) return assessment;
    try {
      const answer = await save.mutateAsync(patch());
      setSaved(sheet);
      setSavedSummary(summary);
      setVersion(answer.version);
      return answer;
    } catch (error) {
      showErrors(error);
      return null;
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    finish.reset();
    void saveDraft().then((answer) => {
      if (answer) setNotice(t('assessments.sheet.saved'));
    });
  }

  async function onFinish() {
    finish.reset();
    setNotice(null);
    const answer = await saveDraft();
    if (!answer) return;
    try {
      await finish.mutateAsync({ version: answer.version });
      onFinished();
    } catch (error) {
      showErrors(error);
    }
  }

  function labelOf(key: string): string {
    if (key === 'assessed_on') return t('assessments.field.assessed_on');
    if (key === 'summary') return t('assessments.field.summary');
    const match = /^scores\.(\w+)(?:\.(\w+))?/.exec(key);
    const found = template.areas.find((a) => a.key === match?.[1]);
    if (!found) return key;
    if (!match?.[2]) return found.title;
    return t('assessments.sheet.item_of_area', { area: found.title, item: itemCode(match[2]) });
  }

  /** Focuses the field an error names, moving to its area first when it is not on screen. */
  function selectError(key: string) {
    const match = /^scores\.(\w+)\.(\w+)/.exec(key);
    const target = match ? `scores.${match[1] ?? ''}.${match[2] ?? ''}` : key;
    const step = match?.[1] ?? SUMMARY_STEP;
    if (step !== areaKey) {
      focusAfterMove.current = target;
      onAreaChange(step);
      return;
    }
    formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(target)}"]`)?.focus();
  }

  const error = finish.error ?? save.error;

  return (
    <form ref={formRef} className="form score-sheet" onSubmit={onSubmit} noValidate>
      <div className="sheet-status" role="status" aria-live="polite">
        {notice ? <Alert tone="success" title={notice} /> : null}
      </div>
      <FormProblems
        formRef={formRef}
        error={error}
        fields={fields}
        labelOf={labelOf}
        onReload={onReload}
        reloading={reloading}
        version={version}
        codeKeys={{ assessment_finished: 'assessments.sheet.error_finished' }}
        onSelect={selectError}
      />
      <div className="sheet-layout">
        <nav className="area-nav" aria-label={t('assessments.sheet.areas')}>
          <ol>
            {template.areas.map((a, index) => {
              const totals = local.areas[index];
              const done = (totals?.scored ?? 0) + (totals?.na ?? 0);
              return (
                <li key={a.key}>
                  <button
                    type="button"
                    className="area-link"
                    aria-current={a.key === area?.key ? 'step' : undefined}
                    onClick={() => onAreaChange(a.key)}
                  >
                    <span className="area-link-title">{a.title}</span>
                    <span className="area-link-meta">
                      {t('assessments.sheet.progress', { done, total: a.items.length })}
                      {totals && totals.criticalGaps > 0 ? (
                        <>
                          {' · '}
                          {t('assessments.sheet.gaps', { count: totals.criticalGaps })}
                        </>
                      ) : null}
                    </span>
                  </button>
                </li>
              );
            })}
            <li>
              <button
                type="button"
                className="area-link"
                aria-current={area ? undefined : 'step'}
                onClick={() => onAreaChange(SUMMARY_STEP)}
              >
                <span className="area-link-title">{t('assessments.sheet.summary_step')}</span>
              </button>
            </li>
          </ol>
        </nav>

        <div className="sheet-main">
          <div className="running-score" aria-live="polite">
            <span>
              {t('assessments.sheet.overall')}:{' '}
              <strong data-testid="overall-score">
                {formatScore(overallScore, i18n.language)}
              </strong>
            </span>
            {area ? (
              <span>
                {t('assessments.sheet.area_score', { area: area.title })}:{' '}
                <strong>{formatScore(local.areas[areaIndex]?.score ?? null, i18n.language)}</strong>
              </span>
            ) : null}
            <span>
              {t('assessments.sheet.progress', {
                done: local.overall.scored + local.overall.na,
                total: local.overall.scored + local.overall.na + local.overall.unscored,
              })}
            </span>
            {local.gaps.length > 0 ? (
              <Badge tone="bad">{t('assessments.sheet.gaps', { count: local.gaps.length })}</Badge>
            ) : null}
            {dirty ? (
              <Badge tone="warn">{t('assessments.sheet.unsaved')}</Badge>
            ) : (
              <Badge tone="good">{t('assessments.sheet.all_saved')}</Badge>
            )}
          </div>

          {area ? (
            <section aria-labelledby="area-title" className="sheet-area">
              <h2 id="area-title" className="area-title" tabIndex={-1}>
                {t('assessments.sheet.area_heading', {
                  n: areaIndex + 1,
                  total: template.areas.length,
                  area: area.title,
                })}
              </h2>
              {area.source ? (
                <p className="muted area-source" dir="auto">
                  {t('assessments.sheet.source')}: {area.source}
                </p>
              ) : null}
              {area.items.map((item) => (
                <ItemScorer
                  key={item.key}
                  area={area.key}
                  item={item}
                  entry={entryOf(sheet, area.key, item.key)}
                  onChange={(entry) => setEntry(area.key, item.key, entry)}
                  errors={fields}
                />
              ))}
            </section>
          ) : (
            <section aria-labelledby="area-title" className="sheet-area">
              <h2 id="area-title" className="area-title" tabIndex={-1}>
                {t('assessments.sheet.summary_step')}
              </h2>
              <TextField
                label={t('assessments.field.assessed_on')}
                name="assessed_on"
                type="date"
                value={assessedOn}
                onValueChange={setAssessedOn}
                error={fields.assessed_on}
                required
              />
              <TextAreaField
                label={t('assessments.field.summary')}
                name="summary"
                value={summary}
                onValueChange={setSummary}
                hint={t('assessments.sheet.evidence_hint')}
                error={fields.summary}
                rows={5}
              />
              {local.complete ? (
                <p>{t('assessments.sheet.ready')}</p>
              ) : (
                <Alert
                  tone="info"
                  title={t('assessments.sheet.not_ready', { count: local.overall.unscored })}
                />
              )}
            </section>
          )}

          <div className="form-actions sheet-actions">
            {stepIndex > 0 ? (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => onAreaChange(steps[stepIndex - 1] ?? SUMMARY_STEP)}
              >
                {t('assessments.sheet.previous_area')}
              </button>
            ) : null}
            {stepIndex < steps.length - 1 ? (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => onAreaChange(steps[stepIndex + 1] ?? SUMMARY_STEP)}
              >
                {t('assessments.sheet.next_area')}
              </button>
            ) : null}
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('assessments.sheet.save_draft')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.isPending || finish.isPending}
              onClick={() => void onFinish()}
            >
              {finish.isPending ? t('common.saving') : t('assessments.sheet.finish')}
            </button>
          </div>
        </div>
      </div>
    </form>
  );
}
