/**
 * Reads every page of a short list (a shelter's current residents, its incidents, an assessment's
 * recommendations): a tab shows them whole instead of asking the user to page through them.
 */
import type { z } from 'zod';
import { apiRequest, type QueryParams } from '@/lib/api';
import { listSchema } from '@/lib/schemas';

const PAGE_SIZE = 200; // the server's largest page

export async function getAllPages<T extends z.ZodType>(
  path: string,
  item: T,
  query: QueryParams = {},
  maxPages = 50,
): Promise<z.infer<T>[]> {
  const schema = listSchema(item);
  const items: z.infer<T>[] = [];
  let after: string | null | undefined = null;
  for (let page = 0; page < maxPages; page += 1) {
    const answer: z.infer<typeof schema> = await apiRequest(path, {
      query: { ...query, limit: PAGE_SIZE, after },
      schema,
    });
    items.push(...answer.items);
    after = answer.next;
    if (!after) break;
  }
  return items;
}
