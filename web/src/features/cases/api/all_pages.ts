/**
 * Reads every page of a list under a case. The lists under one case (screenings, services, notes, tasks) stay
 * short, so a tab shows them whole instead of asking the user to page through them.
 */
import type { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { listSchema } from '@/lib/schemas';

const PAGE_SIZE = 200; // the server's largest page

export async function getAllPages<T extends z.ZodType>(
  path: string,
  item: T,
): Promise<z.infer<T>[]> {
  const schema = listSchema(item);
  const items: z.infer<T>[] = [];
  let after: string | null | undefined = null;
  do {
    const page: z.infer<typeof schema> = await apiRequest(path, {
      query: { limit: PAGE_SIZE, after },
      schema,
    });
    items.push(...page.items);
    after = page.next;
  } while (after);
  return items;
}
