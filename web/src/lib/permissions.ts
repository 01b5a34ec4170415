/**
 * Permission checks in the UI only decide what to show; the server enforces every one of them.
 */
export type Permission =
  | 'read:user'
  | 'create:user'
  | 'update:user'
  | 'read:office'
  | 'create:office'
  | 'read:audit'
  | 'read:role'
  | 'read:case'
  | 'create:case'
  | 'update:case'
  | 'approve:case'
  | 'view_pii'
  | 'read:shelter'
  | 'create:shelter'
  | 'update:shelter'
  | 'read:resident'
  | 'update:resident'
  | 'view_shelter_location'
  | 'read:assessment'
  | 'create:assessment'
  | 'update:assessment';

export function can(
  user: { permissions: readonly string[] } | null | undefined,
  permission: Permission,
): boolean {
  return !!user && user.permissions.includes(permission);
}
