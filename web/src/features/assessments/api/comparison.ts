/**
 * GET /assessments/comparison — each shelter's latest finished assessment of a template, with its area scores:
 * one page, all rows. With `area`, rows carry that area's `score` and come sorted by it.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { listSchema } from '@/lib/schemas';
import { areaScoresSchema, assessmentsQueryKey } from './assessments';

export const comparisonRowSchema = z.object({
  shelter_id: z.string(),
  shelter_name: z.string(),
  office_id: z.string().nullish(),
  assessment_id: z.string(),
  assessed_on: z.string(),
  template_version: z.number().int(),
  overall_score: z.number().nullish(),
  area_scores: areaScoresSchema.default({}),
  critical_gaps: z.number().int().default(0),
  score: z.number().nullish(),
});

export type ComparisonRow = z.infer<typeof comparisonRowSchema>;

export function useComparison(templateId: string, area: string) {
  return useQuery({
    queryKey: [...assessmentsQueryKey, 'comparison', templateId, area],
    queryFn: () =>
      apiRequest('/assessments/comparison', {
        query: { template_id: templateId, area },
        schema: listSchema(comparisonRowSchema),
      }),
  });
}
