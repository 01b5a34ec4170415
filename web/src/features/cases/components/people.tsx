/**
 * Naming the people behind user ids (who recorded a consent, who is assigned a task, who owns the case).
 * Supervisors may list the office's accounts and see names; others see "You" or a short id to quote to an
 * administrator, as the History tab does.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@/lib/permissions';
import type { User } from '@/lib/schemas';
import { useCurrentUser } from '@/lib/session';
import { useOfficeUsers } from '../api/get_office_users';

export function usePeople() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mayList = can(me, 'read:user');
  const users = useOfficeUsers(mayList);
  const byId = new Map((users.data ?? []).map((user) => [user.id, user]));

  function displayName(user: User): string {
    return user.display_name || user.username;
  }

  /** A user id as text or markup for a table cell. */
  function name(id: string | null | undefined): ReactNode {
    if (!id) return '';
    if (id === me.id) return t('cases.history_you');
    const user = byId.get(id);
    if (user) return <span dir="auto">{displayName(user)}</span>;
    return (
      <>
        {t('cases.history_other_user')}{' '}
        <code dir="ltr" title={id}>
          {id.slice(0, 8)}
        </code>
      </>
    );
  }

  /**
   * Who can be assigned case work in an office: its active accounts that work on cases. Without the list
   * (no `read:user`), only the caller and the ids already known (the case's caseworker, a current assignee).
   */
  function assignable(officeId: string | null | undefined, known: (string | null | undefined)[]) {
    const options = new Map<string, string>();
    options.set(me.id, t('cases.assign_me', { name: me.display_name || me.username }));
    for (const user of users.data ?? []) {
      if (user.disabled || user.office_id !== officeId || !user.permissions.includes('read:case'))
        continue;
      if (user.id !== me.id) options.set(user.id, displayName(user));
    }
    for (const id of known) {
      if (id && !options.has(id)) {
        options.set(id, `${t('cases.history_other_user')} ${id.slice(0, 8)}`);
      }
    }
    return [...options].map(([value, label]) => ({ value, label }));
  }

  return { me, mayList, name, assignable, isPending: mayList && users.isPending };
}
