import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '@/components/field';
import { ageBands, caseSorts, type CaseFilters, type CaseSort } from '../api/get_cases';
import { ageBandLabel } from './age_band';
import { useCountryOptions } from './countries';
import { VocabularySelect } from './vocabulary';

interface CaseFiltersFormProps {
  filters: CaseFilters;
  onApply: (filters: CaseFilters) => void;
  /** Name search needs `view_pii`; without it the box is not shown. */
  canSearchNames: boolean;
  /** The signed-in user's id, for "only my cases". */
  userId: string;
}

const empty = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** Filters, name search and sort of the case list; applied together with one button (or Enter). */
export function CaseFiltersForm({
  filters,
  onApply,
  canSearchNames,
  userId,
}: CaseFiltersFormProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const [name, setName] = useState(filters.name ?? '');
  const [status, setStatus] = useState(filters.status ?? '');
  const [traffickingStatus, setTraffickingStatus] = useState(filters.trafficking_status ?? '');
  const [citizenship, setCitizenship] = useState(filters.citizenship ?? '');
  const [exploitation, setExploitation] = useState(filters.exploitation ?? '');
  const [gender, setGender] = useState(filters.gender ?? '');
  const [ageBand, setAgeBand] = useState(filters.age_band ?? '');
  const [from, setFrom] = useState(filters.registered_from ?? '');
  const [to, setTo] = useState(filters.registered_to ?? '');
  const [mine, setMine] = useState(filters.caseworker === userId);
  const [sort, setSort] = useState<CaseSort>(filters.sort ?? 'registered');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({
      name: canSearchNames ? empty(name) : undefined,
      status: empty(status),
      trafficking_status: empty(traffickingStatus),
      citizenship: empty(citizenship),
      exploitation: empty(exploitation),
      gender: empty(gender),
      age_band: empty(ageBand),
      registered_from: empty(from),
      registered_to: empty(to),
      caseworker: mine ? userId : undefined,
      sort: sort === 'registered' ? undefined : sort,
    });
  }

  const any = t('cases.filter_any');

  return (
    <form
      role="search"
      aria-label={t('cases.filters')}
      className="card filters"
      onSubmit={onSubmit}
      noValidate
    >
      {canSearchNames ? (
        <TextField
          label={t('cases.name_search')}
          name="name"
          type="search"
          value={name}
          onValueChange={setName}
          hint={t('cases.name_search_hint')}
          autoComplete="off"
          spellCheck={false}
          dir="auto"
        />
      ) : null}
      <div className="filters-grid">
        <VocabularySelect
          vocabulary="cas_Status"
          label={t('cases.field.status')}
          name="status"
          value={status}
          onValueChange={setStatus}
          placeholder={any}
        />
        <VocabularySelect
          vocabulary="vic_TraffickingStatus"
          label={t('cases.field.trafficking_status')}
          name="trafficking_status"
          value={traffickingStatus}
          onValueChange={setTraffickingStatus}
          placeholder={any}
        />
        <SelectField
          label={t('cases.field.citizenship')}
          name="citizenship"
          value={citizenship}
          onValueChange={setCitizenship}
          options={countries}
          placeholder={any}
        />
        <VocabularySelect
          vocabulary="vic_TypeOfExploitation"
          label={t('cases.filter_exploitation')}
          name="exploitation"
          value={exploitation}
          onValueChange={setExploitation}
          placeholder={any}
        />
        <VocabularySelect
          vocabulary="prs_Gender"
          label={t('cases.field.gender')}
          name="gender"
          value={gender}
          onValueChange={setGender}
          placeholder={any}
        />
        <SelectField
          label={t('cases.age_band')}
          name="age_band"
          value={ageBand}
          onValueChange={setAgeBand}
          options={ageBands.map((band) => ({ value: band, label: ageBandLabel(t, band) }))}
          placeholder={any}
        />
        <TextField
          label={t('cases.registered_from')}
          name="registered_from"
          type="date"
          value={from}
          onValueChange={setFrom}
        />
        <TextField
          label={t('cases.registered_to')}
          name="registered_to"
          type="date"
          value={to}
          onValueChange={setTo}
        />
        <SelectField
          label={t('cases.sort')}
          name="sort"
          value={sort}
          onValueChange={(value) => setSort(value as CaseSort)}
          options={caseSorts.map((value) => ({
            value,
            label: value === 'number' ? t('cases.sort_number') : t('cases.sort_registered'),
          }))}
          required
        />
      </div>
      <CheckboxField
        label={t('cases.assigned_to_me')}
        name="caseworker"
        checked={mine}
        onCheckedChange={setMine}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t('cases.apply_filters')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setName('');
            onApply({});
          }}
        >
          {t('cases.clear_filters')}
        </button>
      </div>
    </form>
  );
}
