import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldMessage } from '@/components/field';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange'> & {
  label: ReactNode;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
};

/** A labelled multi-line text box with its hint and error, like the shared single-line fields. */
export function TextAreaField({
  label,
  hint,
  error,
  value,
  onValueChange,
  required,
  rows = 4,
  ...textarea
}: TextAreaFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const message = useFieldMessage()(error);
  const describedBy =
    [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`field${message ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
        {required ? null : <span className="field-optional"> ({t('common.optional')})</span>}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <textarea
        {...textarea}
        id={id}
        className="input textarea"
        rows={rows}
        value={value}
        required={required}
        dir="auto"
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onValueChange(event.target.value)}
      />
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
    </div>
  );
}
