/** GET /offices — the offices the user may see, a page at a time. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, listSchema } from '@/lib/schemas';

export const officeSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  country: z.string(),
  organisation_id: z.string().nullish(),
  version: z.number().int(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});

export type Office = z.infer<typeof officeSchema>;

const officePageSchema = listSchema(officeSchema);

export const officesQueryKey = ['offices'] as const;

export function getOffices(params: { limit?: number; after?: string | null }) {
  return apiRequest('/offices', {
    query: { limit: params.limit ?? DEFAULT_PAGE_SIZE, after: params.after },
    schema: officePageSchema,
  });
}

export function useOffices() {
  return useInfiniteQuery({
    queryKey: [...officesQueryKey, 'list'],
    queryFn: ({ pageParam }) => getOffices({ after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}

/** Every office, for pickers and for showing names instead of ids. Office lists are short; stop at 2,000. */
export async function getAllOffices(): Promise<Office[]> {
  const offices: Office[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page += 1) {
    const answer = await getOffices({ limit: 200, after });
    offices.push(...answer.items);
    if (!answer.next) break;
    after = answer.next;
  }
  return offices;
}

export function useAllOffices(enabled = true) {
  return useQuery({
    queryKey: [...officesQueryKey, 'all'],
    queryFn: getAllOffices,
    enabled,
    staleTime: 60_000,
  });
}
