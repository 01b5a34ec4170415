/**
 * GET /shelters — the registry: shelters of the caller's scope, ordered by name, a page at a time. Rows never
 * carry the whereabouts (address, coordinates, contacts); those come only with GET /shelters/{id}, and only to
 * holders of `view_shelter_location`.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, listSchema } from '@/lib/schemas';
import { getAllPages } from './all_pages';

const counts = z.record(z.string(), z.number());

export const contactSchema = z.object({
  name: z.string(),
  role: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
});

export type ShelterContact = z.infer<typeof contactSchema>;

export const accessibilitySchema = z.object({
  wheelchair_accessible: z.boolean().default(false),
  accessible_toilets: z.boolean().default(false),
  ground_floor_rooms: z.boolean().default(false),
  sign_language: z.boolean().default(false),
  visual_impairment_support: z.boolean().default(false),
  notes: z.string().nullish(),
});

export const shelterSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  office_id: z.string().nullish(),
  name: z.string(),
  operator_type: z.string(),
  operating_organisation: z.string().nullish(),
  status: z.string(),
  capacity: counts,
  services: z.array(z.string()).default([]),
  accessibility: accessibilitySchema.nullish(),
  occupancy: z
    .object({
      current: counts.default({}),
      current_total: z.number().default(0),
      capacity_total: z.number().default(0),
    })
    .nullish(),
  // The whereabouts: absent (not null) without view_shelter_location.
  address: z.string().nullish(),
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  contacts: z.array(contactSchema).optional(),
});

export type Shelter = z.infer<typeof shelterSchema>;

/** True when the answer carried the whereabouts (the caller holds view_shelter_location). */
export function hasLocation(shelter: Shelter): boolean {
  return shelter.contacts !== undefined;
}

export const sheltersQueryKey = ['shelters'] as const;

const shelterPageSchema = listSchema(shelterSchema);

export function getShelters(status: string, after: string | null) {
  return apiRequest('/shelters', {
    query: { status, limit: DEFAULT_PAGE_SIZE, after },
    schema: shelterPageSchema,
  });
}

export function useShelters(status: string) {
  return useInfiniteQuery({
    queryKey: [...sheltersQueryKey, 'list', status],
    queryFn: ({ pageParam }) => getShelters(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}

/** Every shelter in scope (names and ids for pickers). Registries stay small; stop at 2,000. */
export function useAllShelters(enabled = true) {
  return useQuery({
    queryKey: [...sheltersQueryKey, 'all'],
    queryFn: () => getAllPages('/shelters', shelterSchema, {}, 10),
    enabled,
    staleTime: 60_000,
  });
}
