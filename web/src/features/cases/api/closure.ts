/**
 * The closure workflow, one call per step, each with the case's version (stale → 409 `current_version`):
 * POST /cases/{id}/closure `{reason}` (caseworker requests), .../closure/approve `{comment?, referred?}` and
 * .../closure/reject `{comment}` (a supervisor other than the requester), /cases/{id}/reopen `{reason}`.
 * Every step answers the case's new version, status and closure state.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { caseQueryKey, closureSchema, type Case } from './get_case';
import { casesQueryKey } from './get_cases';

export const closureSteps = ['request', 'approve', 'reject', 'reopen'] as const;
export type ClosureStep = (typeof closureSteps)[number];

const stepPath: Record<ClosureStep, string> = {
  request: 'closure',
  approve: 'closure/approve',
  reject: 'closure/reject',
  reopen: 'reopen',
};

const requiredText = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(4000, 'validation.too_long');

export interface ClosureInput {
  reason?: string;
  comment?: string;
  referred?: boolean;
}

/** What each step sends besides the version. */
export const closureInputSchemas: Record<ClosureStep, z.ZodType<ClosureInput>> = {
  request: z.object({ reason: requiredText }),
  approve: z.object({
    comment: z.string().trim().max(4000, 'validation.too_long').optional(),
    referred: z.boolean().optional(),
  }),
  reject: z.object({ comment: requiredText }),
  reopen: z.object({ reason: requiredText }),
};

const closureAnswerSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  updated_at: z.string().nullish(),
  cas_Status: z.string(),
  state: z.string().nullish(),
  closure: closureSchema.nullish(),
  cas_ReasonForCaseClosure: z.string().nullish(),
});

export function useClosureStep(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      step,
      version,
      input,
    }: {
      step: ClosureStep;
      version: number;
      input: ClosureInput;
    }) =>
      apiRequest(`/cases/${encodeURIComponent(caseId)}/${stepPath[step]}`, {
        method: 'POST',
        body: { ...input, version },
        schema: closureAnswerSchema,
      }),
    onSuccess: async (answer) => {
      queryClient.setQueryData<Case>(caseQueryKey(caseId), (old) =>
        old
          ? {
              ...old,
              version: answer.version,
              updated_at: answer.updated_at,
              cas_Status: answer.cas_Status,
              closure: answer.closure ?? null,
              // Absent without view_pii: the field stays absent (hidden), not cleared.
              ...(answer.cas_ReasonForCaseClosure !== undefined
                ? { cas_ReasonForCaseClosure: answer.cas_ReasonForCaseClosure }
                : {}),
            }
          : old,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...caseQueryKey(caseId), 'history'] }),
        queryClient.invalidateQueries({ queryKey: [...casesQueryKey, 'list'] }),
      ]);
    },
  });
}
