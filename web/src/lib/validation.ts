/**
 * Client-side checks before a form is sent. zod issue messages are i18n keys; the server validates again and its
 * per-field answers are shown the same way.
 */
import type { z } from 'zod';
import type { FieldErrors } from './api';

export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; data: T } | { ok: false; fields: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const name = issue.path.join('.');
    if (!(name in fields)) fields[name] = issue.message;
  }
  return { ok: false, fields };
}

/** Moves focus to the first field with an error, so keyboard and screen-reader users land on it. */
export function focusFirstError(form: HTMLFormElement | null, fields: FieldErrors): void {
  if (!form) return;
  for (const element of Array.from(form.elements)) {
    const name = element.getAttribute('name');
    if (name && name in fields && element instanceof HTMLElement) {
      element.focus();
      return;
    }
  }
}
