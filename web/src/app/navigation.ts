import { paths } from '@/lib/paths';
import type { Permission } from '@/lib/permissions';

export interface NavItem {
  to: string;
  labelKey: string;
  descriptionKey: string;
  permission?: Permission;
}

/** The main menu. Items need a permission; the server enforces it, the menu only avoids dead ends. */
export const navItems: readonly NavItem[] = [
  { to: paths.home, labelKey: 'nav.home', descriptionKey: 'home.description' },
  {
    to: paths.cases,
    labelKey: 'nav.cases',
    descriptionKey: 'cases.description',
    permission: 'read:case',
  },
  {
    to: paths.shelters,
    labelKey: 'nav.shelters',
    descriptionKey: 'shelters.description',
    permission: 'read:shelter',
  },
  {
    to: paths.assessments,
    labelKey: 'nav.assessments',
    descriptionKey: 'assessments.description',
    permission: 'read:assessment',
  },
  {
    to: paths.users,
    labelKey: 'nav.users',
    descriptionKey: 'users.description',
    permission: 'read:user',
  },
  {
    to: paths.offices,
    labelKey: 'nav.offices',
    descriptionKey: 'offices.description',
    permission: 'read:office',
  },
  {
    to: paths.audit,
    labelKey: 'nav.audit',
    descriptionKey: 'audit.description',
    permission: 'read:audit',
  },
];
