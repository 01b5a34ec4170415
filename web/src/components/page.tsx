import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title so screen-reader users and people with many tabs know where they are. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

interface PageProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

export function Page({ title, description, actions, children }: PageProps) {
  useDocumentTitle(title);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <div>
          <h1 id="page-title">{title}</h1>
          {description ? <p className="page-description">{description}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function Card({
  children,
  title,
  narrow = false,
}: {
  children: ReactNode;
  title?: string;
  /** For forms: a readable line length instead of the full page width. */
  narrow?: boolean;
}) {
  return (
    <div className={narrow ? 'card card-narrow' : 'card'}>
      {title ? <h2 className="card-title">{title}</h2> : null}
      {children}
    </div>
  );
}
