/**
 * POST /cases/{id}/tasks adds a task (title, due date, assignee: an active user of the case's office, by default
 * the caller); PATCH /cases/{id}/tasks/{tid} changes one with the version read (stale → 409).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { saveRecord, type SaveRecordArgs } from '@/lib/api';
import { isoDate } from './create_case';
import { taskSchema, tasksQueryKey, type CaseTask } from './get_tasks';

export const taskStatuses = ['open', 'done'] as const;

export const taskInputSchema = z
  .object({
    title: z.string().trim().min(1, 'validation.required').max(500, 'validation.too_long'),
    due_date: isoDate,
    assignee: z.string().min(1).optional(),
    status: z.enum(taskStatuses),
  })
  .partial();

export type TaskInput = z.infer<typeof taskInputSchema>;

export function useSaveTask(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: SaveRecordArgs<TaskInput>): Promise<CaseTask> =>
      saveRecord(`/cases/${encodeURIComponent(caseId)}/tasks`, taskSchema, args),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tasksQueryKey(caseId) });
    },
  });
}
