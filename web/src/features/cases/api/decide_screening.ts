/**
 * POST /cases/{id}/screening/{sid}/decision — the caseworker's identification decision and why. It carries the
 * case's version (stale → 409 with `current_version`), sets the case's trafficking status and is made once per
 * screening (again → 409 `already_decided`).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { caseQueryKey } from './get_case';
import { casesQueryKey } from './get_cases';
import { screeningSchema, type Screening } from './get_screenings';

export const decisionInputSchema = z.object({
  decision: z.string().min(1, 'validation.required'),
  justification: z.string().trim().min(1, 'validation.required').max(20000, 'validation.too_long'),
  version: z.number().int(),
});

export type DecisionInput = z.infer<typeof decisionInputSchema>;

export function useDecideScreening(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ screeningId, ...input }: DecisionInput & { screeningId: string }) =>
      apiRequest<Screening>(
        `/cases/${encodeURIComponent(caseId)}/screening/${encodeURIComponent(screeningId)}/decision`,
        { method: 'POST', body: input, schema: screeningSchema },
      ),
    // The case changed (status, version, history): read it again, with everything under it, rather than
    // patch a copy. Not awaited: the reload swaps the decision form for the decided view, and a caller's
    // own onSuccess (the intake wizard moving on to consent) must run before its form unmounts.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId) });
      void queryClient.invalidateQueries({ queryKey: [...casesQueryKey, 'list'] });
    },
  });
}
