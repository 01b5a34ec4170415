/** POST /me/totp — starts TOTP enrolment: a new secret, pending until a code from it is confirmed. */
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';

export const totpEnrolmentSchema = z.object({
  secret: z.string().min(16),
  otpauth_uri: z.string().startsWith('otpauth://'),
});

export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export function createTotp(): Promise<TotpEnrolment> {
  return apiRequest('/me/totp', { method: 'POST', body: {}, schema: totpEnrolmentSchema });
}

export function useCreateTotp() {
  return useMutation({ mutationFn: createTotp });
}
