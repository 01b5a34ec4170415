import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode, type RefObject, type SubmitEvent } from 'react';
import type { z } from 'zod';
import { isApiError, type FieldErrors } from '@/lib/api';
import { focusFirstError, validate } from '@/lib/validation';
import { ErrorAlert } from './alert';
import { FormActions } from './form_actions';
import { Card, Page } from './page';

/**
 * Sending a form that creates a record: zod checks first, then the call; field errors from either go under
 * their inputs and focus moves to the first one named. `onCreated` runs with the new record.
 */
export function useCreateForm<Input, Created>(
  formRef: RefObject<HTMLFormElement | null>,
  create: UseMutationResult<Created, Error, Input>,
  schema: z.ZodType<Input>,
  onCreated: (created: Created) => void,
) {
  const [fields, setFields] = useState<FieldErrors>({});

  function submit(value: unknown) {
    const checked = validate(schema, value);
    if (!checked.ok) {
      setFields(checked.fields);
      focusFirstError(formRef.current, checked.fields);
      return;
    }
    setFields({});
    create.mutate(checked.data, {
      onSuccess: (created) => onCreated(created),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fields).length > 0) {
          setFields(error.fields);
          focusFirstError(formRef.current, error.fields);
        }
      },
    });
  }

  /** `fields`: messages by field name; `submit`: checks the form's values and sends them when they pass. */
  return { fields, submit };
}

interface CreatePageProps {
  title: string;
  formRef: RefObject<HTMLFormElement | null>;
  /** The create call: the button shows it is being sent, and a failure shows above the fields. */
  mutation: { isPending: boolean; error: unknown };
  /** Called on submit, after the browser's own submission is stopped. */
  onSubmit: () => void;
  submitLabel: string;
  /** Where cancelling goes: the list the new record would join. */
  cancelTo: string;
  children: ReactNode;
}

/** A page with one narrow form that creates a record: the failure above the fields, send and cancel below. */
export function CreatePage({
  title,
  formRef,
  mutation,
  onSubmit,
  submitLabel,
  cancelTo,
  children,
}: CreatePageProps) {
  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <Page title={title}>
      <Card narrow>
        <form ref={formRef} className="form form-narrow" onSubmit={handleSubmit} noValidate>
          {mutation.error ? <ErrorAlert error={mutation.error} /> : null}
          {children}
          <FormActions pending={mutation.isPending} submitLabel={submitLabel} cancelTo={cancelTo} />
        </form>
      </Card>
    </Page>
  );
}
