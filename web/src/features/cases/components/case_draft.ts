/**
 * Form state of a case, as strings and lists the inputs edit, and its conversion to the API's shape. The wizard
 * builds a create body from it; the case page compares a draft with the record it came from and sends only what
 * changed. Keys are the HTCDS field names, so an error the server names `person.prs_Birthdate` finds its input.
 */
import type { EventInput, PersonInput } from '../api/create_case';
import type { Case, Person } from '../api/get_case';

export type AgeKnown = 'date' | 'year' | 'age' | 'unknown';
export const ageKnownChoices: readonly AgeKnown[] = ['date', 'year', 'age', 'unknown'];

export interface PersonDraft {
  prs_FirstName: string;
  prs_SecondName: string;
  prs_Aliases: string;
  ageKnown: AgeKnown;
  prs_Birthdate: string;
  prs_BirthYear: string;
  prs_EstimatedAge: string;
  prs_Gender: string;
  prs_Citizenship: string[];
  prs_PrimaryLanguage: string;
  prs_SecondaryLanguage: string;
  prs_MaritalStatus: string;
  prs_HighestLevelOfEducation: string;
  prs_MobilePhone: string;
}

export interface ReferralDraft {
  cas_IncomingReferralDate: string;
  cas_ReferringOrganisation: string;
  cas_ReferringOrganisationType: string;
}

export interface EventDraft {
  /** A stable React key: events have no id until the server saves them. */
  key: string;
  id?: string;
  hte_Type: string;
  hte_Country: string;
  hte_City: string;
  hte_StartDate: string;
  hte_EndDate: string;
}

export interface TraffickingDraft {
  vic_TraffickingStatus: string;
  vic_TypeOfExploitation: string[];
  vic_ForcedLabourIndustry: string;
  vic_TypeOfSexExploitation: string[];
  vic_MethodsOfControl: string[];
  vic_MethodOfRecruitment: string[];
  vic_RelationshipToTrafficker: string;
  vic_Vulnerabilities: string[];
  events: EventDraft[];
}

/** Personal fields: encrypted at rest and shown only to `view_pii` holders; the server omits them otherwise. */
export const personalPersonFields = [
  'prs_FirstName',
  'prs_MiddleName',
  'prs_SecondName',
  'prs_Aliases',
  'prs_Birthdate',
  'prs_MobilePhone',
  'prs_Email',
  'prs_IdentityNumber',
  'prs_MailingStreet',
  'prs_MailingCity',
  'prs_MailingCountry',
] as const;

/** The exploitation types that open a follow-up question. */
export const FORCED_LABOUR = 'ForcedLabour';
export const SEXUAL_EXPLOITATION = 'SexualExploitation';

let nextKey = 0;
export function newEventKey(): string {
  nextKey += 1;
  return `event-${nextKey}`;
}

export function emptyReferralDraft(): ReferralDraft {
  return {
    cas_IncomingReferralDate: '',
    cas_ReferringOrganisation: '',
    cas_ReferringOrganisationType: '',
  };
}

export function emptyPersonDraft(): PersonDraft {
  return {
    prs_FirstName: '',
    prs_SecondName: '',
    prs_Aliases: '',
    ageKnown: 'date',
    prs_Birthdate: '',
    prs_BirthYear: '',
    prs_EstimatedAge: '',
    prs_Gender: '',
    prs_Citizenship: [],
    prs_PrimaryLanguage: '',
    prs_SecondaryLanguage: '',
    prs_MaritalStatus: '',
    prs_HighestLevelOfEducation: '',
    prs_MobilePhone: '',
  };
}

export function emptyEventDraft(): EventDraft {
  return {
    key: newEventKey(),
    hte_Type: '',
    hte_Country: '',
    hte_City: '',
    hte_StartDate: '',
    hte_EndDate: '',
  };
}

