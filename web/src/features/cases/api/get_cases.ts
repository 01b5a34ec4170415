/**
 * GET /cases — case rows in the caller's scope, filtered and sorted, a page at a time (keyset: `after` = the
 * previous page's `next`). Rows carry no personal field except `display_name`, and that only for `view_pii`.
 *
 * `name` searches names and aliases through the server's blind index (case and diacritics ignored). It goes
 * in the body of POST /cases/search, never in a URL (nor in the UI's own address bar).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, listSchema } from '@/lib/schemas';

export const caseRowSchema = z.object({
  id: z.string(),
  cas_Number: z.string(),
  cas_Status: z.string(),
  vic_TraffickingStatus: z.string().nullish(),
  cas_CaseOwner: z.string().nullish(),
  office_id: z.string().nullish(),
  prs_Gender: z.string().nullish(),
  prs_Citizenship: z.array(z.string()).nullish(),
  age_band: z.string().nullish(),
  vic_TypeOfExploitation: z.array(z.string()).nullish(),
  cas_IncomingReferralDate: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  version: z.number().int().nullish(),
  display_name: z.string().nullish(),
});

export type CaseRow = z.infer<typeof caseRowSchema>;

export const ageBands = ['0-17', '18-24', '25-34', '35-49', '50+'] as const;
export const caseSorts = ['registered', 'number'] as const;
export type CaseSort = (typeof caseSorts)[number];

export interface CaseFilters {
  status?: string;
  trafficking_status?: string;
  caseworker?: string;
  citizenship?: string;
  exploitation?: string;
  gender?: string;
  age_band?: string;
  registered_from?: string;
  registered_to?: string;
  name?: string;
  sort?: CaseSort;
}

const casePageSchema = listSchema(caseRowSchema);

export const casesQueryKey = ['cases'] as const;

export function getCases(filters: CaseFilters, params: { limit?: number; after?: string | null }) {
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  if (filters.name) {
    // A name is personal data: it travels in the body of a POST, never in a URL.
    const body: Record<string, string | number> = { limit };
    for (const [key, value] of Object.entries(filters) as [string, string | undefined][]) {
      if (value) body[key] = value;
    }
    if (params.after) body.after = params.after;
    return apiRequest('/cases/search', { method: 'POST', body, schema: casePageSchema });
  }
  return apiRequest('/cases', {
    query: { ...filters, limit, after: params.after },
    schema: casePageSchema,
  });
}

export function useCases(filters: CaseFilters) {
  return useInfiniteQuery({
    queryKey: [...casesQueryKey, 'list', filters],
    queryFn: ({ pageParam }) => getCases(filters, { after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}
