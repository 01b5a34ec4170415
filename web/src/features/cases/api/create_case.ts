/**
 * POST /cases — registers a case: referral, person, trafficking details and events. The status starts Active and
 * the creator owns the case. The server validates again; a 422 names each field as `person.prs_Birthdate`,
 * `events[0].hte_EndDate` or `vic_MethodsOfControl`, the same names these schemas give their issues.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { caseQueryKey, caseSchema, type Case } from './get_case';
import { casesQueryKey } from './get_cases';

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value);
}

/** Today as YYYY-MM-DD in the user's own time zone: a date typed today is never "in the future". */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isoDate = z.string().refine(isCalendarDate, 'validation.date');
const pastDate = isoDate.refine((value) => value <= today(), 'validation.date_future');
const text = (max: number) => z.string().trim().max(max, 'validation.too_long').nullish();
const value = z.string().nullish();
const values = z.array(z.string()).nullish();

export const personInputSchema = z
  .object({
    prs_FirstName: text(200),
    prs_SecondName: text(200),
    prs_Aliases: z.array(z.string().trim().max(200, 'validation.too_long')).nullish(),
    prs_Birthdate: pastDate.nullish(),
    prs_BirthYear: z
      .number({ error: 'validation.year' })
      .int('validation.year')
      .min(1900, 'validation.year')
      .refine((year) => year <= new Date().getFullYear(), 'validation.year')
      .nullish(),
    prs_EstimatedAge: z
      .number({ error: 'validation.age' })
      .int('validation.age')
      .min(0, 'validation.age')
      .max(120, 'validation.age')
      .nullish(),
    prs_Gender: value,
    prs_Citizenship: values,
    prs_PrimaryLanguage: value,
    prs_SecondaryLanguage: value,
    prs_MaritalStatus: value,
    prs_HighestLevelOfEducation: value,
    prs_MobilePhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{3,24}$/, 'validation.phone')
      .nullish(),
  })
  .partial();

export type PersonInput = z.infer<typeof personInputSchema>;

export const eventInputSchema = z
  .object({
    id: z.string().optional(),
    hte_Type: z.string().min(1, 'validation.required'),
    hte_Country: value,
    hte_City: text(200),
    hte_StartDate: isoDate.nullish(),
    hte_EndDate: isoDate.nullish(),
  })
  .superRefine((event, context) => {
    if (event.hte_StartDate && event.hte_EndDate && event.hte_EndDate < event.hte_StartDate) {
      context.addIssue({
        code: 'custom',
        path: ['hte_EndDate'],
        message: 'validation.end_before_start',
      });
    }
  });

export type EventInput = z.infer<typeof eventInputSchema>;

/** The fields of a case that a caseworker sets, apart from the person and the events. */
export const caseFieldsInputSchema = z
  .object({
    cas_CaseOwner: value,
    cas_IncomingReferralDate: pastDate.nullish(),
    cas_ReferringOrganisation: text(300),
    cas_ReferringOrganisationType: value,
    vic_TraffickingStatus: value,
    vic_TypeOfExploitation: values,
    vic_ForcedLabourIndustry: value,
    vic_TypeOfSexExploitation: values,
    vic_MethodsOfControl: values,
    vic_MethodOfRecruitment: values,
    vic_RelationshipToTrafficker: value,
    vic_Vulnerabilities: values,
  })
  .partial();

export const createCaseInputSchema = caseFieldsInputSchema.extend({
  person: personInputSchema,
  events: z.array(eventInputSchema),
});

export type CreateCaseInput = z.infer<typeof createCaseInputSchema>;

export function createCase(input: CreateCaseInput): Promise<Case> {
  return apiRequest('/cases', { method: 'POST', body: input, schema: caseSchema });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: async (created) => {
      queryClient.setQueryData(caseQueryKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: [...casesQueryKey, 'list'] });
    },
  });
}
