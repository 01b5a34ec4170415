/**
 * GET /cases/{id} — one case with its person and trafficking events. Personal fields (names, birth date, contact
 * details...) are present only for holders of `view_pii`: an absent field means "hidden from you", a null one
 * means "not recorded". Another office's case answers 404, like a case that does not exist.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { casesQueryKey } from './get_cases';

const text = z.string().nullish();
const values = z.array(z.string()).nullish();

export const personSchema = z.object({
  prs_Gender: text,
  prs_BirthYear: z.number().int().nullish(),
  prs_EstimatedAge: z.number().int().nullish(),
  prs_Citizenship: values,
  prs_PrimaryLanguage: text,
  prs_SecondaryLanguage: text,
  prs_MaritalStatus: text,
  prs_HighestLevelOfEducation: text,
  // Personal: absent without view_pii.
  prs_FirstName: text,
  prs_MiddleName: text,
  prs_SecondName: text,
  prs_Aliases: values,
  prs_Birthdate: text,
  prs_MobilePhone: text,
  prs_Email: text,
  prs_IdentityNumber: text,
  prs_MailingStreet: text,
  prs_MailingCity: text,
  prs_MailingCountry: text,
});

export type Person = z.infer<typeof personSchema>;

export const traffickingEventSchema = z.object({
  id: z.string().nullish(),
  hte_Type: z.string(),
  hte_Country: text,
  hte_City: text,
  hte_StartDate: text,
  hte_EndDate: text,
});

export type TraffickingEvent = z.infer<typeof traffickingEventSchema>;

/** Where the closure workflow stands; `comment` and `reopen_reason` are personal (view_pii only). */
export const closureSchema = z.object({
  state: z.string(),
  requested_by: z.string().nullish(),
  requested_at: z.string().nullish(),
  decided_by: z.string().nullish(),
  decided_at: z.string().nullish(),
  comment: z.string().nullish(),
  reopened_by: z.string().nullish(),
  reopened_at: z.string().nullish(),
  reopen_reason: z.string().nullish(),
});

export type Closure = z.infer<typeof closureSchema>;

export const caseSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  office_id: z.string().nullish(),
  cas_Number: z.string(),
  cas_Status: z.string(),
  cas_CaseOwner: text,
  cas_IncomingReferralDate: text,
  cas_ReferringOrganisation: text,
  cas_ReferringOrganisationType: text,
  cas_ReasonForCaseClosure: text,
  vic_TraffickingStatus: text,
  vic_TraffickingStatusDecisionMakingOrg: text,
  vic_TypeOfExploitation: values,
  vic_ForcedLabourIndustry: text,
  vic_TypeOfSexExploitation: values,
  vic_MethodsOfControl: values,
  vic_MethodOfRecruitment: values,
  vic_RelationshipToTrafficker: text,
  vic_Vulnerabilities: values,
  person: personSchema,
  events: z.array(traffickingEventSchema).default([]),
  closure: closureSchema.nullish(),
});

export type Case = z.infer<typeof caseSchema>;

export function caseQueryKey(id: string) {
  return [...casesQueryKey, 'detail', id] as const;
}

export function getCase(id: string): Promise<Case> {
  return apiRequest(`/cases/${encodeURIComponent(id)}`, { schema: caseSchema });
}

export function useCaseDetail(id: string) {
  return useQuery({ queryKey: caseQueryKey(id), queryFn: () => getCase(id) });
}
