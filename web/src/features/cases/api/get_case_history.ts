/**
 * GET /cases/{id}/history — every change as field-level diffs, in the order the server keeps them. For an encrypted field the server
 * says only that it changed, never the values.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, listSchema } from '@/lib/schemas';
import { caseQueryKey } from './get_case';

export const historyChangeSchema = z.object({
  field: z.string(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  changed: z.boolean().optional(),
});

export type HistoryChange = z.infer<typeof historyChangeSchema>;

export const historyEntrySchema = z.object({
  time: z.string(),
  actor: z.string().nullish(),
  actor_name: z.string().nullish(),
  action: z.string().nullish(),
  changes: z.array(historyChangeSchema).default([]),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const historyPageSchema = listSchema(historyEntrySchema);

export function caseHistoryQueryKey(id: string) {
  return [...caseQueryKey(id), 'history'] as const;
}

export function getCaseHistory(id: string, params: { limit?: number; after?: string | null }) {
  return apiRequest(`/cases/${encodeURIComponent(id)}/history`, {
    query: { limit: params.limit ?? DEFAULT_PAGE_SIZE, after: params.after },
    schema: historyPageSchema,
  });
}

export function useCaseHistory(id: string) {
  return useInfiniteQuery({
    queryKey: caseHistoryQueryKey(id),
    queryFn: ({ pageParam }) => getCaseHistory(id, { after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}
