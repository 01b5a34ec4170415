import type { RefObject } from 'react';
import { isApiError } from '@/lib/api';
import type { Case } from '../api/get_case';
import { updateCaseInputSchema, useUpdateCase, type UpdateCaseInput } from '../api/update_case';
import { useFormErrors } from './form_errors';

/**
 * Saving one tab of a case: checks the changes, sends them with the version read, and reports field errors
 * (client or server) and a stale version. `onSaved` runs with the saved record.
 */
export function useCaseEdit(
  record: Case,
  formRef: RefObject<HTMLFormElement | null>,
  onSaved: (saved: Case) => void,
) {
  const update = useUpdateCase(record.id);
  const errors = useFormErrors(formRef);

  function save(changes: Omit<UpdateCaseInput, 'version'>) {
    const data = errors.check(updateCaseInputSchema, { ...changes, version: record.version });
    if (!data) return;
    if (Object.keys(changes).length === 0) {
      onSaved(record); // Nothing changed: nothing to send.
      return;
    }
    update.mutate(data, { onSuccess: onSaved, onError: errors.onServerError });
  }

  const stale = isApiError(update.error) && update.error.status === 409;
  const hasFieldErrors = isApiError(update.error) && Object.keys(update.error.fields).length > 0;
  return { fields: errors.fields, save, update, stale, hasFieldErrors };
}
