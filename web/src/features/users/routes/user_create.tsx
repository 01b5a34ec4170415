import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreatePage, useCreateForm } from '@/components/create_page';
import { TextField } from '@/components/field';
import { flashState } from '@/components/flash';
import { paths } from '@/lib/paths';
import { useCurrentUser } from '@/lib/session';
import { createUserInputSchema, useCreateUser } from '../api/create_user';
import { AccessFields } from '../components/access_fields';

export function UserCreateRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateUser();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useCreateForm(
    formRef,
    create,
    createUserInputSchema,
    (user) =>
      void navigate(paths.users, {
        state: flashState('users.created', { username: user.username }),
      }),
  );
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [officeId, setOfficeId] = useState(me.office_id ?? '');

  return (
    <CreatePage
      title={t('users.new')}
      formRef={formRef}
      mutation={create}
      onSubmit={() =>
        form.submit({
          username,
          display_name: displayName,
          password,
          roles,
          office_id: officeId,
        })
      }
      submitLabel={t('users.create')}
      cancelTo={paths.users}
    >
      <TextField
        label={t('users.username')}
        name="username"
        value={username}
        onValueChange={setUsername}
        error={form.fields.username}
        hint={t('users.username_hint')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        required
        autoFocus
      />
      <TextField
        label={t('users.display_name')}
        name="display_name"
        value={displayName}
        onValueChange={setDisplayName}
        error={form.fields.display_name}
        autoComplete="off"
        dir="auto"
      />
      <TextField
        label={t('users.initial_password')}
        name="password"
        type="password"
        value={password}
        onValueChange={setPassword}
        error={form.fields.password}
        hint={t('users.password_hint')}
        autoComplete="new-password"
        required
      />
      <AccessFields
        roles={roles}
        onRolesChange={setRoles}
        officeId={officeId}
        onOfficeChange={setOfficeId}
        fields={form.fields}
      />
    </CreatePage>
  );
}
