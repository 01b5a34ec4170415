/**
 * GET /shelters/{id}/occupancy?from=&to= — a night census: a resident counts on day D when admitted on or before
 * D and not yet discharged on D. At most 366 days per request. The average length of stay is over the stays
 * that ended within the period.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { shelterQueryKey } from './get_shelter';

const counts = z.record(z.string(), z.number());

export const occupancySchema = z.object({
  shelter_id: z.string(),
  from: z.string(),
  to: z.string(),
  capacity: counts,
  capacity_total: z.number(),
  current: counts,
  current_total: z.number(),
  days: z.array(z.object({ date: z.string(), counts, total: z.number() })),
  average_length_of_stay_days: z.number().nullish(),
  completed_stays: z.number().int().default(0),
});

export type Occupancy = z.infer<typeof occupancySchema>;

export function useOccupancy(shelterId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...shelterQueryKey(shelterId), 'occupancy', from, to],
    queryFn: () =>
      apiRequest(`/shelters/${encodeURIComponent(shelterId)}/occupancy`, {
        query: { from, to },
        schema: occupancySchema,
      }),
    placeholderData: keepPreviousData,
    enabled: Boolean(from && to),
  });
}
