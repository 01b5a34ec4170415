/**
 * Recommendations of an assessment: follow-up actions with an owner, a priority, a due date and a status. They
 * stay editable after the assessment is finished. `overdue` comes from the server (due before today, not done).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { saveRecord, type SaveRecordArgs } from '@/lib/api';
import { getAllPages } from '@/features/shelters';
import { assessmentQueryKey } from './assessments';

export const priorities = ['low', 'medium', 'high'] as const;
export const recommendationStatuses = ['open', 'in_progress', 'done'] as const;

export const recommendationSchema = z.object({
  id: z.string(),
  assessment_id: z.string(),
  shelter_id: z.string().nullish(),
  office_id: z.string().nullish(),
  text: z.string(),
  area: z.string().nullish(),
  item: z.string().nullish(),
  owner_user_id: z.string().nullish(),
  owner_name: z.string().nullish(),
  priority: z.string(),
  due_date: z.string().nullish(),
  status: z.string(),
  overdue: z.boolean().default(false),
  created_by: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  version: z.number().int(),
});

export type Recommendation = z.infer<typeof recommendationSchema>;

export function recommendationsQueryKey(assessmentId: string) {
  return [...assessmentQueryKey(assessmentId), 'recommendations'] as const;
}

export function useRecommendations(assessmentId: string) {
  return useQuery({
    queryKey: recommendationsQueryKey(assessmentId),
    queryFn: () =>
      getAllPages(
        `/assessments/${encodeURIComponent(assessmentId)}/recommendations`,
        recommendationSchema,
      ),
  });
}

export interface RecommendationInput {
  text?: string;
  area?: string | null;
  item?: string | null;
  owner_user_id?: string | null;
  owner_name?: string | null;
  priority?: string;
  due_date?: string | null;
  status?: string;
}

export function useSaveRecommendation(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: SaveRecordArgs<RecommendationInput>): Promise<Recommendation> =>
      saveRecord(
        `/assessments/${encodeURIComponent(assessmentId)}/recommendations`,
        recommendationSchema,
        args,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: recommendationsQueryKey(assessmentId) });
    },
  });
}
