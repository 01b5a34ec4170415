/** Addresses inside a shelter's page. Only ids and fixed words go into them. */
import { paths } from '@/lib/paths';

export const shelterTabs = [
  'overview',
  'residents',
  'occupancy',
  'incidents',
  'assessments',
] as const;
export type ShelterTab = (typeof shelterTabs)[number];

export const shelterPaths = {
  tab: (id: string, tab: ShelterTab) =>
    tab === 'overview' ? paths.shelter(id) : `${paths.shelter(id)}/${tab}`,
  edit: (id: string) => `${paths.shelter(id)}/edit`,
};
