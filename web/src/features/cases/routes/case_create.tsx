import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { flashState } from '@/components/flash';
import { Card, Page } from '@/components/page';
import { isApiError, type FieldErrors } from '@/lib/api';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { focusFirstError, validate } from '@/lib/validation';
import { createCaseInputSchema, useCreateCase } from '../api/create_case';
import { casePaths } from '../components/case_paths';
import { ErrorSummary } from '../components/error_summary';
import { WizardProgress, type ProgressStep } from '../components/wizard_progress';
import {
  caseWizardSteps as steps,
  createCasePayload,
  emptyCaseDraft,
  intakeWizardSteps,
  stepOwning,
  wizardStepCount,
  type CaseDraft,
  type WizardStep,
} from '../components/wizard_steps';

/** Errors of `fields` that step `index` shows. */
function errorsOfStep(fields: FieldErrors, index: number): FieldErrors {
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => stepOwning(steps, key) === index),
  );
}

/**
 * The new-case wizard, registration part: one form, one step at a time, nothing sent until the review step.
 * Client-side checks run when leaving a step; the server's 422 answer takes the user back to the first step with
 * a problem, with each message under its input. Once registered, the wizard goes on with screening, decision
 * and consent against the new case (routes/case_intake.tsx).
 */
export function CaseCreateRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const piiVisible = can(me, 'view_pii');
  const navigate = useNavigate();
  const create = useCreateCase();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<CaseDraft>(emptyCaseDraft);
  const [current, setCurrent] = useState(0);
  const [visited, setVisited] = useState(0);
  const [fields, setFields] = useState<FieldErrors>({});
  // What gets focus once the step on screen has rendered: its heading, or its first field with an error.
  const pendingFocus = useRef<'heading' | 'error' | null>(null);

  const step = steps[Math.min(current, steps.length - 1)] as WizardStep;
  const last = current === steps.length - 1;
  const stepFields = errorsOfStep(fields, current);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target === 'error') focusFirstError(formRef.current, stepFields);
    else headingRef.current?.focus();
  });

  function goTo(index: number, focus: 'heading' | 'error' = 'heading') {
    setCurrent(index);
    setVisited((seen) => Math.max(seen, index));
    pendingFocus.current = focus;
  }

  function goToStep(id: string) {
    const index = steps.findIndex((candidate) => candidate.id === id);
    if (index >= 0) goTo(index);
  }

  /** Client-side errors of the whole draft. */
  function check(): { errors: FieldErrors; payload: ReturnType<typeof createCasePayload> } {
    const payload = createCasePayload(draft, piiVisible);
    const checked = validate(createCaseInputSchema, payload);
    return { errors: checked.ok ? {} : checked.fields, payload };
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors, payload } = check();
    if (!last) {
      // Leaving a step re-checks that step only; messages of later steps (from the server) stay until then.
      const mine = errorsOfStep(errors, current);
      const others = Object.fromEntries(
        Object.entries(fields).filter(([key]) => stepOwning(steps, key) !== current),
      );
      setFields({ ...others, ...mine });
      if (Object.keys(mine).length > 0) {
        pendingFocus.current = 'error';
        return;
      }
      goTo(current + 1);
      return;
    }
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      goTo(Math.min(...Object.keys(errors).map((key) => stepOwning(steps, key))), 'error');
      return;
    }
    create.mutate(payload, {
      onSuccess: (created) =>
        void navigate(casePaths.intake(created.id, 'screening'), {
          state: flashState('cases.created', { number: created.cas_Number }),
        }),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fields).length > 0) {
          setFields(error.fields);
          goTo(
            Math.min(...Object.keys(error.fields).map((key) => stepOwning(steps, key))),
            'error',
          );
        }
      },
    });
  }

  const title = t(step.titleKey);
  const progress: ProgressStep[] = [
    ...steps.map((candidate, index) => ({
      id: candidate.id,
      titleKey: candidate.titleKey,
      state:
        index === current
          ? ('current' as const)
          : index <= visited
            ? ('visited' as const)
            : ('upcoming' as const),
      onSelect: () => goTo(index),
    })),
    ...intakeWizardSteps.map((later) => ({ ...later, state: 'upcoming' as const })),
  ];
  const StepFields = step.component;
  const serverFieldErrors = isApiError(create.error) && Object.keys(create.error.fields).length > 0;

  return (
    <Page title={t('cases.new')} description={t('cases.wizard.description')}>
      <WizardProgress steps={progress} />
      <Card>
        <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
          <h2 ref={headingRef} tabIndex={-1} className="wizard-title">
            {t('cases.wizard.step_of', { current: current + 1, total: wizardStepCount, title })}
          </h2>
          {create.isError && !serverFieldErrors ? <ErrorAlert error={create.error} /> : null}
          <ErrorSummary
            fields={stepFields}
            onSelect={(key) => {
              const input = formRef.current?.querySelector<HTMLElement>(
                `[name="${CSS.escape(key)}"]`,
              );
              input?.focus();
            }}
          />
          <StepFields
            draft={draft}
            onChange={setDraft}
            fields={stepFields}
            piiVisible={piiVisible}
            goTo={goToStep}
          />
          <div className="form-actions wizard-actions">
            {current > 0 ? (
              <button type="button" className="btn btn-secondary" onClick={() => goTo(current - 1)}>
                {t('cases.wizard.back')}
              </button>
            ) : null}
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {last
                ? create.isPending
                  ? t('common.saving')
                  : t('cases.wizard.submit')
                : t('cases.wizard.next')}
            </button>
            <Link to={paths.cases} className="btn btn-link">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </Card>
    </Page>
  );
}
