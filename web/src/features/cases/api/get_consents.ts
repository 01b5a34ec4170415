/**
 * GET /cases/{id}/consents — the consent history of a case, newest first, and the state in effect of each
 * kind (for sharing: per organisation). The history is append-only: a withdrawal is a newer entry. The witness
 * of a verbal consent is personal: present only for `view_pii` holders.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { caseQueryKey } from './get_case';

export const consentKinds = [
  'assistance',
  'data_processing',
  'sharing',
  'statistics',
  'return',
] as const;
export type ConsentKind = (typeof consentKinds)[number];
export const consentStates = ['given', 'declined', 'withdrawn'] as const;
export const consentForms = ['written', 'verbal'] as const;

export const consentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.string(),
  date: z.string(),
  form: z.string(),
  witness: z.string().nullish(),
  organisation: z.string().nullish(),
  recorded_by: z.string().nullish(),
  created_at: z.string().nullish(),
});

export type Consent = z.infer<typeof consentSchema>;

const stateSchema = z.string().nullish();

export const consentsAnswerSchema = z.object({
  items: z.array(consentSchema),
  effective: z
    .object({
      assistance: stateSchema,
      data_processing: stateSchema,
      statistics: stateSchema,
      return: stateSchema,
      sharing: z.record(z.string(), z.string()).default({}),
    })
    .partial()
    .default({}),
  next: z.string().nullish(),
});

export type ConsentsAnswer = z.infer<typeof consentsAnswerSchema>;

export function consentsQueryKey(caseId: string) {
  return [...caseQueryKey(caseId), 'consents'] as const;
}

/** The whole history (a case has few entries) with the states in effect. */
export async function getConsents(caseId: string): Promise<ConsentsAnswer> {
  let answer: ConsentsAnswer | null = null;
  let after: string | null | undefined = null;
  do {
    const page: ConsentsAnswer = await apiRequest(`/cases/${encodeURIComponent(caseId)}/consents`, {
      query: { limit: 200, after },
      schema: consentsAnswerSchema,
    });
    answer = answer ? { ...page, items: [...answer.items, ...page.items] } : page;
    after = page.next;
  } while (after);
  return answer;
}

export function useConsents(caseId: string) {
  return useQuery({ queryKey: consentsQueryKey(caseId), queryFn: () => getConsents(caseId) });
}
