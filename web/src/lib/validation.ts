/**
 * Client-side checks before a form is sent. zod issue messages are i18n keys; the server validates again and its
 * per-field answers are shown the same way.
 */
import type { z } from 'zod';
import type { FieldErrors } from './api';

/**
 * The server's name for a field: `person.prs_Birthdate`, `events[0].hte_EndDate`. Client-side errors use the same
 * names, so one map of errors serves both, and inputs carry them as their `name`.
 */
export function fieldKey(path: readonly PropertyKey[]): string {
  let key = '';
  for (const segment of path) {
    if (typeof segment === 'number') key += `[${segment}]`;
    else key += key ? `.${String(segment)}` : String(segment);
  }
  return key;
}

export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; data: T } | { ok: false; fields: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const name = fieldKey(issue.path);
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
