import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { TextField } from '@/components/field';
import { flashState } from '@/components/flash';
import { Card, Page } from '@/components/page';
import { isApiError, type FieldErrors } from '@/lib/api';
import { paths } from '@/lib/paths';
import { useCurrentUser } from '@/lib/session';
import { focusFirstError, validate } from '@/lib/validation';
import { createUserInputSchema, useCreateUser } from '../api/create_user';
import { AccessFields } from '../components/access_fields';

export function UserCreateRoute() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateUser();
  const formRef = useRef<HTMLFormElement>(null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [officeId, setOfficeId] = useState(me.office_id ?? '');
  const [fields, setFields] = useState<FieldErrors>({});

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(createUserInputSchema, {
      username,
      display_name: displayName,
      password,
      roles,
      office_id: officeId,
    });
    if (!checked.ok) {
      setFields(checked.fields);
      focusFirstError(formRef.current, checked.fields);
      return;
    }
    setFields({});
    create.mutate(checked.data, {
      onSuccess: (user) =>
        void navigate(paths.users, {
          state: flashState('users.created', { username: user.username }),
        }),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fields).length > 0) {
          setFields(error.fields);
          focusFirstError(formRef.current, error.fields);
        }
      },
    });
  }

  return (
    <Page title={t('users.new')}>
      <Card narrow>
        <form ref={formRef} className="form form-narrow" onSubmit={onSubmit} noValidate>
          {create.isError ? <ErrorAlert error={create.error} /> : null}
          <TextField
            label={t('users.username')}
            name="username"
            value={username}
            onValueChange={setUsername}
            error={fields.username}
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
            error={fields.display_name}
            autoComplete="off"
            dir="auto"
          />
          <TextField
            label={t('users.initial_password')}
            name="password"
            type="password"
            value={password}
            onValueChange={setPassword}
            error={fields.password}
            hint={t('users.password_hint')}
            autoComplete="new-password"
            required
          />
          <AccessFields
            roles={roles}
            onRolesChange={setRoles}
            officeId={officeId}
            onOfficeChange={setOfficeId}
            fields={fields}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {create.isPending ? t('common.saving') : t('users.create')}
            </button>
            <Link to={paths.users} className="btn btn-secondary">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      </Card>
    </Page>
  );
}
