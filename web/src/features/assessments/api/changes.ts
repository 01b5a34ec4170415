/**
 * GET /assessments/{id}/changes — the follow-up: area and item scores against the shelter's previous finished
 * assessment (matched by area and item keys across template versions).
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { assessmentQueryKey } from './assessments';

const score = z.number().nullish();

export const changesSchema = z.object({
  assessment_id: z.string(),
  previous_assessment_id: z.string().nullish(),
  previous_assessed_on: z.string().nullish(),
  overall: z.object({ previous: score, current: score, delta: score }),
  areas: z.array(
    z.object({
      key: z.string(),
      title: z.string().nullish(),
      previous: score,
      current: score,
      delta: score,
    }),
  ),
  items: z.array(
    z.object({
      area: z.string(),
      item: z.string(),
      statement: z.string().nullish(),
      critical: z.boolean().default(false),
      previous_score: z.number().int().nullish(),
      current_score: z.number().int().nullish(),
      delta: z.number().int().nullish(),
      previous_na: z.boolean().default(false),
      current_na: z.boolean().default(false),
      change: z.string().nullish(),
    }),
  ),
});

export type Changes = z.infer<typeof changesSchema>;

export function useChanges(id: string) {
  return useQuery({
    queryKey: [...assessmentQueryKey(id), 'changes'],
    queryFn: () =>
      apiRequest(`/assessments/${encodeURIComponent(id)}/changes`, { schema: changesSchema }),
  });
}
