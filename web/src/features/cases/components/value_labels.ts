/**
 * UI labels of the value sets the case-work endpoints define (not HTCDS): service types and statuses, consent
 * kinds, states and forms, task statuses, screening dimensions and strengths, closure states. Keys are written
 * out in full so the i18n check can verify each one; an unknown value is shown as sent.
 */
import type { TFunction } from 'i18next';

const keys = {
  serviceType: {
    shelter: 'cases.services.types.shelter',
    medical: 'cases.services.types.medical',
    psychosocial: 'cases.services.types.psychosocial',
    legal: 'cases.services.types.legal',
    interpretation: 'cases.services.types.interpretation',
    education: 'cases.services.types.education',
    vocational_training: 'cases.services.types.vocational_training',
    financial: 'cases.services.types.financial',
    family_tracing: 'cases.services.types.family_tracing',
    travel_documents: 'cases.services.types.travel_documents',
    other: 'cases.services.types.other',
  },
  serviceStatus: {
    planned: 'cases.services.statuses.planned',
    ongoing: 'cases.services.statuses.ongoing',
    completed: 'cases.services.statuses.completed',
    declined: 'cases.services.statuses.declined',
  },
  consentKind: {
    assistance: 'cases.consent.kind_assistance',
    data_processing: 'cases.consent.kind_data_processing',
    sharing: 'cases.consent.kind_sharing',
    statistics: 'cases.consent.kind_statistics',
    return: 'cases.consent.kind_return',
  },
  consentState: {
    given: 'cases.consent.state_given',
    declined: 'cases.consent.state_declined',
    withdrawn: 'cases.consent.state_withdrawn',
  },
  consentForm: {
    written: 'cases.consent.form_written',
    verbal: 'cases.consent.form_verbal',
  },
  taskStatus: {
    open: 'cases.tasks.status_open',
    done: 'cases.tasks.status_done',
  },
  dimension: {
    deceptive_recruitment: 'cases.screening.dimension_deceptive_recruitment',
    coercive_recruitment: 'cases.screening.dimension_coercive_recruitment',
    recruitment_abuse_of_vulnerability:
      'cases.screening.dimension_recruitment_abuse_of_vulnerability',
    exploitative_conditions: 'cases.screening.dimension_exploitative_conditions',
    coercion_at_destination: 'cases.screening.dimension_coercion_at_destination',
    abuse_of_vulnerability_at_destination:
      'cases.screening.dimension_abuse_of_vulnerability_at_destination',
  },
  strength: {
    strong: 'cases.screening.strength_strong',
    medium: 'cases.screening.strength_medium',
    weak: 'cases.screening.strength_weak',
  },
  population: {
    adult: 'cases.screening.population_adult',
    child: 'cases.screening.population_child',
  },
  exploitationKind: {
    labour: 'cases.screening.kind_labour',
    sexual: 'cases.screening.kind_sexual',
  },
  closureState: {
    requested: 'cases.closure.state_requested',
    approved: 'cases.closure.state_approved',
    rejected: 'cases.closure.state_rejected',
    reopened: 'cases.closure.state_reopened',
  },
} as const satisfies Record<string, Record<string, string>>;

export type ValueSet = keyof typeof keys;

export function valueLabel(t: TFunction, set: ValueSet, value: string | null | undefined): string {
  if (!value) return '';
  const key = (keys[set] as Record<string, string>)[value];
  return key ? t(key) : value;
}

/** Options for a select or radio group, in the order given. */
export function valueOptions(t: TFunction, set: ValueSet, values: readonly string[]) {
  return values.map((value) => ({ value, label: valueLabel(t, set, value) }));
}
