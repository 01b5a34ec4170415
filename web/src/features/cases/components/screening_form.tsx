import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/alert';
import { Badge } from '@/components/badge';
import { RadioGroup, SelectField } from '@/components/field';
import { Loading } from '@/components/loading';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { screeningFormSchema, useCreateScreening } from '../api/create_screening';
import type { Case } from '../api/get_case';
import {
  dimensions,
  exploitationKinds,
  latestSets,
  populations,
  useIndicatorSets,
  type Indicator,
  type IndicatorSet,
} from '../api/get_indicator_sets';
import type { Screening } from '../api/get_screenings';
import { FORCED_LABOUR, SEXUAL_EXPLOITATION } from './case_draft';
import { FormProblems, useFormErrors } from './form_errors';
import { TextAreaField } from '@/components/text_area_field';
import { valueLabel, valueOptions } from './value_labels';

const strengthTone: Partial<Record<string, 'bad' | 'warn' | 'neutral'>> = {
  strong: 'bad',
  medium: 'warn',
  weak: 'neutral',
};

/** A strength badge: strong, medium or weak, as the ILO/EC list grades the indicator. */
export function StrengthBadge({ strength }: { strength: string }) {
  const { t } = useTranslation();
  const tone = strengthTone[strength] ?? 'neutral';
  return <Badge tone={tone}>{valueLabel(t, 'strength', strength)}</Badge>;
}

/** A starting point from what the case already records; the caseworker confirms or changes it. */
function initialPopulation(record: Case): string {
  const year = record.person.prs_BirthYear;
  const age = record.person.prs_EstimatedAge;
  if (typeof year === 'number') return new Date().getFullYear() - year < 18 ? 'child' : 'adult';
  if (typeof age === 'number') return age < 18 ? 'child' : 'adult';
  return '';
}

function initialKind(record: Case): string {
  const types = record.vic_TypeOfExploitation ?? [];
  const labour = types.includes(FORCED_LABOUR);
  const sexual = types.includes(SEXUAL_EXPLOITATION);
  if (labour === sexual) return '';
  return labour ? 'labour' : 'sexual';
}

interface IndicatorChecklistProps {
  set: IndicatorSet;
  observed: readonly string[];
  onChange: (observed: string[]) => void;
  error?: string;
}

