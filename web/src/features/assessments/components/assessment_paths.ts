/** Addresses inside an assessment's page. Only ids and fixed words go into them. */
import { paths } from '@/lib/paths';

export const assessmentTabs = ['sheet', 'changes', 'recommendations', 'report'] as const;
export type AssessmentTab = (typeof assessmentTabs)[number];

export const assessmentPaths = {
  tab: (id: string, tab: AssessmentTab) =>
    tab === 'sheet' ? paths.assessment(id) : `${paths.assessment(id)}/${tab}`,
  newFor: (shelterId: string) => `${paths.assessmentNew}?shelter=${encodeURIComponent(shelterId)}`,
};
