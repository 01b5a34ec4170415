/**
 * POST /cases/{id}/services adds a service; PATCH /cases/{id}/services/{sid} changes one, with the version read
 * (stale → 409 `current_version`); `null` clears an optional field. `cost` needs a `currency` (ISO 4217).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { saveRecord, type SaveRecordArgs } from '@/lib/api';
import { isoDate } from './create_case';
import { serviceSchema, servicesQueryKey, type AssistanceService } from './get_services';

const text = z.string().trim().max(200, 'validation.too_long').nullish();

export const serviceInputSchema = z
  .object({
    type: z.string().min(1, 'validation.required'),
    provider: text,
    start_date: isoDate.nullish(),
    end_date: isoDate.nullish(),
    status: z.string().min(1, 'validation.required'),
    // The form turns text that is not a number with at most 3 decimals into NaN, which fails here.
    cost: z.number({ error: 'validation.cost' }).min(0, 'validation.cost').nullish(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'validation.currency')
      .nullish(),
    funding_source: text,
  })
  .partial()
  .superRefine((input, context) => {
    if (input.start_date && input.end_date && input.end_date < input.start_date) {
      context.addIssue({
        code: 'custom',
        path: ['end_date'],
        message: 'validation.end_before_start',
      });
    }
    if (input.cost !== null && input.cost !== undefined && !input.currency) {
      context.addIssue({ code: 'custom', path: ['currency'], message: 'validation.required' });
    }
  });

export type ServiceInput = z.infer<typeof serviceInputSchema>;

export function useSaveService(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: SaveRecordArgs<ServiceInput>): Promise<AssistanceService> =>
      saveRecord(`/cases/${encodeURIComponent(caseId)}/services`, serviceSchema, args),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: servicesQueryKey(caseId) });
    },
  });
}
