/**
 * The steps of the new-case wizard, in order: registration (the person and referral, the trafficking details,
 * a review) → screening → decision → consent. The registration steps live in the browser until the review step
 * registers the case; a step owns the fields it shows, so an error the server names (for example
 * `events[0].hte_EndDate`) takes the user to the step that owns it. Screening, the identification decision and
 * consent need the case to exist, so they follow as `intakeWizardSteps`, saved one by one with the same
 * components as the case's tabs (routes/case_intake.tsx).
 */
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '@/lib/api';
import type { IntakeStep } from './case_paths';
import type { CreateCaseInput } from '../api/create_case';
import {
  emptyPersonDraft,
  emptyReferralDraft,
  emptyTraffickingDraft,
  eventsPayload,
  personPayload,
  referralPayload,
  traffickingPayload,
  withoutEmpty,
  type PersonDraft,
  type ReferralDraft,
  type TraffickingDraft,
} from './case_draft';
import { EventsTable, PersonSummary, ReferralSummary, TraffickingSummary } from './case_summary';
import { PersonFields, ReferralFields } from './person_fields';
import { TraffickingFields } from './trafficking_fields';

export interface CaseDraft {
  referral: ReferralDraft;
  person: PersonDraft;
  trafficking: TraffickingDraft;
}

export function emptyCaseDraft(): CaseDraft {
  return {
    referral: emptyReferralDraft(),
    person: emptyPersonDraft(),
    trafficking: emptyTraffickingDraft(),
  };
}

/** The body of POST /cases: only what was filled in. */
export function createCasePayload(draft: CaseDraft, piiVisible: boolean): CreateCaseInput {
  return {
    ...withoutEmpty(referralPayload(draft.referral)),
    ...withoutEmpty(traffickingPayload(draft.trafficking)),
    person: withoutEmpty(personPayload(draft.person, piiVisible)),
    events: eventsPayload(draft.trafficking.events),
  };
}

export interface StepProps {
  draft: CaseDraft;
  onChange: (draft: CaseDraft) => void;
  fields: FieldErrors;
  piiVisible: boolean;
  /** Moves to another step (the review step's "Change" buttons). */
  goTo: (stepId: string) => void;
}

export interface WizardStep {
  id: string;
  /** i18n key of the step's title. */
  titleKey: string;
  owns: (fieldKey: string) => boolean;
  component: ComponentType<StepProps>;
}

function RegistrationStep({ draft, onChange, fields, piiVisible }: StepProps) {
  return (
    <>
      <ReferralFields
        draft={draft.referral}
        onChange={(referral) => onChange({ ...draft, referral })}
        fields={fields}
      />
      <PersonFields
        draft={draft.person}
        onChange={(person) => onChange({ ...draft, person })}
        fields={fields}
        piiVisible={piiVisible}
      />
    </>
  );
}

function TraffickingStep({ draft, onChange, fields }: StepProps) {
  return (
    <TraffickingFields
      draft={draft.trafficking}
      onChange={(trafficking) => onChange({ ...draft, trafficking })}
      fields={fields}
      showStatus={false}
    />
  );
}

function ReviewSection({
  title,
  onChange,
  children,
}: {
  title: string;
  onChange: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="review-section">
      <div className="review-section-header">
        <h3>{title}</h3>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={onChange}
          aria-label={t('cases.wizard.change_section', { section: title })}
        >
          {t('cases.wizard.change')}
        </button>
      </div>
      {children}
    </section>
  );
}

function ReviewStep({ draft, piiVisible, goTo }: StepProps) {
  const { t } = useTranslation();
  const payload = createCasePayload(draft, piiVisible);
  return (
    <>
      <p>{t('cases.wizard.review_intro')}</p>
      <ReviewSection title={t('cases.section.referral')} onChange={() => goTo('registration')}>
        <ReferralSummary record={payload} />
      </ReviewSection>
      <ReviewSection title={t('cases.section.person')} onChange={() => goTo('registration')}>
        <PersonSummary person={payload.person} piiVisible />
      </ReviewSection>
      <ReviewSection title={t('cases.section.trafficking')} onChange={() => goTo('trafficking')}>
        <TraffickingSummary record={payload} showStatus={false} />
      </ReviewSection>
      <ReviewSection title={t('cases.field.events')} onChange={() => goTo('trafficking')}>
        <EventsTable events={payload.events} />
      </ReviewSection>
    </>
  );
}

export const caseWizardSteps: readonly WizardStep[] = [
  {
    id: 'registration',
    titleKey: 'cases.wizard.step_registration',
    owns: (key) => key === 'person' || key.startsWith('person.') || key.startsWith('cas_'),
    component: RegistrationStep,
  },
  {
    id: 'trafficking',
    titleKey: 'cases.wizard.step_trafficking',
    owns: (key) => key.startsWith('vic_') || key === 'events' || key.startsWith('events['),
    component: TraffickingStep,
  },
  {
    id: 'review',
    titleKey: 'cases.wizard.step_review',
    owns: () => false,
    component: ReviewStep,
  },
];

/** The steps after registration, each saved on its own against the new case. */
export const intakeWizardSteps: readonly { id: IntakeStep; titleKey: string }[] = [
  { id: 'screening', titleKey: 'cases.wizard.step_screening' },
  { id: 'decision', titleKey: 'cases.wizard.step_decision' },
  { id: 'consent', titleKey: 'cases.wizard.step_consent' },
];

/** Every step of the wizard, registration and after. */
export const wizardStepCount = caseWizardSteps.length + intakeWizardSteps.length;

/** The step that shows a field; errors no step owns are shown on the last (review) step. */
export function stepOwning(steps: readonly WizardStep[], key: string): number {
  const index = steps.findIndex((step) => step.owns(key));
  return index >= 0 ? index : steps.length - 1;
}
