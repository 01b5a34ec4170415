import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SelectField, TextField } from '@/components/field';
import { FormActions } from '@/components/form_actions';
import { Card } from '@/components/page';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { useDischarge, type Admission } from '../api/stays';
import { isIsoDate, todayIso } from './dates';
import { TextAreaField } from '@/components/text_area_field';
import { FormProblems, useFormErrors, type InPlaceFormProps } from './forms';
import { destinations, shelterValueOptions } from './vocab';

const dischargeSchema = z.object({
  discharge_date: z.string().refine(isIsoDate, 'validation.date'),
  destination: z.enum(destinations, { error: 'validation.required' }),
  reason: z.string().max(4000, 'validation.too_long'),
});

interface DischargeFormProps extends InPlaceFormProps<Admission> {
  shelterId: string;
  admission: Admission;
  /** A label for the resident: the case number, and the first name when the user may see it. */
  resident: string;
}

/** Ending a stay: the date (not before admission), where the person went, and why (sealed, view_pii only). */
export function DischargeForm({
  shelterId,
  admission,
  resident,
  onDone,
  onReload,
  reloading,
}: DischargeFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const discharge = useDischarge(shelterId);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [date, setDate] = useState(todayIso());
  const [destination, setDestination] = useState('');
  const [reason, setReason] = useState('');
  const mayWriteReason = can(me, 'view_pii');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = errors.check(dischargeSchema, {
      discharge_date: date,
      destination,
      reason,
    });
    if (!checked) return;
    if (checked.discharge_date < admission.admission_date) {
      errors.setFields({ discharge_date: 'validation.discharge_before_admission' });
      return;
    }
    discharge.mutate(
      {
        admission_id: admission.id,
        version: admission.version,
        discharge_date: checked.discharge_date,
        destination: checked.destination,
        ...(mayWriteReason && checked.reason.trim() ? { reason: checked.reason.trim() } : {}),
      },
      { onSuccess: onDone, onError: errors.onServerError },
    );
  }

  const labels: Record<string, string> = {
    discharge_date: t('shelters.discharge.date'),
    destination: t('shelters.discharge.destination'),
    reason: t('shelters.discharge.reason'),
    admission_id: t('shelters.discharge.stay'),
  };

  return (
    <Card title={t('shelters.discharge.title', { resident })}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormProblems
          formRef={formRef}
          error={discharge.error}
          fields={errors.fields}
          labelOf={(key) => labels[key] ?? key}
          onReload={onReload}
          reloading={reloading}
          version={admission.version}
          codeKeys={{ already_discharged: 'shelters.discharge.error_already_discharged' }}
        />
        <div className="form-grid">
          <TextField
            label={labels.discharge_date}
            name="discharge_date"
            type="date"
            min={admission.admission_date}
            value={date}
            onValueChange={setDate}
            error={errors.fields.discharge_date}
            required
          />
          <SelectField
            label={labels.destination}
            name="destination"
            value={destination}
            onValueChange={setDestination}
            options={shelterValueOptions(t, 'destination', destinations)}
            placeholder={t('common.choose')}
            error={errors.fields.destination}
            required
          />
        </div>
        {mayWriteReason ? (
          <TextAreaField
            label={labels.reason}
            name="reason"
            value={reason}
            onValueChange={setReason}
            hint={t('shelters.discharge.reason_hint')}
            error={errors.fields.reason}
            rows={3}
          />
        ) : null}
        <FormActions
          pending={discharge.isPending}
          submitLabel={t('shelters.discharge.submit')}
          onCancel={() => onDone(null)}
        />
      </form>
    </Card>
  );
}
