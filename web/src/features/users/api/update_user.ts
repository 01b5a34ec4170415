/**
 * PATCH /users/{id} — changes roles, office, display name, disabled flag or password. The `version` read with the
 * record must come back: if someone saved in between, the server answers 409 and nothing is overwritten.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { userSchema, type User } from '@/lib/schemas';
import { sessionQueryKey } from '@/lib/session';
import { MIN_PASSWORD_LENGTH } from './create_user';
import { userQueryKey } from './get_user';
import { usersQueryKey } from './get_users';

export const updateUserInputSchema = z.object({
  version: z.number().int(),
  display_name: z.string().trim().max(200, 'validation.too_long').optional(),
  roles: z.array(z.string()).min(1, 'validation.roles').optional(),
  office_id: z.string().min(1, 'validation.required').optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, 'validation.password_length').optional(),
});

export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export function updateUser(id: string, input: UpdateUserInput): Promise<User> {
  return apiRequest(`/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: input,
    schema: userSchema,
  });
}

export function useUpdateUser(id: string, currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => updateUser(id, input),
    onSuccess: async (user) => {
      queryClient.setQueryData(userQueryKey(id), user);
      await queryClient.invalidateQueries({ queryKey: [...usersQueryKey, 'list'] });
      // Editing one's own account can change one's permissions: ask the server again.
      if (id === currentUserId) await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
