import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Client-side messages are i18n keys under `validation.`; messages from the server are shown as they come.
 */
export function useFieldMessage() {
  const { t } = useTranslation();
  return (message: string | undefined): string | undefined =>
    message?.startsWith('validation.') ? t(message) : message;
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
}

function FieldShell({ id, label, hint, error, required, children }: FieldShellProps) {
  const { t } = useTranslation();
  const message = useFieldMessage()(error);
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
      {children}
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> & {
  label: ReactNode;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLInputElement>;
};

export function TextField({
  label,
  hint,
  error,
  value,
  onValueChange,
  required,
  ref,
  ...input
}: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        {...input}
        ref={ref}
        id={id}
        className="input"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onValueChange(event.target.value)}
      />
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange'> & {
  label: ReactNode;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
};

export function SelectField({
  label,
  hint,
  error,
  value,
  onValueChange,
  options,
  placeholder,
  required,
  ...select
}: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select
        {...select}
        id={id}
        className="input"
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onValueChange(event.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface CheckboxFieldProps {
  label: ReactNode;
  name: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string;
  disabled?: boolean;
}

export function CheckboxField({
  label,
  name,
  checked,
  onCheckedChange,
  hint,
  error,
  disabled,
}: CheckboxFieldProps) {
  const id = useId();
  const message = useFieldMessage()(error);
  return (
    <div className={`field field-checkbox${message ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        disabled={disabled}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, hint, message)}
        onChange={(event) => onCheckedChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        ) : null}
        {message ? (
          <p id={`${id}-error`} className="field-error">
            {message}
          </p>
        ) : null}
      </div>
    </div>
  );
}

interface CheckboxGroupProps {
  legend: ReactNode;
  name: string;
  options: readonly { value: string; label: string; hint?: string }[];
  value: readonly string[];
  onValueChange: (value: string[]) => void;
  error?: string;
  hint?: ReactNode;
}

/** A multi-select as a fieldset of checkboxes: works with a keyboard and a screen reader without any script. */
export function CheckboxGroup({
  legend,
  name,
  options,
  value,
  onValueChange,
  error,
  hint,
}: CheckboxGroupProps) {
  const id = useId();
  const message = useFieldMessage()(error);
  return (
    <fieldset
      className={`field fieldset${message ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, hint, message)}
    >
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="field-checkbox">
              <input
                id={optionId}
                type="checkbox"
                name={name}
                value={option.value}
                checked={value.includes(option.value)}
                onChange={(event) =>
                  onValueChange(
                    event.target.checked
                      ? [...value, option.value]
                      : value.filter((item) => item !== option.value),
                  )
                }
              />
              <div>
                <label htmlFor={optionId}>{option.label}</label>
                {option.hint ? <p className="field-hint">{option.hint}</p> : null}
              </div>
            </div>
          );
        })}
      </div>
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}

interface RadioGroupProps {
  legend: ReactNode;
  name: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
}

/** One choice among a few, as a fieldset of radio buttons (arrow keys move between them). */
export function RadioGroup({
  legend,
  name,
  options,
  value,
  onValueChange,
  error,
  hint,
}: RadioGroupProps) {
  const id = useId();
  const message = useFieldMessage()(error);
  return (
    <fieldset
      className={`field fieldset${message ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, hint, message)}
    >
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="radio-row">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="field-checkbox">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onValueChange(option.value)}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
