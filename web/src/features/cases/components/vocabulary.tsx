import { useTranslation } from 'react-i18next';
import { CheckboxGroup, SelectField } from '@/components/field';
import { useVocabulary, type VocabularyName } from '../api/get_vocabulary';

export interface VocabularyOptions {
  options: { value: string; label: string }[];
  /** The HTCDS English label of a value name; the name itself when unknown or still loading. */
  label: (value: string | null | undefined) => string;
  isPending: boolean;
  error: unknown;
}

export function useVocabularyOptions(name: VocabularyName): VocabularyOptions {
  const query = useVocabulary(name);
  const options = (query.data?.values ?? []).map((item) => ({
    value: item.name,
    label: item.label,
  }));
  const labels = new Map(options.map((option) => [option.value, option.label]));
  return {
    options,
    label: (value) => (value ? (labels.get(value) ?? value) : ''),
    isPending: query.isPending,
    error: query.error,
  };
}

/** Labels for a list of value names, joined for a table cell or a summary line. */
export function useVocabularyList(name: VocabularyName) {
  const { label } = useVocabularyOptions(name);
  const { t } = useTranslation();
  return (values: readonly string[] | null | undefined): string =>
    (values ?? []).map(label).join(t('cases.list_separator'));
}

interface VocabularySelectProps {
  vocabulary: VocabularyName;
  label: string;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  /** The text of the empty choice; defaults to "Choose…". */
  placeholder?: string;
}

/** A single-choice field whose values come from an HTCDS value set. */
export function VocabularySelect({ vocabulary, placeholder, ...props }: VocabularySelectProps) {
  const { t } = useTranslation();
  const { options, isPending } = useVocabularyOptions(vocabulary);
  // A value outside the set (old data, a set still loading) stays selectable rather than silently dropped.
  const all =
    props.value && !options.some((option) => option.value === props.value)
      ? [{ value: props.value, label: props.value }, ...options]
      : options;
  return (
    <SelectField
      {...props}
      options={all}
      placeholder={isPending ? t('common.loading') : (placeholder ?? t('common.choose'))}
    />
  );
}

interface VocabularyCheckboxesProps {
  vocabulary: VocabularyName;
  legend: string;
  name: string;
  value: readonly string[];
  onValueChange: (value: string[]) => void;
  error?: string;
  hint?: string;
}

/** A multi-choice field whose values come from an HTCDS value set, as a group of checkboxes. */
export function VocabularyCheckboxes({ vocabulary, ...props }: VocabularyCheckboxesProps) {
  const { options, isPending } = useVocabularyOptions(vocabulary);
  const { t } = useTranslation();
  if (isPending) {
    return (
      <fieldset className="field fieldset">
        <legend className="field-label">{props.legend}</legend>
        <p className="muted">{t('common.loading')}</p>
      </fieldset>
    );
  }
  return <CheckboxGroup {...props} options={options} />;
}