export function emptyTraffickingDraft(): TraffickingDraft {
  return {
    vic_TraffickingStatus: '',
    vic_TypeOfExploitation: [],
    vic_ForcedLabourIndustry: '',
    vic_TypeOfSexExploitation: [],
    vic_MethodsOfControl: [],
    vic_MethodOfRecruitment: [],
    vic_RelationshipToTrafficker: '',
    vic_Vulnerabilities: [],
    events: [],
  };
}

export function referralDraftFrom(record: Case): ReferralDraft {
  return {
    cas_IncomingReferralDate: record.cas_IncomingReferralDate ?? '',
    cas_ReferringOrganisation: record.cas_ReferringOrganisation ?? '',
    cas_ReferringOrganisationType: record.cas_ReferringOrganisationType ?? '',
  };
}

function ageKnownOf(person: Person): AgeKnown {
  if (person.prs_Birthdate) return 'date';
  if (person.prs_BirthYear !== null && person.prs_BirthYear !== undefined) return 'year';
  if (person.prs_EstimatedAge !== null && person.prs_EstimatedAge !== undefined) return 'age';
  return person.prs_Birthdate === undefined ? 'year' : 'unknown';
}

export function personDraftFrom(person: Person): PersonDraft {
  return {
    prs_FirstName: person.prs_FirstName ?? '',
    prs_SecondName: person.prs_SecondName ?? '',
    prs_Aliases: (person.prs_Aliases ?? []).join(', '),
    ageKnown: ageKnownOf(person),
    prs_Birthdate: person.prs_Birthdate ?? '',
    prs_BirthYear: person.prs_BirthYear?.toString() ?? '',
    prs_EstimatedAge: person.prs_EstimatedAge?.toString() ?? '',
    prs_Gender: person.prs_Gender ?? '',
    prs_Citizenship: person.prs_Citizenship ?? [],
    prs_PrimaryLanguage: person.prs_PrimaryLanguage ?? '',
    prs_SecondaryLanguage: person.prs_SecondaryLanguage ?? '',
    prs_MaritalStatus: person.prs_MaritalStatus ?? '',
    prs_HighestLevelOfEducation: person.prs_HighestLevelOfEducation ?? '',
    prs_MobilePhone: person.prs_MobilePhone ?? '',
  };
}

