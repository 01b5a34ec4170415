/**
 * POST /cases/{id}/consents — records a consent given, declined or withdrawn. Nothing is edited: withdrawing is
 * a new entry. A verbal consent names its witness; a sharing consent names the organisation.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { isCalendarDate, today } from './create_case';
import { consentSchema, consentsQueryKey, type Consent } from './get_consents';

export const consentInputSchema = z
  .object({
    kind: z.string().min(1, 'validation.required'),
    state: z.string().min(1, 'validation.required'),
    date: z
      .string()
      .refine(isCalendarDate, 'validation.date')
      .refine((value) => value <= today(), 'validation.date_future'),
    form: z.string().min(1, 'validation.required'),
    witness: z.string().trim().max(200, 'validation.too_long').optional(),
    organisation: z.string().trim().max(200, 'validation.too_long').optional(),
  })
  .superRefine((input, context) => {
    if (input.form === 'verbal' && !input.witness) {
      context.addIssue({ code: 'custom', path: ['witness'], message: 'validation.required' });
    }
    if (input.kind === 'sharing' && !input.organisation) {
      context.addIssue({ code: 'custom', path: ['organisation'], message: 'validation.required' });
    }
  });

export type ConsentInput = z.infer<typeof consentInputSchema>;

export function useCreateConsent(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsentInput): Promise<Consent> =>
      apiRequest(`/cases/${encodeURIComponent(caseId)}/consents`, {
        method: 'POST',
        body: input,
        schema: consentSchema,
      }),
    // Not awaited, so a caller's own onSuccess runs before the reload can unmount its form.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: consentsQueryKey(caseId) });
    },
  });
}
