/**
 * Pieces of a record's page (a case, a shelter, an assessment): the way back to its list, what shows while it
 * loads or when it cannot be read, its key facts, and the tabs for its sections.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { isApiError } from '@/lib/api';
import { ErrorAlert } from './alert';
import { Loading } from './loading';
import { Page } from './page';

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="btn btn-secondary">
      {children}
    </Link>
  );
}

interface RecordFallbackProps {
  /** The failed read; none while it is still loading. */
  error: unknown;
  /** The page title while loading or after a failure, e.g. "Case". */
  title: string;
  notFoundTitle: string;
  notFoundBody: string;
  /** Shown with the failure: the way back to the list. */
  back: ReactNode;
}

/** The page for a record that is not there yet: loading, not found (404), or failed to load. */
export function RecordFallback({
  error,
  title,
  notFoundTitle,
  notFoundBody,
  back,
}: RecordFallbackProps) {
  if (!error) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  // A record of another office answers 404 too: the page cannot tell, and must not, whether it exists.
  if (isApiError(error) && error.status === 404) {
    return (
      <Page title={notFoundTitle} actions={back}>
        <p>{notFoundBody}</p>
      </Page>
    );
  }
  return (
    <Page title={title} actions={back}>
      <ErrorAlert error={error} />
    </Page>
  );
}

/** One entry of a record's key facts (`<dl className="case-facts">`). */
export function Fact({
  term,
  className,
  children,
}: {
  term: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}

interface TabNavProps<Tab extends string> {
  /** Names the navigation landmark, e.g. "Case sections". */
  label: string;
  tabs: readonly Tab[];
  pathOf: (tab: Tab) => string;
  /** i18n keys of the tabs' labels. */
  labelKeys: Record<Tab, string>;
  /** The tab at the record's own address: current there only, not under the other tabs. */
  indexTab: Tab;
}

/** The sections of a record as links, the current one marked by the router. */
export function TabNav<Tab extends string>({
  label,
  tabs,
  pathOf,
  labelKeys,
  indexTab,
}: TabNavProps<Tab>) {
  const { t } = useTranslation();
  return (
    <nav aria-label={label} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab}>
            <NavLink to={pathOf(tab)} end={tab === indexTab}>
              {t(labelKeys[tab])}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
