/** GET /audit — the hash-chained audit log, newest first. Entries hold ids and actions, never personal values. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, listSchema } from '@/lib/schemas';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  time: z.string(),
  actor: z.string().nullish(),
  action: z.string(),
  entity: z.string().nullish(),
  entity_id: z.string().nullish(),
  office_id: z.string().nullish(),
  request_id: z.string().nullish(),
  hash: z.string().nullish(),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

const auditPageSchema = listSchema(auditEntrySchema);

export function getAudit(params: { limit?: number; after?: string | null }) {
  return apiRequest('/audit', {
    query: { limit: params.limit ?? DEFAULT_PAGE_SIZE, after: params.after },
    schema: auditPageSchema,
  });
}

export function useAudit() {
  return useInfiniteQuery({
    queryKey: ['audit', 'list'],
    queryFn: ({ pageParam }) => getAudit({ after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}
