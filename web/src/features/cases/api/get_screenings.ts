/**
 * GET /cases/{id}/screening — the case's screenings, oldest first, each with the server's suggestion (per
 * dimension, with the indicators that made it positive) and the caseworker's decision when there is one.
 * `notes` and the decision's `justification` are personal: present only for `view_pii` holders.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { getAllPages } from './all_pages';
import { caseQueryKey } from './get_case';

export const dimensionResultSchema = z.object({
  dimension: z.string(),
  label: z.string().nullish(),
  strong: z.number().int(),
  medium: z.number().int(),
  weak: z.number().int(),
  positive: z.boolean(),
  indicators: z.array(z.string()),
});

export type DimensionResult = z.infer<typeof dimensionResultSchema>;

export const screeningSchema = z.object({
  id: z.string(),
  case_id: z.string(),
  indicator_set: z.string(),
  indicator_set_version: z.number().int(),
  observed: z.array(z.string()),
  dimensions: z.array(dimensionResultSchema),
  suggested_victim: z.boolean(),
  explanation: z.array(z.string()).default([]),
  notes: z.string().nullish(),
  decision: z
    .object({
      decision: z.string(),
      justification: z.string().nullish(),
      decided_by: z.string().nullish(),
      decided_at: z.string().nullish(),
    })
    .nullish(),
  created_by: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  version: z.number().int(),
  /** Only in the answer to a decision: the case's new version. */
  case_version: z.number().int().nullish(),
});

export type Screening = z.infer<typeof screeningSchema>;

export function screeningsQueryKey(caseId: string) {
  return [...caseQueryKey(caseId), 'screening'] as const;
}

export function getScreenings(caseId: string): Promise<Screening[]> {
  return getAllPages(`/cases/${encodeURIComponent(caseId)}/screening`, screeningSchema);
}

export function useScreenings(caseId: string) {
  return useQuery({ queryKey: screeningsQueryKey(caseId), queryFn: () => getScreenings(caseId) });
}
