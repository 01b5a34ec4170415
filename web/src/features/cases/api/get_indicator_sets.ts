/**
 * GET /screening/indicator-sets — every version of every ILO/EC indicator set. Sets are versioned data: a
 * screening names the (set, version) it used, so an old screening is always shown against its own list.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { listSchema } from '@/lib/schemas';

/** The six dimensions of the ILO/EC operational indicators, in the order the server reports them. */
export const dimensions = [
  'deceptive_recruitment',
  'coercive_recruitment',
  'recruitment_abuse_of_vulnerability',
  'exploitative_conditions',
  'coercion_at_destination',
  'abuse_of_vulnerability_at_destination',
] as const;

export const strengths = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof strengths)[number];

export const populations = ['adult', 'child'] as const;
export type Population = (typeof populations)[number];
export const exploitationKinds = ['labour', 'sexual'] as const;
export type ExploitationKind = (typeof exploitationKinds)[number];

export const indicatorSchema = z.object({
  id: z.string(),
  dimension: z.string(),
  strength: z.string(),
  text: z.string(),
});

export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorSetSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  source: z.string().nullish(),
  population: z.string(),
  kind: z.string(),
  indicators: z.array(indicatorSchema),
  created_by: z.string().nullish(),
  created_at: z.string().nullish(),
});

export type IndicatorSet = z.infer<typeof indicatorSetSchema>;

const indicatorSetsSchema = listSchema(indicatorSetSchema);

export function getIndicatorSets() {
  return apiRequest('/screening/indicator-sets', { schema: indicatorSetsSchema });
}

export function useIndicatorSets() {
  return useQuery({
    queryKey: ['indicator-sets'],
    queryFn: getIndicatorSets,
    staleTime: 5 * 60_000,
    select: (page) => page.items,
  });
}

/** The latest version of each set for a population and kind, by set id. */
export function latestSets(
  sets: readonly IndicatorSet[],
  population: string,
  kind: string,
): IndicatorSet[] {
  const latest = new Map<string, IndicatorSet>();
  for (const set of sets) {
    if (set.population !== population || set.kind !== kind) continue;
    const seen = latest.get(set.id);
    if (!seen || seen.version < set.version) latest.set(set.id, set);
  }
  return [...latest.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** One version of one set, as a screening names it. */
export function findSet(
  sets: readonly IndicatorSet[] | undefined,
  id: string,
  version: number,
): IndicatorSet | undefined {
  return sets?.find((set) => set.id === id && set.version === version);
}
