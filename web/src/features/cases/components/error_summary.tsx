import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { useFieldMessage } from '@/components/field';
import type { FieldErrors } from '@/lib/api';
import { fieldLabel } from './field_labels';

function focusField(key: string): void {
  const input = document.querySelector<HTMLElement>(`[name="${CSS.escape(key)}"]`);
  input?.focus();
}

/**
 * Every field error of a form in one list at its top, each naming its field and moving focus to it when the
 * field is on screen: a long form does not hide a message below the fold, and a message for a field that has
 * no input (or is on another step) is still read.
 */
export function ErrorSummary({
  fields,
  title,
  labels,
  onSelect = focusField,
}: {
  fields: FieldErrors;
  title?: string;
  /** Labels of the form's own fields by name; other names are labelled as case fields. */
  labels?: Record<string, string>;
  /** What choosing an entry does; by default it focuses the input named after the field. */
  onSelect?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const message = useFieldMessage();
  const entries = Object.entries(fields);
  if (entries.length === 0) return null;
  return (
    <Alert tone="error" title={title ?? t('errors.invalid_argument')}>
      <ul className="error-list">
        {entries.map(([key, text]) => (
          <li key={key}>
            <button type="button" className="btn-link" onClick={() => onSelect(key)}>
              {labels?.[key] ?? fieldLabel(t, key)}
            </button>
            {': '}
            {message(text)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
