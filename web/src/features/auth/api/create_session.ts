/** POST /session — sign in with username and password, plus a TOTP code when the account has one. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { sessionSchema, signIn, type SessionAnswer } from '@/lib/session';

export const loginInputSchema = z.object({
  username: z.string().trim().min(1, 'validation.required'),
  password: z.string().min(1, 'validation.required'),
  totp: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'validation.totp_code'))
    .optional(),
});

export type LoginInput = z.infer<typeof loginInputSchema>;

export function createSession(input: LoginInput): Promise<SessionAnswer> {
  return apiRequest('/session', {
    method: 'POST',
    body: input,
    schema: sessionSchema,
    // A 401 here is a wrong password or a missing second factor, not an expired session.
    handleUnauthorized: false,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSession,
    onSuccess: (answer) => signIn(queryClient, answer),
  });
}
