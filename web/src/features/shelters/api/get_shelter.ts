/**
 * GET /shelters/{id} — one shelter. Another office's shelter answers 404, like one that does not exist. The
 * whereabouts are present only for `view_shelter_location` (and the server audits that read).
 */
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api';
import { shelterSchema, sheltersQueryKey, type Shelter } from './get_shelters';

export function shelterQueryKey(id: string) {
  return [...sheltersQueryKey, 'detail', id] as const;
}

export function getShelter(id: string): Promise<Shelter> {
  return apiRequest(`/shelters/${encodeURIComponent(id)}`, { schema: shelterSchema });
}

export function useShelter(id: string) {
  return useQuery({ queryKey: shelterQueryKey(id), queryFn: () => getShelter(id) });
}
