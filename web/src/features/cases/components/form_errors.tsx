/**
 * Error handling shared by the forms under a case (screening, consent, services, notes, tasks, closure): client
 * checks with zod, the server's 422 mapped onto the same field names, a stale version (409 with
 * `current_version`) shown with the reload action, and any other failure as one sentence.
 */
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Alert } from '@/components/alert';
import { isApiError, type FieldErrors } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { focusFirstError, validate } from '@/lib/validation';
import { ErrorSummary } from './error_summary';
import { StaleAlert } from './stale_alert';

export function useFormErrors(formRef: RefObject<HTMLFormElement | null>) {
  const [fields, setFields] = useState<FieldErrors>({});

  /** The checked value, or null after showing its errors and focusing the first field named. */
  function check<T>(schema: z.ZodType<T>, value: unknown): T | null {
    const checked = validate(schema, value);
    if (!checked.ok) {
      setFields(checked.fields);
      focusFirstError(formRef.current, checked.fields);
      return null;
    }
    setFields({});
    return checked.data;
  }

  /** For a mutation's onError: field messages from a 422 go under their inputs. */
  function onServerError(error: unknown) {
    if (isApiError(error) && Object.keys(error.fields).length > 0) {
      setFields(error.fields);
      // The messages render before the next frame; focus the first field named in the answer.
      requestAnimationFrame(() => focusFirstError(formRef.current, error.fields));
    }
  }

  return { fields, setFields, check, onServerError };
}

/** True when `error` is a 409 for a version older than the one the server has, and still unresolved. */
export function isStale(error: unknown, currentVersion?: number): boolean {
  if (!isApiError(error) || !error.isStaleVersion) return false;
  return currentVersion === undefined || (error.currentVersion ?? 0) > currentVersion;
}

/** Refusals specific to case work, by the code the server answers; the rest as the app describes them. */
const caseErrorKeys: Record<string, string> = {
  already_decided: 'cases.error_already_decided',
  own_closure_request: 'cases.error_own_closure_request',
  consent_required: 'cases.error_consent_required',
};

/** A failed call as one sentence (and the request id for support). */
export function CaseErrorAlert({
  error,
  onReload,
  reloading = false,
}: {
  error: unknown;
  /** Offered with a refusal that a fresh read may explain (a conflict). */
  onReload?: () => void;
  reloading?: boolean;
}) {
  const { t } = useTranslation();
  const key = isApiError(error) ? caseErrorKeys[error.code] : undefined;
  // A conflict without a version is a workflow refusal (a closure already requested, a case not closed).
  const conflict = isApiError(error) && error.code === 'conflict' && !error.isStaleVersion;
  const title = key ? t(key) : conflict ? t('cases.error_conflict') : describeError(t, error);
  const reference = isApiError(error) ? error.requestId : null;
  return (
    <Alert
      tone="error"
      title={title}
      actions={
        onReload ? (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={onReload}
            disabled={reloading}
          >
            {t('common.reload')}
          </button>
        ) : undefined
      }
    >
      {reference ? (
        <p className="muted">
          {t('errors.reference')} <code>{reference}</code>
        </p>
      ) : null}
    </Alert>
  );
}

interface FormProblemsProps {
  formRef: RefObject<HTMLFormElement | null>;
  /** The failed mutation's error, if any. */
  error: unknown;
  fields: FieldErrors;
  /** Labels of this form's fields, by the name the server gives them. */
  labels?: Record<string, string>;
  /** Reads the record again after a 409; the stale message disappears once the newer version is in. */
  onReload?: () => void;
  reloading?: boolean;
  /** The version the form now holds: a conflict the reload already resolved is no longer shown. */
  version?: number;
}

/** The top of a form: the stale-version warning, the failure sentence, or the list of field errors. */
export function FormProblems({
  formRef,
  error,
  fields,
  labels,
  onReload,
  reloading = false,
  version,
}: FormProblemsProps) {
  const hasFieldErrors = Object.keys(fields).length > 0;
  let problem = null;
  if (isApiError(error) && error.isStaleVersion && onReload) {
    // Once the reload brought the newer version in, the form can be sent again: no warning left.
    if (isStale(error, version)) problem = <StaleAlert onReload={onReload} reloading={reloading} />;
  } else if (error && !(isApiError(error) && hasFieldErrors)) {
    const conflict = isApiError(error) && error.status === 409;
    problem = (
      <CaseErrorAlert
        error={error}
        onReload={conflict ? onReload : undefined}
        reloading={reloading}
      />
    );
  }
  return (
    <>
      {problem}
      <ErrorSummary
        fields={fields}
        labels={labels}
        onSelect={(key) =>
          formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(key)}"]`)?.focus()
        }
      />
    </>
  );
}
