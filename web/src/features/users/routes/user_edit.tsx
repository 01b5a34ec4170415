import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, ErrorAlert } from '@/components/alert';
import { CheckboxField, TextField } from '@/components/field';
import { Loading } from '@/components/loading';
import { Card, Page } from '@/components/page';
import { isApiError, type FieldErrors } from '@/lib/api';
import { formatDateTime } from '@/lib/format';
import { paths } from '@/lib/paths';
import type { User } from '@/lib/schemas';
import { useCurrentUser } from '@/lib/session';
import { focusFirstError, validate } from '@/lib/validation';
import { useUserDetail } from '../api/get_user';
import { updateUserInputSchema, useUpdateUser, type UpdateUserInput } from '../api/update_user';
import { AccessFields } from '../components/access_fields';
import { TwoFactorStatus, UserStatus } from '../components/user_status';

export function UserEditRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUserDetail(id);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  return (
    <Page
      title={user.data ? t('users.edit_title', { username: user.data.username }) : t('users.edit')}
      actions={
        <Link to={paths.users} className="btn btn-secondary">
          {t('users.back_to_list')}
        </Link>
      }
    >
      {user.isPending ? <Loading /> : null}
      {user.isError ? <ErrorAlert error={user.error} /> : null}
      {user.data ? (
        <>
          {savedVersion === user.data.version ? (
            <Alert tone="success" title={t('common.saved')} />
          ) : null}
          <UserSummary user={user.data} />
          {/* Keyed by version: a reload after a conflict, or a save, starts the form from the server's copy. */}
          <UserEditForm
            key={`${user.data.id}:${user.data.version}`}
            user={user.data}
            onSaved={setSavedVersion}
            onReload={() => {
              setSavedVersion(null);
              void user.refetch();
            }}
            reloading={user.isFetching}
          />
        </>
      ) : null}
    </Page>
  );
}

function UserSummary({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  return (
    <Card>
      <dl className="summary">
        <div>
          <dt>{t('users.username')}</dt>
          <dd dir="auto">{user.username}</dd>
        </div>
        <div>
          <dt>{t('users.status')}</dt>
          <dd>
            <UserStatus user={user} />
          </dd>
        </div>
        <div>
          <dt>{t('users.two_factor')}</dt>
          <dd>
            <TwoFactorStatus user={user} />
          </dd>
        </div>
        <div>
          <dt>{t('users.last_login')}</dt>
          <dd>
            {user.last_login_at
              ? formatDateTime(user.last_login_at, i18n.language)
              : t('users.never')}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

interface UserEditFormProps {
  user: User;
  onSaved: (version: number) => void;
  onReload: () => void;
  reloading: boolean;
}

function UserEditForm({ user, onSaved, onReload, reloading }: UserEditFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const update = useUpdateUser(user.id, me.id);
  const formRef = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(user.display_name ?? '');
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [officeId, setOfficeId] = useState(user.office_id ?? '');
  const [disabled, setDisabled] = useState(user.disabled);
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<FieldErrors>({});

  function changes(): UpdateUserInput {
    const input: UpdateUserInput = { version: user.version };
    if (displayName.trim() !== (user.display_name ?? '')) input.display_name = displayName;
    const sameRoles =
      roles.length === user.roles.length && roles.every((role) => user.roles.includes(role));
    if (!sameRoles) input.roles = roles;
    if (officeId !== (user.office_id ?? '')) input.office_id = officeId;
    if (disabled !== user.disabled) input.disabled = disabled;
    if (password) input.password = password;
    return input;
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validate(updateUserInputSchema, changes());
    if (!checked.ok) {
      setFields(checked.fields);
      focusFirstError(formRef.current, checked.fields);
      return;
    }
    setFields({});
    if (Object.keys(checked.data).length === 1) {
      onSaved(user.version); // Nothing changed: nothing to send.
      return;
    }
    update.mutate(checked.data, {
      onSuccess: (saved) => onSaved(saved.version),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fields).length > 0) {
          setFields(error.fields);
          focusFirstError(formRef.current, error.fields);
        }
      },
    });
  }

  const stale = isApiError(update.error) && update.error.status === 409;

  return (
    <Card title={t('users.edit')} narrow>
      <form ref={formRef} className="form form-narrow" onSubmit={onSubmit} noValidate>
        {stale ? (
          <Alert
            tone="warning"
            title={t('errors.stale_version')}
            actions={
              <button
                type="button"
                className="btn btn-secondary"
                onClick={onReload}
                disabled={reloading}
              >
                {t('common.reload')}
              </button>
            }
          >
            {t('users.conflict_body')}
          </Alert>
        ) : update.isError ? (
          <ErrorAlert error={update.error} />
        ) : null}
        <TextField
          label={t('users.display_name')}
          name="display_name"
          value={displayName}
          onValueChange={setDisplayName}
          error={fields.display_name}
          autoComplete="off"
          dir="auto"
        />
        <AccessFields
          roles={roles}
          onRolesChange={setRoles}
          officeId={officeId}
          onOfficeChange={setOfficeId}
          fields={fields}
        />
        <CheckboxField
          label={t('users.disabled')}
          name="disabled"
          checked={disabled}
          onCheckedChange={setDisabled}
          hint={t('users.disabled_hint')}
          error={fields.disabled}
        />
        <TextField
          label={t('users.new_password')}
          name="password"
          type="password"
          value={password}
          onValueChange={setPassword}
          error={fields.password}
          hint={t('users.new_password_hint')}
          autoComplete="new-password"
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