/** The indicators of a set as checkboxes, one group per dimension, each with its strength. */
function IndicatorChecklist({ set, observed, onChange, error }: IndicatorChecklistProps) {
  const { t } = useTranslation();
  const byDimension = new Map<string, Indicator[]>();
  for (const indicator of set.indicators) {
    const list = byDimension.get(indicator.dimension) ?? [];
    list.push(indicator);
    byDimension.set(indicator.dimension, list);
  }
  // The six dimensions in the ILO/EC order, then any the set adds.
  const order = [
    ...dimensions.filter((dimension) => byDimension.has(dimension)),
    ...[...byDimension.keys()].filter((key) => !(dimensions as readonly string[]).includes(key)),
  ];
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...observed, id] : observed.filter((item) => item !== id));

  return (
    <>
      {error ? <p className="field-error">{error}</p> : null}
      {order.map((dimension) => {
        const indicators = byDimension.get(dimension) ?? [];
        const ticked = indicators.filter((indicator) => observed.includes(indicator.id)).length;
        return (
          <fieldset key={dimension} className="form-section indicator-group">
            <legend>
              {valueLabel(t, 'dimension', dimension)}{' '}
              <span className="muted">
                {t('cases.screening.ticked', { count: ticked, total: indicators.length })}
              </span>
            </legend>
            <ul className="indicator-list">
              {indicators.map((indicator) => {
                const id = `indicator-${indicator.id}`;
                return (
                  <li key={indicator.id} className="field-checkbox">
                    <input
                      id={id}
                      type="checkbox"
                      name="observed"
                      value={indicator.id}
                      checked={observed.includes(indicator.id)}
                      onChange={(event) => toggle(indicator.id, event.target.checked)}
                    />
                    <label htmlFor={id}>
                      <span lang="en" dir="ltr">
                        {indicator.text}
                      </span>{' '}
                      <StrengthBadge strength={indicator.strength} />
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </>
  );
}

interface ScreeningFormProps {
  record: Case;
  onScreened: (screening: Screening) => void;
  onCancel?: () => void;
}

/**
 * A new screening: who is screened (adult or child) for which exploitation (labour or sexual), the indicators
 * observed, and optional notes. The server computes the suggestion; this form suggests nothing itself.
 */
export function ScreeningForm({ record, onScreened, onCancel }: ScreeningFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const sets = useIndicatorSets();
  const create = useCreateScreening(record.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [population, setPopulation] = useState(() => initialPopulation(record));
  const [kind, setKind] = useState(() => initialKind(record));
  const [setId, setSetId] = useState('');
  const [observed, setObserved] = useState<string[]>([]);
  const [notes, setNotes] = useState('');

  const candidates = sets.data ? latestSets(sets.data, population, kind) : [];
  const chosen = candidates.find((set) => set.id === setId) ?? candidates[0];

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = errors.check(screeningFormSchema, {
      population,
      kind,
      indicator_set: chosen?.id ?? '',
      version: chosen?.version ?? 0,
      observed,
      notes: notes.trim() && can(me, 'view_pii') ? notes : undefined,
    });
    if (!checked) return;
    const input = {
      indicator_set: checked.indicator_set,
      version: checked.version,
      observed: checked.observed,
      notes: checked.notes,
    };
    create.mutate(input, { onSuccess: onScreened, onError: errors.onServerError });
  }

  const labels = {
    population: t('cases.screening.population'),
    kind: t('cases.screening.kind'),
    indicator_set: t('cases.screening.indicator_set'),
    observed: t('cases.screening.observed'),
    notes: t('cases.screening.notes'),
    version: t('cases.screening.set_version'),
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormProblems formRef={formRef} error={create.error} fields={errors.fields} labels={labels} />
      <p className="form-intro">{t('cases.screening.intro')}</p>
      <div className="form-grid">
        <RadioGroup
          legend={labels.population}
          name="population"
          options={valueOptions(t, 'population', populations)}
          value={population}
          onValueChange={(value) => {
            setPopulation(value);
            setObserved([]);
          }}
          error={errors.fields.population}
        />
        <RadioGroup
          legend={labels.kind}
          name="kind"
          options={valueOptions(t, 'exploitationKind', exploitationKinds)}
          value={kind}
          onValueChange={(value) => {
            setKind(value);
            setObserved([]);
          }}
          error={errors.fields.kind}
        />
      </div>
      {sets.isPending ? <Loading /> : null}
      {sets.isError ? <ErrorAlert error={sets.error} /> : null}
      {candidates.length > 1 ? (
        <SelectField
          label={labels.indicator_set}
          name="indicator_set"
          value={chosen?.id ?? ''}
          onValueChange={(value) => {
            setSetId(value);
            setObserved([]);
          }}
          options={candidates.map((set) => ({ value: set.id, label: set.id }))}
          error={errors.fields.indicator_set}
          required
        />
      ) : null}
      {chosen ? (
        <>
          <p className="muted">
            {t('cases.screening.set_used', { set: chosen.id, version: chosen.version })}
            {chosen.source ? (
              <>
                {' '}
                <span lang="en" dir="ltr">
                  {chosen.source}
                </span>
              </>
            ) : null}
          </p>
          <IndicatorChecklist
            set={chosen}
            observed={observed}
            onChange={setObserved}
            error={errors.fields.observed}
          />
        </>
      ) : population && kind && sets.isSuccess ? (
        <p className="field-error">{t('cases.screening.no_set')}</p>
      ) : (
        <p className="muted">{t('cases.screening.choose_first')}</p>
      )}
      {can(me, 'view_pii') ? (
        <TextAreaField
          label={labels.notes}
          name="notes"
          value={notes}
          onValueChange={setNotes}
          hint={t('cases.screening.notes_hint')}
          error={errors.fields.notes}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('cases.screening.submit')}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
