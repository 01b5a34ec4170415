/** POST /me/totp/confirm — turns the pending secret on once the user proves their app shows the right code. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { userSchema, type User } from '@/lib/schemas';
import { updateSessionUser } from '@/lib/session';

export const confirmTotpInputSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'validation.totp_code')),
});

export type ConfirmTotpInput = z.infer<typeof confirmTotpInputSchema>;

const confirmTotpAnswerSchema = z.object({ user: userSchema });

export async function confirmTotp(input: ConfirmTotpInput): Promise<User> {
  const answer = await apiRequest('/me/totp/confirm', {
    method: 'POST',
    body: input,
    schema: confirmTotpAnswerSchema,
  });
  return answer.user;
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmTotp,
    onSuccess: (user) => updateSessionUser(queryClient, user),
  });
}
