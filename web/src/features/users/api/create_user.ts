/** POST /users — creates an account in an office with one or more roles. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { userSchema, type User } from '@/lib/schemas';
import { usersQueryKey } from './get_users';

/** The server's password policy (a passphrase of at least 12 characters). */
export const MIN_PASSWORD_LENGTH = 12;

export const createUserInputSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'validation.username'),
  display_name: z
    .string()
    .trim()
    .max(200, 'validation.too_long')
    .transform((value) => value || undefined),
  password: z
    .string()
    .min(1, 'validation.required')
    .min(MIN_PASSWORD_LENGTH, 'validation.password_length'),
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