export function traffickingDraftFrom(record: Case): TraffickingDraft {
  return {
    vic_TraffickingStatus: record.vic_TraffickingStatus ?? '',
    vic_TypeOfExploitation: record.vic_TypeOfExploitation ?? [],
    vic_ForcedLabourIndustry: record.vic_ForcedLabourIndustry ?? '',
    vic_TypeOfSexExploitation: record.vic_TypeOfSexExploitation ?? [],
    vic_MethodsOfControl: record.vic_MethodsOfControl ?? [],
    vic_MethodOfRecruitment: record.vic_MethodOfRecruitment ?? [],
    vic_RelationshipToTrafficker: record.vic_RelationshipToTrafficker ?? '',
    vic_Vulnerabilities: record.vic_Vulnerabilities ?? [],
    events: record.events.map((event) => ({
      key: newEventKey(),
      id: event.id ?? undefined,
      hte_Type: event.hte_Type,
      hte_Country: event.hte_Country ?? '',
      hte_City: event.hte_City ?? '',
      hte_StartDate: event.hte_StartDate ?? '',
      hte_EndDate: event.hte_EndDate ?? '',
    })),
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** A number typed in a text box; NaN (not a number) is left for validation to report. */
function numberOrNull(value: string): number | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : Number(trimmed);
}

export function splitAliases(value: string): string[] {
  return value
    .split(',')
    .map((alias) => alias.trim())
    .filter(Boolean);
}

/**
 * The person as the API takes it, every field present (null when empty). `piiVisible` false leaves out the
 * personal fields and the birth details, which such a user can neither see nor sensibly change.
 */
export function personPayload(draft: PersonDraft, piiVisible: boolean): PersonInput {
  const payload: PersonInput = {
    prs_Gender: orNull(draft.prs_Gender),
    prs_Citizenship: draft.prs_Citizenship,
    prs_PrimaryLanguage: orNull(draft.prs_PrimaryLanguage),
    prs_SecondaryLanguage: orNull(draft.prs_SecondaryLanguage),
    prs_MaritalStatus: orNull(draft.prs_MaritalStatus),
    prs_HighestLevelOfEducation: orNull(draft.prs_HighestLevelOfEducation),
  };
  if (!piiVisible) return payload;
  const birthdate = draft.ageKnown === 'date' ? orNull(draft.prs_Birthdate) : null;
  const birthYear =
    draft.ageKnown === 'year'
      ? numberOrNull(draft.prs_BirthYear)
      : birthdate && /^\d{4}-/.test(birthdate)
        ? Number(birthdate.slice(0, 4))
        : null;
  return {
    ...payload,
    prs_FirstName: orNull(draft.prs_FirstName),
    prs_SecondName: orNull(draft.prs_SecondName),
    prs_Aliases: splitAliases(draft.prs_Aliases),
    prs_Birthdate: birthdate,
    prs_BirthYear: birthYear,
    prs_EstimatedAge: draft.ageKnown === 'age' ? numberOrNull(draft.prs_EstimatedAge) : null,
    prs_MobilePhone: orNull(draft.prs_MobilePhone),
  };
}

export function referralPayload(draft: ReferralDraft) {
  return {
    cas_IncomingReferralDate: orNull(draft.cas_IncomingReferralDate),
    cas_ReferringOrganisation: orNull(draft.cas_ReferringOrganisation),
    cas_ReferringOrganisationType: orNull(draft.cas_ReferringOrganisationType),
  };
}

export function eventsPayload(events: readonly EventDraft[]): EventInput[] {
  return events.map((event) => ({
    ...(event.id ? { id: event.id } : {}),
    hte_Type: event.hte_Type,
    hte_Country: orNull(event.hte_Country),
    hte_City: orNull(event.hte_City),
    hte_StartDate: orNull(event.hte_StartDate),
    hte_EndDate: orNull(event.hte_EndDate),
  }));
}

/** Trafficking fields; the follow-up questions are cleared when their exploitation type is not chosen. */
export function traffickingPayload(draft: TraffickingDraft) {
  const types = draft.vic_TypeOfExploitation;
  return {
    vic_TraffickingStatus: orNull(draft.vic_TraffickingStatus),
    vic_TypeOfExploitation: types,
    vic_ForcedLabourIndustry: types.includes(FORCED_LABOUR)
      ? orNull(draft.vic_ForcedLabourIndustry)
      : null,
    vic_TypeOfSexExploitation: types.includes(SEXUAL_EXPLOITATION)
      ? draft.vic_TypeOfSexExploitation
      : [],
    vic_MethodsOfControl: draft.vic_MethodsOfControl,
    vic_MethodOfRecruitment: draft.vic_MethodOfRecruitment,
    vic_RelationshipToTrafficker: orNull(draft.vic_RelationshipToTrafficker),
    vic_Vulnerabilities: draft.vic_Vulnerabilities,
  };
}

/** Drops null, empty strings and empty lists: a new record need not spell out what it lacks. */
export function withoutEmpty<T extends object>(object: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(object) as [keyof T, T[keyof T]][]) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The keys of `next` whose value differs from `previous` (a missing or null value and an empty list count as
 * the same "nothing"), for a PATCH that sends only what the user changed.
 */
export function changedFields<T extends object>(previous: object, next: T): Partial<T> {
  const before = previous as Record<string, unknown>;
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(next) as [keyof T, T[keyof T]][]) {
    const old = before[key as string];
    const empty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && !v.length);
    if (empty(old) && empty(value)) continue;
    if (!sameValue(old, value)) out[key] = value;
  }
  return out;
}
