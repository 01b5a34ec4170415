/**
 * POST /shelters registers a shelter; PATCH /shelters/{id} changes one with the version read (stale → 409 with
 * `current_version`, nothing changed). `capacity`, `services`, `accessibility` and `contacts` replace the whole
 * value. The whereabouts (`address`, `latitude`, `longitude`, `contacts`) may only be sent by holders of
 * `view_shelter_location`: the form leaves them out for everyone else, or the server answers 403.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api';
import { shelterQueryKey } from './get_shelter';
import { shelterSchema, sheltersQueryKey, type Shelter } from './get_shelters';

export interface ShelterInput {
  name?: string;
  operator_type?: string;
  operating_organisation?: string;
  status?: string;
  office_id?: string;
  capacity?: Record<string, number>;
  services?: string[];
  accessibility?: Record<string, boolean | string | null>;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  contacts?: { name: string; role?: string; phone?: string; email?: string }[] | null;
}

export function useSaveShelter(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      input,
      version,
    }: {
      input: ShelterInput;
      version?: number;
    }): Promise<Shelter> =>
      id
        ? apiRequest(`/shelters/${encodeURIComponent(id)}`, {
            method: 'PATCH',
            body: { ...input, version },
            schema: shelterSchema,
          })
        : apiRequest('/shelters', { method: 'POST', body: input, schema: shelterSchema }),
    onSuccess: (saved) => {
      queryClient.setQueryData(shelterQueryKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: [...sheltersQueryKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...sheltersQueryKey, 'all'] });
    },
  });
}
