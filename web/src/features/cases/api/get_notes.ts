/**
 * GET /cases/{id}/notes — free-text notes, oldest first. Notes are sealed under the case's key and readable
 * only with `view_pii`; every read is audited by the server.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { getAllPages } from './all_pages';
import { caseQueryKey } from './get_case';

export const noteSchema = z.object({
  id: z.string(),
  case_id: z.string(),
  text: z.string(),
  author: z.string().nullish(),
  created_at: z.string().nullish(),
});

export type CaseNote = z.infer<typeof noteSchema>;

export function notesQueryKey(caseId: string) {
  return [...caseQueryKey(caseId), 'notes'] as const;
}

export function getNotes(caseId: string): Promise<CaseNote[]> {
  return getAllPages(`/cases/${encodeURIComponent(caseId)}/notes`, noteSchema);
}

export function useNotes(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: notesQueryKey(caseId),
    queryFn: () => getNotes(caseId),
    enabled,
  });
}
