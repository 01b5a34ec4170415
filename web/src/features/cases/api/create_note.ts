/** POST /cases/{id}/notes — adds a note (1 to 20000 characters). Notes are never edited. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { noteSchema, notesQueryKey, type CaseNote } from './get_notes';

export const noteInputSchema = z.object({
  text: z.string().trim().min(1, 'validation.required').max(20000, 'validation.too_long'),
});

export type NoteInput = z.infer<typeof noteInputSchema>;

export function useCreateNote(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NoteInput): Promise<CaseNote> =>
      apiRequest(`/cases/${encodeURIComponent(caseId)}/notes`, {
        method: 'POST',
        body: input,
        schema: noteSchema,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: notesQueryKey(caseId) });
    },
  });
}
