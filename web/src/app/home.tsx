import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Flash } from '@/components/flash';
import { Page } from '@/components/page';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { navItems } from './navigation';

export function HomeRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const areas = navItems.filter((item) => item.permission && can(user, item.permission));

  return (
    <Page
      title={t('home.title', { name: user.display_name || user.username })}
      description={t('home.description')}
    >
      <Flash />
      {areas.length > 0 ? (
        <ul className="tiles">
          {areas.map((item) => (
            <li key={item.to}>
              <Link to={item.to} className="tile">
                <span className="tile-title">{t(item.labelKey)}</span>
                <span className="tile-body">{t(item.descriptionKey)}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('home.nothing_yet')}</p>
      )}
    </Page>
  );
}
