/** GET /users/{id} — one account, with the `version` an update must quote. */
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api';
import { userSchema, type User } from '@/lib/schemas';
import { usersQueryKey } from './get_users';

export function userQueryKey(id: string) {
  return [...usersQueryKey, 'detail', id] as const;
}

export function getUser(id: string): Promise<User> {
  return apiRequest(`/users/${encodeURIComponent(id)}`, { schema: userSchema });
}

export function useUserDetail(id: string) {
  return useQuery({ queryKey: userQueryKey(id), queryFn: () => getUser(id) });
}
