/**
 * Form plumbing shared by the shelter and assessment screens (the assessments feature takes it through this
 * feature's index): the stale-version warning, the summary of field errors at the top of a
 * form, and one hook that runs zod checks and maps a 422 onto the same field names as the inputs. Field names
 * follow the server's (`capacity.women`, `contacts[0].name`, `scores.safety.s1`), so one error map serves both.
 */
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Alert } from '@/components/alert';
import { useFieldMessage } from '@/components/field';
import { isApiError, type FieldErrors } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { focusFirstError, validate } from '@/lib/validation';

/** What a form opened in place on a page gets from it: how to close it, and how to read the record again. */
export interface InPlaceFormProps<Saved> {
  /** Closes the form; with the saved record after a save, null after cancel. */
  onDone: (saved: Saved | null) => void;
  /** Reads the record again after a conflict; the form restarts from the newer version. */
  onReload: () => void;
  reloading: boolean;
}

/** A 409 on save: someone else changed the record first. Reloading restarts the form from their version. */
export function StaleAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="warning"
      title={t('errors.stale_version')}
      actions={
        <button type="button" className="btn btn-secondary" onClick={onReload} disabled={reloading}>
          {t('common.reload')}
        </button>
      }
    >
      {t('shelters.conflict_body')}
    </Alert>
  );
}

function focusNamed(form: HTMLFormElement | null, key: string): void {
  const root: ParentNode = form ?? document;
  root.querySelector<HTMLElement>(`[name="${CSS.escape(key)}"]`)?.focus();
}

/**
 * Every field error of a form in one list, each naming its field and moving focus to it: a long form does not
 * hide a message below the fold, and a message for a field without an input is still read.
 */
export function ErrorSummary({
  fields,
  labelOf,
  onSelect,
}: {
  fields: FieldErrors;
  labelOf: (key: string) => string;
  onSelect: (key: string) => void;
}) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return (
    <Alert tone="error" title={t('errors.invalid_argument')}>
      <ul className="error-list">
        {entries.map(([key, text]) => (
          <li key={key}>
            <button type="button" className="btn-link" onClick={() => onSelect(key)}>
              {labelOf(key)}
            </button>
            {': '}
            {message(text)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

export function useFormErrors(formRef: RefObject<HTMLFormElement | null>) {
  const [fields, setFields] = useState<FieldErrors>({});

  /** The checked value, or null after showing its errors and focusing the first field named. */
  function check<T>(schema: z.ZodType<T>, value: unknown): T | null {
    const checked = validate(schema, value);
    if (!checked.ok) {
      setFields(checked.fields);
      requestAnimationFrame(() => focusFirstError(formRef.current, checked.fields));
      return null;
    }
    setFields({});
    return checked.data;
  }

  /** For a mutation's onError: field messages from a 422 go under their inputs and into the summary. */
  function onServerError(error: unknown) {
    if (isApiError(error) && Object.keys(error.fields).length > 0) {
      setFields(error.fields);
      requestAnimationFrame(() => focusFirstError(formRef.current, error.fields));
    } else {
      setFields({});
    }
  }

  return { fields, setFields, check, onServerError };
}

/** True when `error` is a 409 for a version newer than the one the form holds. */
export function isStale(error: unknown, currentVersion?: number): boolean {
  if (!isApiError(error) || !error.isStaleVersion) return false;
  return currentVersion === undefined || (error.currentVersion ?? 0) > currentVersion;
}

/** A failed call as one sentence; refusals named by code get their own sentence. */
export function ProblemAlert({
  error,
  codeKeys = {},
}: {
  error: unknown;
  codeKeys?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const key = isApiError(error) ? codeKeys[error.code] : undefined;
  const reference = isApiError(error) ? error.requestId : null;
  return (
    <Alert tone="error" title={key ? t(key) : describeError(t, error)}>
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
  error: unknown;
  fields: FieldErrors;
  labelOf: (key: string) => string;
  onReload?: () => void;
  reloading?: boolean;
  /** The version the form now holds: a conflict the reload already resolved is no longer shown. */
  version?: number;
  codeKeys?: Record<string, string>;
  onSelect?: (key: string) => void;
}

/** The top of a form: the stale-version warning, the failure sentence, or the list of field errors. */
export function FormProblems({
  formRef,
  error,
  fields,
  labelOf,
  onReload,
  reloading = false,
  version,
  codeKeys,
  onSelect,
}: FormProblemsProps) {
  const hasFieldErrors = Object.keys(fields).length > 0;
  let problem = null;
  if (isApiError(error) && error.isStaleVersion && onReload) {
    if (isStale(error, version)) problem = <StaleAlert onReload={onReload} reloading={reloading} />;
  } else if (error && !(isApiError(error) && hasFieldErrors)) {
    problem = <ProblemAlert error={error} codeKeys={codeKeys} />;
  }
  return (
    <>
      {problem}
      <ErrorSummary
        fields={fields}
        labelOf={labelOf}
        onSelect={onSelect ?? ((key) => focusNamed(formRef.current, key))}
      />
    </>
  );
}
