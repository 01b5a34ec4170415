/**
 * Finding the case to admit, as far as the caller's role allows. Holders of `read:case` list their office's
 * cases by number (GET /cases?sort=number) and, with `view_pii`, search names through POST /cases/search (the
 * name travels in the body, never a URL). The API has no lookup by case number, so numbers are matched here
 * among the first pages. Without `read:case` (a shelter manager), the case id comes with the referral.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { listSchema } from '@/lib/schemas';

export const caseChoiceSchema = z.object({
  id: z.string(),
  cas_Number: z.string(),
  cas_Status: z.string().nullish(),
  display_name: z.string().nullish(),
});

export type CaseChoice = z.infer<typeof caseChoiceSchema>;

const pageSchema = listSchema(caseChoiceSchema);
const MAX_PAGES = 5;

async function casesByNumber(fragment: string): Promise<CaseChoice[]> {
  const wanted = fragment.trim().toLowerCase();
  const found: CaseChoice[] = [];
  let after: string | null | undefined = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: z.infer<typeof pageSchema> = await apiRequest('/cases', {
      query: { sort: 'number', limit: 200, after },
      schema: pageSchema,
    });
    found.push(...answer.items.filter((row) => row.cas_Number.toLowerCase().includes(wanted)));
    after = answer.next;
    if (!after || found.length >= 20) break;
  }
  return found.slice(0, 20);
}

async function casesByName(name: string): Promise<CaseChoice[]> {
  const answer = await apiRequest('/cases/search', {
    method: 'POST',
    body: { name, limit: 20 },
    schema: pageSchema,
  });
  return answer.items;
}

/** A number when the text holds a digit (case numbers look like MYS-KUL-2026-00042), else a name. */
export function looksLikeNumber(text: string): boolean {
  return /\d/.test(text);
}

export function useCaseSearch(text: string, byName: boolean) {
  return useQuery({
    // The query key stays in memory only; a searched name never reaches a URL.
    queryKey: ['shelters', 'case-search', byName ? 'name' : 'number', text],
    queryFn: () => (byName ? casesByName(text) : casesByNumber(text)),
    enabled: text.trim().length > 0,
    staleTime: 30_000,
  });
}
