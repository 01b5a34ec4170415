import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/alert';
import { Flash } from '@/components/flash';
import { LoadMore } from '@/components/load_more';
import { Loading } from '@/components/loading';
import { Page } from '@/components/page';
import { useAllOffices } from '@/features/offices';
import { formatDateTime } from '@/lib/format';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { useUsers } from '../api/get_users';
import { roleLabel } from '../components/role_label';
import { TwoFactorStatus, UserStatus } from '../components/user_status';

export function UsersListRoute() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const users = useUsers();
  const offices = useAllOffices(can(me, 'read:office'));
  const officeName = new Map((offices.data ?? []).map((office) => [office.id, office.name]));
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const canEdit = can(me, 'update:user');

  return (
    <Page
      title={t('users.title')}
      description={t('users.description')}
      actions={
        can(me, 'create:user') ? (
          <Link to={paths.userNew} className="btn btn-primary">
            {t('users.new')}
          </Link>
        ) : null
      }
    >
      <Flash />
      {users.isPending ? <Loading /> : null}
      {users.isError ? <ErrorAlert error={users.error} /> : null}
      {users.isSuccess && items.length === 0 ? <p className="empty">{t('users.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.display_name')}</th>
                <th scope="col">{t('users.office')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.two_factor')}</th>
                <th scope="col">{t('users.last_login')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((user) => (
                <tr key={user.id}>
                  <td>
                    {canEdit ? (
                      <Link to={paths.user(user.id)} dir="auto">
                        {user.username}
                      </Link>
                    ) : (
                      <span dir="auto">{user.username}</span>
                    )}
                  </td>
                  <td dir="auto">{user.display_name}</td>
                  <td>{user.office_id ? (officeName.get(user.office_id) ?? '') : ''}</td>
                  <td>{user.roles.map((role) => roleLabel(t, role)).join(', ')}</td>
                  <td>
                    <UserStatus user={user} />
                  </td>
                  <td>
                    <TwoFactorStatus user={user} />
                  </td>
                  <td>
                    {user.last_login_at
                      ? formatDateTime(user.last_login_at, i18n.language)
                      : t('users.never')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <LoadMore
        hasMore={users.hasNextPage}
        loading={users.isFetchingNextPage}
        onLoadMore={() => void users.fetchNextPage()}
      />
    </Page>
  );
}
