import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { Alert, ErrorAlert } from '@/components/alert';
import { Flash, flashState } from '@/components/flash';
import { Loading } from '@/components/loading';
import { Card, Page } from '@/components/page';
import { isApiError } from '@/lib/api';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { caseQueryKey, useCaseDetail, type Case } from '../api/get_case';
import { useScreenings } from '../api/get_screenings';
import { casePaths, intakeSteps, type IntakeStep } from '../components/case_paths';
import { DecisionForm } from '../components/decision_form';
import { ScreeningForm } from '../components/screening_form';
import { DecisionSummary, ScreeningResult } from '../components/screening_result';
import { WizardProgress, type ProgressStep } from '../components/wizard_progress';
import { caseWizardSteps, intakeWizardSteps, wizardStepCount } from '../components/wizard_steps';
import { ConsentPanel } from './case_consent';

function isIntakeStep(value: string | undefined): value is IntakeStep {
  return (intakeSteps as readonly (string | undefined)[]).includes(value);
}

interface StepProps {
  record: Case;
  next: () => void;
  goTo: (step: IntakeStep) => void;
}

function ScreeningStep({ record, next, goTo }: StepProps) {
  const { t } = useTranslation();
  const screenings = useScreenings(record.id);
  const latest = screenings.data?.at(-1);
  return (
    <>
      {latest && !latest.decision ? (
        <Alert
          tone="info"
          title={t('cases.wizard.screening_waiting')}
          actions={
            <button type="button" className="btn btn-secondary" onClick={() => goTo('decision')}>
              {t('cases.wizard.to_decision')}
            </button>
          }
        />
      ) : null}
      <ScreeningForm record={record} onScreened={next} />
    </>
  );
}

function DecisionStep({ record, next, goTo }: StepProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const screenings = useScreenings(record.id);
  const latest = screenings.data?.at(-1);
  if (screenings.isPending) return <Loading />;
  if (screenings.isError) return <ErrorAlert error={screenings.error} />;
  if (!latest) {
    return (
      <Alert
        tone="info"
        title={t('cases.wizard.screen_first')}
        actions={
          <button type="button" className="btn btn-secondary" onClick={() => goTo('screening')}>
            {t('cases.wizard.to_screening')}
          </button>
        }
      />
    );
  }
  return (
    <>
      <ScreeningResult screening={latest} />
      <h3 className="section-title">{t('cases.screening.decision')}</h3>
      {latest.decision ? (
        <DecisionSummary screening={latest} />
      ) : (
        <DecisionForm
          record={record}
          screening={latest}
          onDecided={next}
          onReload={() => void queryClient.invalidateQueries({ queryKey: caseQueryKey(record.id) })}
          reloading={screenings.isFetching}
        />
      )}
    </>
  );
}

function ConsentStep({ record }: StepProps) {
  return <ConsentPanel caseId={record.id} />;
}

const stepComponents: Record<IntakeStep, (props: StepProps) => ReactNode> = {
  screening: ScreeningStep,
  decision: DecisionStep,
  consent: ConsentStep,
};

/**
 * The new-case wizard after registration: screening, the identification decision and consent, each saved on
 * its own against the case with the components of the case's tabs. The step is in the address, so a reload
 * (or coming back later) resumes where the caseworker was; every step can be skipped and done later from the
 * case page.
 */
export function CaseIntakeRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { id = '', step } = useParams();
  const query = useCaseDetail(id);
  const screenings = useScreenings(id);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Moving to another step puts focus on its heading, as the registration steps do.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  if (!isIntakeStep(step)) return <Navigate to={casePaths.intake(id, 'screening')} replace />;
  if (query.isPending) {
    return (
      <Page title={t('cases.new')}>
        <Loading />
      </Page>
    );
  }
  if (query.isError) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <Page title={missing ? t('cases.not_found_title') : t('cases.new')}>
        {missing ? <p>{t('cases.not_found_body')}</p> : <ErrorAlert error={query.error} />}
      </Page>
    );
  }

  const record = query.data;
  const index = intakeSteps.indexOf(step);
  const goTo = (target: IntakeStep) => void navigate(casePaths.intake(record.id, target));
  const finish = () =>
    void navigate(paths.case(record.id), {
      state: flashState('cases.wizard.finished', { number: record.cas_Number }),
    });
  const next = () => {
    const following = intakeSteps[index + 1];
    if (following) goTo(following);
    else finish();
  };
  const progress: ProgressStep[] = [
    ...caseWizardSteps.map((done) => ({ ...done, state: 'done' as const })),
    ...intakeWizardSteps.map((later, laterIndex) => ({
      ...later,
      state:
        laterIndex === index
          ? ('current' as const)
          : laterIndex < index
            ? ('visited' as const)
            : ('upcoming' as const),
      onSelect: () => goTo(later.id),
    })),
  ];
  const current = intakeWizardSteps[index];
  const number = caseWizardSteps.length + index + 1;
  const StepContent = stepComponents[step];
  const last = index === intakeSteps.length - 1;
  // A decision already recorded: moving on is not skipping.
  const complete = step === 'decision' && !!screenings.data?.at(-1)?.decision;

  return (
    <Page
      title={t('cases.new')}
      description={t('cases.wizard.intake_description', { number: record.cas_Number })}
    >
      <Flash />
      <WizardProgress steps={progress} />
      <Card>
        <h2 ref={headingRef} tabIndex={-1} className="wizard-title">
          {t('cases.wizard.step_of', {
            current: number,
            total: wizardStepCount,
            title: current ? t(current.titleKey) : '',
          })}
        </h2>
        {can(me, 'update:case') ? (
          <StepContent key={step} record={record} next={next} goTo={goTo} />
        ) : (
          <p>{t('cases.wizard.no_permission')}</p>
        )}
        <div className="form-actions wizard-actions">
          {index > 0 ? (
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => goTo(intakeSteps[index - 1] ?? 'screening')}
            >
              {t('cases.wizard.back')}
            </button>
          ) : null}
          <button
            type="button"
            className={last || complete ? 'btn btn-primary' : 'btn btn-secondary'}
            onClick={next}
          >
            {last
              ? t('cases.wizard.finish')
              : complete
                ? t('cases.wizard.next')
                : t('cases.wizard.skip')}
          </button>
          <Link to={paths.case(record.id)} className="btn btn-link">
            {t('cases.wizard.later')}
          </Link>
        </div>
      </Card>
    </Page>
  );
}
