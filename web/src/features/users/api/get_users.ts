/** GET /users — accounts in the caller's scope, a page at a time. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, listSchema, userSchema } from '@/lib/schemas';

const userPageSchema = listSchema(userSchema);

export const usersQueryKey = ['users'] as const;

export function getUsers(params: { limit?: number; after?: string | null }) {
  return apiRequest('/users', {
    query: { limit: params.limit ?? DEFAULT_PAGE_SIZE, after: params.after },
    schema: userPageSchema,
  });
}

export function useUsers() {
  return useInfiniteQuery({
    queryKey: [...usersQueryKey, 'list'],
    queryFn: ({ pageParam }) => getUsers({ after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}
