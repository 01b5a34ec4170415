import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldMessage } from '@/components/field';
import { countryCodes } from '@/lib/countries';
import { countryName } from '@/lib/format';

/** ISO 3166-1 alpha-2 codes with their names in the UI language, sorted by name. */
export function useCountryOptions() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return countryCodes
      .map((value) => ({ value, label: countryName(value, i18n.language) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [i18n.language]);
}

export function useCountryNames() {
  const { t, i18n } = useTranslation();
  return (codes: readonly string[] | null | undefined): string =>
    (codes ?? []).map((code) => countryName(code, i18n.language)).join(t('cases.list_separator'));
}

interface CountryListFieldProps {
  legend: string;
  /** The label of the picker that adds a country. */
  addLabel: string;
  name: string;
  value: readonly string[];
  onValueChange: (value: string[]) => void;
  error?: string;
  hint?: string;
}

/**
 * Several countries: the chosen ones as a list, each with a remove button, and a picker that adds one. Plain
 * buttons and a native select, so it works with a keyboard and a screen reader; 249 checkboxes would not.
 */
export function CountryListField({
  legend,
  addLabel,
  name,
  value,
  onValueChange,
  error,
  hint,
}: CountryListFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const message = useFieldMessage()(error);
  const options = useCountryOptions().filter((option) => !value.includes(option.value));
  const describedBy =
    [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;

  return (
    <fieldset className={`field fieldset${message ? ' field-invalid' : ''}`}>
      <legend className="field-label">
        {legend}
        <span className="field-optional"> ({t('common.optional')})</span>
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ul className="chips" aria-label={legend}>
          {value.map((code) => {
            const country = countryName(code, i18n.language);
            return (
              <li key={code} className="chip">
                <span>{country}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('cases.field.country_remove', { country })}
                  onClick={() => onValueChange(value.filter((item) => item !== code))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="field-hint">{t('cases.field.countries_none')}</p>
      )}
      <label htmlFor={id} className="visually-hidden">
        {addLabel}
      </label>
      <select
        id={id}
        name={name}
        className="input"
        value=""
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          if (event.target.value) onValueChange([...value, event.target.value]);
        }}
      >
        <option value="">{addLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
