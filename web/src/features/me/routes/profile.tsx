import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '@/components/badge';
import { Card, Page } from '@/components/page';
import { useAllOffices } from '@/features/offices';
import { roleLabel } from '@/features/users';
import { formatDateTime } from '@/lib/format';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';

export function ProfileRoute() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const offices = useAllOffices(can(user, 'read:office'));
  const office = offices.data?.find((candidate) => candidate.id === user.office_id);

  return (
    <Page title={t('me.title')}>
      <Card>
        <dl className="summary">
          <div>
            <dt>{t('users.username')}</dt>
            <dd dir="auto">{user.username}</dd>
          </div>
          {user.display_name ? (
            <div>
              <dt>{t('users.display_name')}</dt>
              <dd dir="auto">{user.display_name}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('users.roles')}</dt>
            <dd>{user.roles.map((role) => roleLabel(t, role)).join(', ')}</dd>
          </div>
          {office ? (
            <div>
              <dt>{t('users.office')}</dt>
              <dd>
                {office.name} <code dir="ltr">{office.code}</code>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('me.personal_data')}</dt>
            <dd>{user.view_pii ? t('me.personal_data_yes') : t('me.personal_data_no')}</dd>
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
      <Card title={t('me.totp_title')}>
        <p>
          {user.totp_enabled ? (
            <Badge tone="good">{t('users.totp_on')}</Badge>
          ) : (
            <Badge tone={user.totp_required ? 'warn' : 'neutral'}>{t('users.totp_off')}</Badge>
          )}
        </p>
        <p className="muted">{user.totp_enabled ? t('me.totp_on_body') : t('me.totp_off_body')}</p>
        {user.totp_enabled ? null : (
          <Link to={paths.twoFactor} className="btn btn-primary">
            {t('me.totp_setup')}
          </Link>
        )}
      </Card>
    </Page>
  );
}
