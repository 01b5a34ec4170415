import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { RadioGroup, SelectField, TextField } from '@/components/field';
import { consentInputSchema, useCreateConsent } from '../api/create_consent';
import { today } from '../api/create_case';
import { consentForms, consentKinds, consentStates, type Consent } from '../api/get_consents';
import { FormProblems, useFormErrors } from './form_errors';
import { valueLabel, valueOptions } from './value_labels';

export interface ConsentPreset {
  kind: string;
  organisation?: string;
  state: string;
}

interface ConsentFormProps {
  caseId: string;
  /** Starts the form on a kind and state, e.g. to withdraw a consent in effect. */
  preset?: ConsentPreset;
  onRecorded?: (consent: Consent) => void;
  onCancel?: () => void;
}

/**
 * Records a consent given, declined or withdrawn: its kind (and for sharing, the organisation), the date it
 * was expressed, and its form. A verbal consent names a witness.
 */
export function ConsentForm({ caseId, preset, onRecorded, onCancel }: ConsentFormProps) {
  const { t } = useTranslation();
  const create = useCreateConsent(caseId);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [kind, setKind] = useState(preset?.kind ?? '');
  const [organisation, setOrganisation] = useState(preset?.organisation ?? '');
  const [state, setState] = useState(preset?.state ?? '');
  const [date, setDate] = useState(today);
  const [form, setForm] = useState('');
  const [witness, setWitness] = useState('');
  const [recorded, setRecorded] = useState<Consent | null>(null);

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = errors.check(consentInputSchema, {
      kind,
      state,
      date,
      form,
      ...(form === 'verbal' ? { witness: witness.trim() } : {}),
      ...(kind === 'sharing' ? { organisation: organisation.trim() } : {}),
    });
    if (!input) return;
    create.mutate(input, {
      onSuccess: (consent) => {
        setRecorded(consent);
        // Ready for the next kind: the date and form often stay the same within one conversation.
        setKind('');
        setOrganisation('');
        setState('');
        onRecorded?.(consent);
      },
      onError: errors.onServerError,
    });
  }

  const labels = {
    kind: t('cases.consent.kind'),
    organisation: t('cases.consent.organisation'),
    state: t('cases.consent.state'),
    date: t('cases.consent.date'),
    form: t('cases.consent.form'),
    witness: t('cases.consent.witness'),
  };

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      {recorded && !create.isError ? (
        <Alert
          tone="success"
          title={t('cases.consent.recorded', {
            kind: valueLabel(t, 'consentKind', recorded.kind),
            state: valueLabel(t, 'consentState', recorded.state),
          })}
        />
      ) : null}
      <FormProblems formRef={formRef} error={create.error} fields={errors.fields} labels={labels} />
      <div className="form-grid">
        <SelectField
          label={labels.kind}
          name="kind"
          value={kind}
          onValueChange={setKind}
          options={valueOptions(t, 'consentKind', consentKinds)}
          placeholder={t('common.choose')}
          error={errors.fields.kind}
          required
        />
        {kind === 'sharing' ? (
          <TextField
            label={labels.organisation}
            name="organisation"
            value={organisation}
            onValueChange={setOrganisation}
            hint={t('cases.consent.organisation_hint')}
            error={errors.fields.organisation}
            autoComplete="off"
            dir="auto"
            required
          />
        ) : null}
        <TextField
          label={labels.date}
          name="date"
          type="date"
          max={today()}
          value={date}
          onValueChange={setDate}
          error={errors.fields.date}
          required
        />
      </div>
      <RadioGroup
        legend={labels.state}
        name="state"
        options={valueOptions(t, 'consentState', consentStates)}
        value={state}
        onValueChange={setState}
        error={errors.fields.state}
      />
      <RadioGroup
        legend={labels.form}
        name="form"
        options={valueOptions(t, 'consentForm', consentForms)}
        value={form}
        onValueChange={setForm}
        error={errors.fields.form}
      />
      {form === 'verbal' ? (
        <TextField
          label={labels.witness}
          name="witness"
          value={witness}
          onValueChange={setWitness}
          hint={t('cases.consent.witness_hint')}
          error={errors.fields.witness}
          autoComplete="off"
          dir="auto"
          required
        />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('cases.consent.submit')}
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
