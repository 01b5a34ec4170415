/** POST /users — creates an account in an office with one or more roles. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { userSchema, type User } from '@/lib/schemas';
import { usersQueryKey } from './get_users';

export const createUserInputSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(64, 'validation.too_long')
    .regex(/^[A-Za-z0-9._-]+$/, 'validation.username'),
  display_name: z
    .string()
    .trim()
    .max(200, 'validation.too_long')
    .transform((value) => value || undefined),
  password: z.string().min(1, 'validation.required'),
  roles: z.array(z.string()).min(1, 'validation.roles'),
  office_id: z.string().min(1, 'validation.required'),
});

export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export function createUser(input: CreateUserInput): Promise<User> {
  return apiRequest('/users', { method: 'POST', body: input, schema: userSchema });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });
}
