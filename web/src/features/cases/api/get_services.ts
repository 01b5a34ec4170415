/**
 * GET /cases/{id}/services — the assistance a case receives (shelter, medical, legal...), oldest first. Services
 * hold no personal data. `cost` is a number in `currency` (ISO 4217).
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { getAllPages } from './all_pages';
import { caseQueryKey } from './get_case';

export const serviceTypes = [
  'shelter',
  'medical',
  'psychosocial',
  'legal',
  'interpretation',
  'education',
  'vocational_training',
  'financial',
  'family_tracing',
  'travel_documents',
  'other',
] as const;
export const serviceStatuses = ['planned', 'ongoing', 'completed', 'declined'] as const;

export const serviceSchema = z.object({
  id: z.string(),
  case_id: z.string(),
  type: z.string(),
  provider: z.string().nullish(),
  start_date: z.string().nullish(),
  end_date: z.string().nullish(),
  status: z.string(),
  cost: z.number().nullish(),
  currency: z.string().nullish(),
  funding_source: z.string().nullish(),
  created_by: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  version: z.number().int(),
});

export type AssistanceService = z.infer<typeof serviceSchema>;

export function servicesQueryKey(caseId: string) {
  return [...caseQueryKey(caseId), 'services'] as const;
}

export function getServices(caseId: string): Promise<AssistanceService[]> {
  return getAllPages(`/cases/${encodeURIComponent(caseId)}/services`, serviceSchema);
}

export function useServices(caseId: string) {
  return useQuery({ queryKey: servicesQueryKey(caseId), queryFn: () => getServices(caseId) });
}
