/**
 * Incidents at a shelter: GET lists them newest first; POST records one (needs `update:shelter`, `view_pii` and
 * `read:resident`: the description is sealed and only the shelter's staff read it); PATCH follows one up or
 * closes it with the version read (stale → 409). Without the right to read texts, rows come without them.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { saveRecord, type SaveRecordArgs } from '@/lib/api';
import { getAllPages } from './all_pages';
import { shelterQueryKey } from './get_shelter';

export const incidentSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  shelter_id: z.string(),
  kind: z.string(),
  severity: z.string(),
  occurred_at: z.string(),
  status: z.string(),
  description: z.string().nullish(),
  follow_up: z.string().nullish(),
  created_by: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});

export type Incident = z.infer<typeof incidentSchema>;

export function incidentsQueryKey(shelterId: string) {
  return [...shelterQueryKey(shelterId), 'incidents'] as const;
}

export function useIncidents(shelterId: string) {
  return useQuery({
    queryKey: incidentsQueryKey(shelterId),
    queryFn: () =>
      getAllPages(`/shelters/${encodeURIComponent(shelterId)}/incidents`, incidentSchema),
  });
}

export interface IncidentInput {
  kind?: string;
  severity?: string;
  occurred_at?: string;
  description?: string;
  follow_up?: string | null;
  status?: string;
}

export function useSaveIncident(shelterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: SaveRecordArgs<IncidentInput>): Promise<Incident> =>
      saveRecord(`/shelters/${encodeURIComponent(shelterId)}/incidents`, incidentSchema, args),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: incidentsQueryKey(shelterId) });
    },
  });
}
