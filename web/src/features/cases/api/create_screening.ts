/**
 * POST /cases/{id}/screening — records which indicators were observed. The server computes the suggestion;
 * nothing about the case changes until a caseworker records a decision.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { screeningSchema, screeningsQueryKey, type Screening } from './get_screenings';

export const screeningInputSchema = z.object({
  indicator_set: z.string().min(1, 'validation.required'),
  version: z.number().int(),
  observed: z.array(z.string()),
  notes: z.string().trim().max(20000, 'validation.too_long').optional(),
});

export type ScreeningInput = z.infer<typeof screeningInputSchema>;

/** The form also asks whom the screening is for; these choose the indicator set and are not sent. */
export const screeningFormSchema = screeningInputSchema.extend({
  population: z.string().min(1, 'validation.required'),
  kind: z.string().min(1, 'validation.required'),
});

export function useCreateScreening(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScreeningInput): Promise<Screening> =>
      apiRequest(`/cases/${encodeURIComponent(caseId)}/screening`, {
        method: 'POST',
        body: input,
        schema: screeningSchema,
      }),
    // Not awaited, so a caller's own onSuccess runs before the reload can unmount its form.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: screeningsQueryKey(caseId) });
    },
  });
}
