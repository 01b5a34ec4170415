/**
 * The value sets of the shelter API (docs/api-shelters.md) and their UI labels. Keys are written out in full so
 * the i18n check can verify each one; an unknown value is shown as sent.
 */
import type { TFunction } from 'i18next';

export const operatorTypes = [
  'government',
  'ngo',
  'international_organisation',
  'private',
] as const;
export const shelterStatuses = ['open', 'suspended', 'closed'] as const;
export const populations = ['women', 'men', 'girls', 'boys', 'families'] as const;
export const shelterServices = [
  'accommodation',
  'food',
  'medical',
  'psychosocial',
  'legal',
  'interpretation',
  'education',
  'vocational_training',
  'childcare',
  'recreation',
  'family_tracing',
  'security',
  'other',
] as const;
export const accessibilityFlags = [
  'wheelchair_accessible',
  'accessible_toilets',
  'ground_floor_rooms',
  'sign_language',
  'visual_impairment_support',
] as const;
export const destinations = [
  'returned_to_country_of_origin',
  'moved_to_another_shelter',
  'independent_living',
  'left_without_notice',
  'other',
] as const;
export const incidentKinds = [
  'security',
  'health',
  'conflict',
  'left_without_notice',
  'other',
] as const;
export const incidentSeverities = ['low', 'medium', 'high', 'critical'] as const;
export const incidentStatuses = ['open', 'closed'] as const;

const keys = {
  operatorType: {
    government: 'shelters.operator.government',
    ngo: 'shelters.operator.ngo',
    international_organisation: 'shelters.operator.international_organisation',
    private: 'shelters.operator.private',
  },
  status: {
    open: 'shelters.status.open',
    suspended: 'shelters.status.suspended',
    closed: 'shelters.status.closed',
  },
  population: {
    women: 'shelters.population.women',
    men: 'shelters.population.men',
    girls: 'shelters.population.girls',
    boys: 'shelters.population.boys',
    families: 'shelters.population.families',
  },
  service: {
    accommodation: 'shelters.service.accommodation',
    food: 'shelters.service.food',
    medical: 'shelters.service.medical',
    psychosocial: 'shelters.service.psychosocial',
    legal: 'shelters.service.legal',
    interpretation: 'shelters.service.interpretation',
    education: 'shelters.service.education',
    vocational_training: 'shelters.service.vocational_training',
    childcare: 'shelters.service.childcare',
    recreation: 'shelters.service.recreation',
    family_tracing: 'shelters.service.family_tracing',
    security: 'shelters.service.security',
    other: 'shelters.service.other',
  },
  accessibility: {
    wheelchair_accessible: 'shelters.accessibility.wheelchair_accessible',
    accessible_toilets: 'shelters.accessibility.accessible_toilets',
    ground_floor_rooms: 'shelters.accessibility.ground_floor_rooms',
    sign_language: 'shelters.accessibility.sign_language',
    visual_impairment_support: 'shelters.accessibility.visual_impairment_support',
  },
  destination: {
    returned_to_country_of_origin: 'shelters.destination.returned_to_country_of_origin',
    moved_to_another_shelter: 'shelters.destination.moved_to_another_shelter',
    independent_living: 'shelters.destination.independent_living',
    left_without_notice: 'shelters.destination.left_without_notice',
    other: 'shelters.destination.other',
  },
  incidentKind: {
    security: 'shelters.incident_kind.security',
    health: 'shelters.incident_kind.health',
    conflict: 'shelters.incident_kind.conflict',
    left_without_notice: 'shelters.incident_kind.left_without_notice',
    other: 'shelters.incident_kind.other',
  },
  severity: {
    low: 'shelters.severity.low',
    medium: 'shelters.severity.medium',
    high: 'shelters.severity.high',
    critical: 'shelters.severity.critical',
  },
  incidentStatus: {
    open: 'shelters.incident_status.open',
    closed: 'shelters.incident_status.closed',
  },
} as const satisfies Record<string, Record<string, string>>;

export type ShelterValueSet = keyof typeof keys;

export function shelterValueLabel(
  t: TFunction,
  set: ShelterValueSet,
  value: string | null | undefined,
): string {
  if (!value) return '';
  const key = (keys[set] as Record<string, string>)[value];
  return key ? t(key) : value;
}

export function shelterValueOptions(t: TFunction, set: ShelterValueSet, values: readonly string[]) {
  return values.map((value) => ({ value, label: shelterValueLabel(t, set, value) }));
}

/** Populations in the API's order first, then any other key the server sent. */
export function orderedPopulations(...records: (Record<string, number> | null | undefined)[]) {
  const present = new Set<string>();
  for (const record of records) for (const key of Object.keys(record ?? {})) present.add(key);
  const known = populations.filter((population) => present.has(population));
  const other = [...present].filter((key) => !(populations as readonly string[]).includes(key));
  return [...known, ...other.sort()];
}
