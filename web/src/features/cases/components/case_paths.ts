/**
 * Addresses inside a case. Only ids and fixed words go into them, never personal data. The shared `paths` in
 * lib names the case page; its sections and the intake steps are this feature's own business.
 */
import { paths } from '@/lib/paths';

export const caseTabs = [
  'profile',
  'trafficking',
  'screening',
  'consent',
  'services',
  'notes',
  'tasks',
  'closure',
  'history',
] as const;
export type CaseTab = (typeof caseTabs)[number];

/** The steps that follow registration, once the case exists. */
export const intakeSteps = ['screening', 'decision', 'consent'] as const;
export type IntakeStep = (typeof intakeSteps)[number];

export const casePaths = {
  tab: (id: string, tab: CaseTab) =>
    tab === 'profile' ? paths.case(id) : `${paths.case(id)}/${tab}`,
  intake: (id: string, step: IntakeStep) => `${paths.case(id)}/intake/${step}`,
};
