import { useState, type RefObject } from 'react';
import { isApiError, type FieldErrors } from '@/lib/api';
import { focusFirstError, validate } from '@/lib/validation';
import type { Case } from '../api/get_case';
import { updateCaseInputSchema, useUpdateCase, type UpdateCaseInput } from '../api/update_case';

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
  const [fields, setFields] = useState<FieldErrors>({});

  function save(changes: Omit<UpdateCaseInput, 'version'>) {
    const input = { ...changes, version: record.version };
    const checked = validate(updateCaseInputSchema, input);
    if (!checked.ok) {
      setFields(checked.fields);
      focusFirstError(formRef.current, checked.fields);
      return;
    }
    setFields({});
    if (Object.keys(changes).length === 0) {
      onSaved(record); // Nothing changed: nothing to send.
      return;
    }
    update.mutate(checked.data, {
      onSuccess: onSaved,
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fields).length > 0) {
          setFields(error.fields);
          // The inputs render before the next frame; focus the first one named in the answer.
          requestAnimationFrame(() => focusFirstError(formRef.current, error.fields));
        }
      },
    });
  }

  const stale = isApiError(update.error) && update.error.status === 409;
  const hasFieldErrors = isApiError(update.error) && Object.keys(update.error.fields).length > 0;
  return { fields, save, update, stale, hasFieldErrors };
}
