import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitcher } from '@/components/language_switcher';
import { Loading } from '@/components/loading';
import { SignOutButton } from '@/features/auth';
import { paths } from '@/lib/paths';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { navItems } from './navigation';

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page (unless a form field already took it), so
  // keyboard and screen-reader users start at the content rather than on the link they left.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const main = mainRef.current;
    const active = document.activeElement;
    if (main && !(active && main.contains(active) && active !== main)) main.focus();
  }, [location.pathname]);

  const items = user.totp_required
    ? []
    : navItems.filter((item) => !item.permission || can(user, item.permission));

  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to={paths.home} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          {items.length > 0 ? (
            <nav aria-label={t('nav.label')} className="main-nav">
              <ul>
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === paths.home}>
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div className="header-tools">
            <LanguageSwitcher />
            <NavLink to={paths.profile} end className="user-link" title={t('nav.profile')}>
              <span className="avatar" aria-hidden="true">
                {(user.display_name || user.username).slice(0, 1).toUpperCase()}
              </span>
              <span className="user-name" dir="auto">
                {user.display_name || user.username}
              </span>
              <span className="visually-hidden"> ({t('nav.profile')})</span>
            </NavLink>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
