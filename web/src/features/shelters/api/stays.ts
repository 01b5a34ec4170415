/**
 * Residents of a shelter. GET /shelters/{id}/admissions lists stays (with their version, for a discharge);
 * GET /shelters/{id}/residents lists the open stays with the resident's first name for `view_pii` holders.
 * POST /admissions admits a case, POST /discharges ends a stay. Nothing of the case file travels here beyond the
 * case number: the referral text and the discharge reason are sealed under the case's own key.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, listSchema } from '@/lib/schemas';
import { getAllPages } from './all_pages';
import { shelterQueryKey } from './get_shelter';
import { sheltersQueryKey } from './get_shelters';

export const admissionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  shelter_id: z.string(),
  case_id: z.string(),
  case_number: z.string().nullish(),
  population: z.string(),
  admission_date: z.string(),
  room: z.string().nullish(),
  bed: z.string().nullish(),
  over_capacity: z.boolean().default(false),
  referral: z.string().nullish(),
  discharge: z
    .object({
      date: z.string(),
      destination: z.string(),
      reason: z.string().nullish(),
      discharged_by: z.string().nullish(),
    })
    .nullish(),
  days_in_shelter: z.number().int().nullish(),
  created_by: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});

export type Admission = z.infer<typeof admissionSchema>;

export const residentSchema = z.object({
  admission_id: z.string(),
  case_id: z.string(),
  case_number: z.string().nullish(),
  display_name: z.string().nullish(),
  population: z.string(),
  admission_date: z.string(),
  room: z.string().nullish(),
  bed: z.string().nullish(),
  days_in_shelter: z.number().int().nullish(),
  over_capacity: z.boolean().default(false),
});

export type Resident = z.infer<typeof residentSchema>;

export function staysQueryKey(shelterId: string) {
  return [...shelterQueryKey(shelterId), 'stays'] as const;
}

/** The open stays, as admissions (with versions and referral texts). */
export function useCurrentAdmissions(shelterId: string) {
  return useQuery({
    queryKey: [...staysQueryKey(shelterId), 'current'],
    queryFn: () =>
      getAllPages(`/shelters/${encodeURIComponent(shelterId)}/admissions`, admissionSchema, {
        status: 'current',
      }),
  });
}

/** The current residents with their first names (for view_pii holders; the read is audited). */
export function useResidents(shelterId: string) {
  return useQuery({
    queryKey: [...staysQueryKey(shelterId), 'residents'],
    queryFn: () =>
      getAllPages(`/shelters/${encodeURIComponent(shelterId)}/residents`, residentSchema),
  });
}

const admissionPageSchema = listSchema(admissionSchema);

/** Stays that ended, a page at a time (the history grows without bound). */
export function useDischargedAdmissions(shelterId: string) {
  return useInfiniteQuery({
    queryKey: [...staysQueryKey(shelterId), 'discharged'],
    queryFn: ({ pageParam }) =>
      apiRequest(`/shelters/${encodeURIComponent(shelterId)}/admissions`, {
        query: { status: 'discharged', limit: DEFAULT_PAGE_SIZE, after: pageParam },
        schema: admissionPageSchema,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}

export interface AdmissionInput {
  case_id: string;
  population: string;
  admission_date: string;
  referral?: string;
  room?: string;
  bed?: string;
  override_capacity?: boolean;
}

export interface DischargeInput {
  admission_id: string;
  version: number;
  discharge_date: string;
  destination: string;
  reason?: string;
}

/**
 * After a stay starts or ends: the lists, the shelter's occupancy and the occupancy report change. Not awaited,
 * so the caller's own onSuccess runs before the refetched lists can unmount the form that made the change.
 */
function useRefreshStays(shelterId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: shelterQueryKey(shelterId) });
    void queryClient.invalidateQueries({ queryKey: [...sheltersQueryKey, 'list'] });
  };
}

export function useAdmit(shelterId: string) {
  const refresh = useRefreshStays(shelterId);
  return useMutation({
    mutationFn: (input: AdmissionInput) =>
      apiRequest(`/shelters/${encodeURIComponent(shelterId)}/admissions`, {
        method: 'POST',
        body: input,
        schema: admissionSchema,
      }),
    onSuccess: refresh,
  });
}

export function useDischarge(shelterId: string) {
  const refresh = useRefreshStays(shelterId);
  return useMutation({
    mutationFn: (input: DischargeInput) =>
      apiRequest(`/shelters/${encodeURIComponent(shelterId)}/discharges`, {
        method: 'POST',
        body: input,
        schema: admissionSchema,
      }),
    onSuccess: refresh,
  });
}
