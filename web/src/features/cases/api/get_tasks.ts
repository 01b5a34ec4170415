/**
 * GET /cases/{id}/tasks — the case's tasks. `title` may name the person, so it is sealed and present only for
 * `view_pii` holders. `overdue` comes from the server: open and due before today (UTC).
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { getAllPages } from './all_pages';
import { caseQueryKey } from './get_case';

export const taskSchema = z.object({
  id: z.string(),
  case_id: z.string(),
  case_number: z.string().nullish(),
  title: z.string().nullish(),
  due_date: z.string(),
  assignee: z.string().nullish(),
  status: z.string(),
  overdue: z.boolean().default(false),
  created_by: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  version: z.number().int(),
});

export type CaseTask = z.infer<typeof taskSchema>;

export function tasksQueryKey(caseId: string) {
  return [...caseQueryKey(caseId), 'tasks'] as const;
}

export function getTasks(caseId: string): Promise<CaseTask[]> {
  return getAllPages(`/cases/${encodeURIComponent(caseId)}/tasks`, taskSchema);
}

export function useTasks(caseId: string) {
  return useQuery({ queryKey: tasksQueryKey(caseId), queryFn: () => getTasks(caseId) });
}
