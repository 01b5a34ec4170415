import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api';
import { describeError } from '@/lib/errors';

type Tone = 'error' | 'warning' | 'success' | 'info';

interface AlertProps {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  id?: string;
}

/** A message box. Errors and warnings interrupt screen readers (role=alert); the rest are polite (role=status). */
export function Alert({ tone, title, children, actions, id }: AlertProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div
      id={id}
      className={`alert alert-${tone}`}
      role={urgent ? 'alert' : 'status'}
      aria-live={urgent ? 'assertive' : 'polite'}
    >
      {title ? <p className="alert-title">{title}</p> : null}
      {children ? <div className="alert-body">{children}</div> : null}
      {actions ? <div className="alert-actions">{actions}</div> : null}
    </div>
  );
}

/** The translated sentence for a failed call, with the server's request id for support when there is one. */
export function ErrorAlert({ error, actions }: { error: unknown; actions?: ReactNode }) {
  const { t } = useTranslation();
  const reference = isApiError(error) ? error.requestId : null;
  return (
    <Alert tone="error" title={describeError(t, error)} actions={actions}>
      {reference ? (
        <p className="muted">
          {t('errors.reference')} <code>{reference}</code>
        </p>
      ) : null}
    </Alert>
  );
}
