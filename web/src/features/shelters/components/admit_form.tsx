import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '@/components/alert';
import { CheckboxField, SelectField, TextField } from '@/components/field';
import { FormActions } from '@/components/form_actions';
import { Card } from '@/components/page';
import { isApiError } from '@/lib/api';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { shelterQueryKey } from '../api/get_shelter';
import type { Shelter } from '../api/get_shelters';
import { useAdmit, type Admission } from '../api/stays';
import { CasePicker } from './case_picker';
import { isIsoDate, todayIso } from './dates';
import { TextAreaField } from '@/components/text_area_field';
import { FormProblems, useFormErrors } from './forms';
import { orderedPopulations, shelterValueLabel } from './vocab';

const admitSchema = z.object({
  case_id: z.string().trim().min(1, 'validation.required'),
  population: z.string().min(1, 'validation.required'),
  admission_date: z.string().refine(isIsoDate, 'validation.date'),
  referral: z.string().max(4000, 'validation.too_long'),
  room: z.string().max(50, 'validation.too_long'),
  bed: z.string().max(50, 'validation.too_long'),
});

/** Refusals of an admission, by the code the server answers. */
export const admitErrorKeys: Record<string, string> = {
  already_admitted: 'shelters.admit.error_already_admitted',
  shelter_not_open: 'shelters.admit.error_not_open',
  not_found: 'shelters.admit.error_case_not_found',
  capacity_exceeded: 'shelters.admit.error_capacity',
};

interface AdmitFormProps {
  shelter: Shelter;
  onDone: (admitted: Admission | null) => void;
}

/**
 * Admitting a case. When the population is full the server refuses with `capacity_exceeded`; only then does the
 * form offer an explicit override, which the server records on the stay.
 */
export function AdmitForm({ shelter, onDone }: AdmitFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const admit = useAdmit(shelter.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const served = orderedPopulations(shelter.capacity).filter(
    (population) => population in shelter.capacity,
  );
  const [caseId, setCaseId] = useState('');
  const [population, setPopulation] = useState(served.length === 1 ? (served[0] ?? '') : '');
  const [date, setDate] = useState(todayIso());
  const [referral, setReferral] = useState('');
  const [room, setRoom] = useState('');
  const [bed, setBed] = useState('');
  const [fullFor, setFullFor] = useState<string | null>(null);
  const [override, setOverride] = useState(false);
  const mayReadTexts = can(me, 'view_pii');

  const current = shelter.occupancy?.current ?? {};
  const options = served.map((key) => ({
    value: key,
    label: t('shelters.admit.population_option', {
      population: shelterValueLabel(t, 'population', key),
      current: current[key] ?? 0,
      capacity: shelter.capacity[key] ?? 0,
    }),
  }));

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = errors.check(admitSchema, {
      case_id: caseId,
      population,
      admission_date: date,
      referral,
      room,
      bed,
    });
    if (!checked) return;
    admit.mutate(
      {
        case_id: checked.case_id,
        population: checked.population,
        admission_date: checked.admission_date,
        ...(mayReadTexts && checked.referral.trim() ? { referral: checked.referral.trim() } : {}),
        ...(checked.room.trim() ? { room: checked.room.trim() } : {}),
        ...(checked.bed.trim() ? { bed: checked.bed.trim() } : {}),
        ...(override && fullFor === checked.population ? { override_capacity: true } : {}),
      },
      {
        onSuccess: (admitted) => onDone(admitted),
        onError: (error) => {
          errors.onServerError(error);
          if (isApiError(error) && error.code === 'capacity_exceeded') {
            setFullFor(checked.population);
            setOverride(false);
            void queryClient.invalidateQueries({ queryKey: shelterQueryKey(shelter.id) });
          }
        },
      },
    );
  }

  const labels: Record<string, string> = {
    case_id: t('shelters.admit.case'),
    population: t('shelters.admit.population'),
    admission_date: t('shelters.admit.date'),
    referral: t('shelters.admit.referral'),
    room: t('shelters.admit.room'),
    bed: t('shelters.admit.bed'),
    override_capacity: t('shelters.admit.override'),
  };
  const full = fullFor !== null && fullFor === population;
  const capacityRefused = isApiError(admit.error) && admit.error.code === 'capacity_exceeded';

  return (
    <Card title={t('shelters.admit.title')}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {capacityRefused && full ? (
          <Alert
            tone="warning"
            title={t('shelters.admit.full_title', {
              population: shelterValueLabel(t, 'population', population),
              current: current[population] ?? 0,
              capacity: shelter.capacity[population] ?? 0,
            })}
          >
            {t('shelters.admit.full_body')}
          </Alert>
        ) : (
          <FormProblems
            formRef={formRef}
            error={admit.error}
            fields={errors.fields}
            labelOf={(key) => labels[key] ?? key}
            codeKeys={admitErrorKeys}
          />
        )}
        <CasePicker
          value={caseId}
          onValueChange={(next) => setCaseId(next)}
          error={errors.fields.case_id}
        />
        <div className="form-grid">
          <SelectField
            label={labels.population}
            name="population"
            value={population}
            onValueChange={setPopulation}
            options={options}
            placeholder={t('common.choose')}
            error={errors.fields.population}
            required
          />
          <TextField
            label={labels.admission_date}
            name="admission_date"
            type="date"
            value={date}
            onValueChange={setDate}
            error={errors.fields.admission_date}
            required
          />
          <TextField
            label={labels.room}
            name="room"
            value={room}
            onValueChange={setRoom}
            error={errors.fields.room}
            autoComplete="off"
            dir="auto"
          />
          <TextField
            label={labels.bed}
            name="bed"
            value={bed}
            onValueChange={setBed}
            error={errors.fields.bed}
            autoComplete="off"
            dir="auto"
          />
        </div>
        {mayReadTexts ? (
          <TextAreaField
            label={labels.referral}
            name="referral"
            value={referral}
            onValueChange={setReferral}
            hint={t('shelters.admit.referral_hint')}
            error={errors.fields.referral}
            rows={3}
          />
        ) : null}
        {full ? (
          <CheckboxField
            label={t('shelters.admit.override')}
            hint={t('shelters.admit.override_hint')}
            name="override_capacity"
            checked={override}
            onCheckedChange={setOverride}
            error={errors.fields.override_capacity}
          />
        ) : null}
        <FormActions
          pending={admit.isPending}
          submitLabel={t('shelters.admit.submit')}
          onCancel={() => onDone(null)}
        />
      </form>
    </Card>
  );
}
