/** POST /offices — adds a country office or mission. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { officeSchema, officesQueryKey, type Office } from './get_offices';

export const createOfficeInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.too_long'),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .min(1, 'validation.required')
    .regex(/^[A-Z0-9-]{3,16}$/, 'validation.office_code'),
  country: z.string().regex(/^[A-Z]{2}$/, 'validation.required'),
});

export type CreateOfficeInput = z.infer<typeof createOfficeInputSchema>;

export function createOffice(input: CreateOfficeInput): Promise<Office> {
  return apiRequest('/offices', { method: 'POST', body: input, schema: officeSchema });
}

export function useCreateOffice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOffice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: officesQueryKey }),
  });
}
