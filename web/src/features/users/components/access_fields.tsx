import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { CheckboxGroup, SelectField } from '@/components/field';
import { Loading } from '@/components/loading';
import { useAllOffices } from '@/features/offices';
import type { FieldErrors } from '@/lib/api';
import { useRoles } from '../api/get_roles';
import { roleLabel } from './role_label';

interface AccessFieldsProps {
  roles: string[];
  onRolesChange: (roles: string[]) => void;
  officeId: string;
  onOfficeChange: (officeId: string) => void;
  fields: FieldErrors;
}

/** Roles and office: what an account may do, and where. Shared by the create and edit forms. */
export function AccessFields({
  roles,
  onRolesChange,
  officeId,
  onOfficeChange,
  fields,
}: AccessFieldsProps) {
  const { t } = useTranslation();
  const rolesQuery = useRoles();
  const officesQuery = useAllOffices();

  const roleOptions = (rolesQuery.data?.items ?? []).map((role) => ({
    value: role.name,
    label: roleLabel(t, role.name),
    hint: role.requires_totp ? t('users.role_requires_totp') : undefined,
  }));
  const officeOptions = (officesQuery.data ?? []).map((office) => ({
    value: office.id,
    label: `${office.name} (${office.code})`,
  }));
  // An account may sit in an office the editor cannot list; keep it selectable rather than silently changing it.
  if (
    officeId &&
    officesQuery.isSuccess &&
    !officeOptions.some((option) => option.value === officeId)
  ) {
    officeOptions.unshift({ value: officeId, label: officeId });
  }

  return (
    <>
      {rolesQuery.isPending ? <Loading label={t('users.loading_roles')} /> : null}
      {rolesQuery.isError ? <ErrorAlert error={rolesQuery.error} /> : null}
      {rolesQuery.isSuccess ? (
        <CheckboxGroup
          legend={t('users.roles')}
          name="roles"
          options={roleOptions}
          value={roles}
          onValueChange={onRolesChange}
          error={fields.roles}
          hint={t('users.roles_hint')}
        />
      ) : null}
      {officesQuery.isError ? <ErrorAlert error={officesQuery.error} /> : null}
      <SelectField
        label={t('users.office')}
        name="office_id"
        value={officeId}
        onValueChange={onOfficeChange}
        options={officeOptions}
        placeholder={officesQuery.isPending ? t('common.loading') : t('common.choose')}
        error={fields.office_id}
        required
      />
    </>
  );
}
