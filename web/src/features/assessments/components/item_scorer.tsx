import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/badge';
import { useFieldMessage } from '@/components/field';
import { TextAreaField } from '@/components/text_area_field';
import type { TemplateItem } from '../api/templates';
import { itemCode } from './labels';
import type { Entry } from './sheet';

interface ItemScorerProps {
  area: string;
  item: TemplateItem;
  entry: Entry;
  onChange: (entry: Entry) => void;
  /** Field errors for this item, keyed as the server names them (`scores.safety.s1`, `...s1.score`). */
  errors: Record<string, string>;
  disabled?: boolean;
}

/**
 * One standard: its statement, what the assessor looks at, the 0–3 scale with what each level means, "not
 * applicable", and evidence notes. The radios of one item share a name, so arrow keys move between levels.
 */
export function ItemScorer({ area, item, entry, onChange, errors, disabled }: ItemScorerProps) {
  const { t } = useTranslation();
  const id = useId();
  const message = useFieldMessage();
  const name = `scores.${area}.${item.key}`;
  const error =
    errors[name] ?? errors[`${name}.score`] ?? errors[`${name}.na`] ?? errors[`${name}.evidence`];
  const gap = item.critical && !entry.na && entry.score !== null && entry.score <= 1;
  const value = entry.na ? 'na' : entry.score === null ? '' : String(entry.score);
  const choices = [
    ...item.levels.map((level, score) => ({
      value: String(score),
      label: t('assessments.sheet.level', { score, level }),
    })),
    { value: 'na', label: t('assessments.sheet.not_applicable') },
  ];

  return (
    <fieldset
      className={`assessment-item${gap ? ' critical-gap' : ''}${error ? ' field-invalid' : ''}`}
      aria-describedby={`${id}-guidance${error ? ` ${id}-error` : ''}`}
      data-item={name}
    >
      <legend className="assessment-item-title">
        <span className="item-code" dir="ltr">
          {itemCode(item.key)}
        </span>{' '}
        <span dir="auto">{item.statement}</span>
        {item.critical ? (
          <>
            {' '}
            <Badge tone="warn">{t('assessments.sheet.critical')}</Badge>
          </>
        ) : null}
        {gap ? (
          <>
            {' '}
            <Badge tone="bad">{t('assessments.sheet.critical_gap')}</Badge>
          </>
        ) : null}
      </legend>
      <p id={`${id}-guidance`} className="field-hint guidance" dir="auto">
        {item.guidance ? `${t('assessments.sheet.guidance')}: ${item.guidance}` : ''}
      </p>
      <div className="score-scale">
        {choices.map((choice) => {
          const optionId = `${id}-${choice.value}`;
          return (
            <div
              key={choice.value}
              className={`score-option${value === choice.value ? ' score-option-chosen' : ''}`}
            >
              <input
                id={optionId}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                disabled={disabled}
                onChange={() =>
                  onChange(
                    choice.value === 'na'
                      ? { ...entry, na: true, score: null }
                      : { ...entry, na: false, score: Number(choice.value) },
                  )
                }
              />
              <label htmlFor={optionId} dir="auto">
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
      {value !== '' && !disabled ? (
        <button
          type="button"
          className="btn btn-link clear-score"
          onClick={() => onChange({ ...entry, na: false, score: null })}
        >
          {t('assessments.sheet.clear_named', { item: itemCode(item.key) })}
        </button>
      ) : null}
      <TextAreaField
        label={t('assessments.sheet.evidence_named', { item: itemCode(item.key) })}
        name={`${name}.evidence`}
        value={entry.evidence}
        onValueChange={(evidence) => onChange({ ...entry, evidence })}
        hint={t('assessments.sheet.evidence_hint')}
        rows={2}
        disabled={disabled}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {message(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
