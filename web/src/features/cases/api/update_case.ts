/**
 * PATCH /cases/{id} — changes some fields of a case. `version` must be the one read: if someone saved in between,
 * the server answers 409 with `current_version` and changes nothing. `person` fields are merged (null clears one);
 * `events`, when present, replaces the whole list.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { caseFieldsInputSchema, eventInputSchema, personInputSchema } from './create_case';
import { caseQueryKey, caseSchema, type Case } from './get_case';
import { caseHistoryQueryKey } from './get_case_history';
import { casesQueryKey } from './get_cases';

export const updateCaseInputSchema = caseFieldsInputSchema.extend({
  version: z.number().int(),
  person: personInputSchema.optional(),
  events: z.array(eventInputSchema).optional(),
});

export type UpdateCaseInput = z.infer<typeof updateCaseInputSchema>;

export function updateCase(id: string, input: UpdateCaseInput): Promise<Case> {
  return apiRequest(`/cases/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: input,
    schema: caseSchema,
  });
}

export function useUpdateCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCaseInput) => updateCase(id, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(caseQueryKey(id), saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: caseHistoryQueryKey(id) }),
        queryClient.invalidateQueries({ queryKey: [...casesQueryKey, 'list'] }),
      ]);
    },
  });
}
