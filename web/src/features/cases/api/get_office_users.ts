/**
 * GET /users — the accounts in the caller's scope, for choosing a caseworker or a task's assignee and for
 * naming who did what. Only holders of `read:user` (supervisors) may list accounts; others see ids.
 */
import { useQuery } from '@tanstack/react-query';
import { userSchema } from '@/lib/schemas';
import { getAllPages } from './all_pages';

export function useOfficeUsers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => getAllPages('/users', userSchema),
    enabled,
    staleTime: 60_000,
  });
}
