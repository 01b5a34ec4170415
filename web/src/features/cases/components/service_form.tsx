import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/field';
import { FormActions } from '@/components/form_actions';
import { Card } from '@/components/page';
import { serviceStatuses, serviceTypes, type AssistanceService } from '../api/get_services';
import { serviceInputSchema, useSaveService, type ServiceInput } from '../api/save_service';
import { changedFields } from './case_draft';
import { FormProblems, useFormErrors } from './form_errors';
import { parseCost, useCurrencyOptions } from './money';
import { valueOptions } from './value_labels';

interface ServiceDraft {
  type: string;
  provider: string;
  start_date: string;
  end_date: string;
  status: string;
  cost: string;
  currency: string;
  funding_source: string;
}

function draftFrom(service?: AssistanceService): ServiceDraft {
  return {
    type: service?.type ?? '',
    provider: service?.provider ?? '',
    start_date: service?.start_date ?? '',
    end_date: service?.end_date ?? '',
    status: service?.status ?? 'planned',
    cost: service?.cost === null || service?.cost === undefined ? '' : String(service.cost),
    currency: service?.currency ?? '',
    funding_source: service?.funding_source ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function payload(draft: ServiceDraft): ServiceInput {
  return {
    type: draft.type,
    provider: orNull(draft.provider),
    start_date: orNull(draft.start_date),
    end_date: orNull(draft.end_date),
    status: draft.status,
    cost: parseCost(draft.cost),
    currency: orNull(draft.currency),
    funding_source: orNull(draft.funding_source),
  };
}

interface ServiceFormProps {
  caseId: string;
  /** The service to edit; a new one when absent. */
  service?: AssistanceService;
  onDone: (saved: AssistanceService | null) => void;
  onReload: () => void;
  reloading: boolean;
}

/** Adds or edits a service: what, by whom, when, its status and what it cost and who paid. */
export function ServiceForm({ caseId, service, onDone, onReload, reloading }: ServiceFormProps) {
  const { t } = useTranslation();
  const save = useSaveService(caseId);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const currencies = useCurrencyOptions();
  const [draft, setDraft] = useState(() => draftFrom(service));
  const set = <K extends keyof ServiceDraft>(key: K, value: ServiceDraft[K]) =>
    setDraft({ ...draft, [key]: value });

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = errors.check(serviceInputSchema, payload(draft));
    if (!input) return;
    // An edit sends only what changed (null clears a field); a new service only what is filled in.
    const body = service
      ? changedFields(payload(draftFrom(service)), input)
      : Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
    if (service && Object.keys(body).length === 0) {
      onDone(null);
      return;
    }
    save.mutate(
      { id: service?.id, version: service?.version, input: body },
      { onSuccess: onDone, onError: errors.onServerError },
    );
  }

  const labels = {
    type: t('cases.services.type'),
    provider: t('cases.services.provider'),
    start_date: t('cases.services.start_date'),
    end_date: t('cases.services.end_date'),
    status: t('cases.services.status'),
    cost: t('cases.services.cost'),
    currency: t('cases.services.currency'),
    funding_source: t('cases.services.funding_source'),
  };

  return (
    <Card title={service ? t('cases.services.edit') : t('cases.services.add')}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormProblems
          formRef={formRef}
          error={save.error}
          fields={errors.fields}
          labels={labels}
          onReload={service ? onReload : undefined}
          reloading={reloading}
        />
        <div className="form-grid">
          <SelectField
            label={labels.type}
            name="type"
            value={draft.type}
            onValueChange={(value) => set('type', value)}
            options={valueOptions(t, 'serviceType', serviceTypes)}
            placeholder={t('common.choose')}
            error={errors.fields.type}
            required
          />
          <TextField
            label={labels.provider}
            name="provider"
            value={draft.provider}
            onValueChange={(value) => set('provider', value)}
            error={errors.fields.provider}
            autoComplete="off"
            dir="auto"
          />
          <SelectField
            label={labels.status}
            name="status"
            value={draft.status}
            onValueChange={(value) => set('status', value)}
            options={valueOptions(t, 'serviceStatus', serviceStatuses)}
            error={errors.fields.status}
            required
          />
          <TextField
            label={labels.start_date}
            name="start_date"
            type="date"
            value={draft.start_date}
            onValueChange={(value) => set('start_date', value)}
            error={errors.fields.start_date}
          />
          <TextField
            label={labels.end_date}
            name="end_date"
            type="date"
            value={draft.end_date}
            onValueChange={(value) => set('end_date', value)}
            error={errors.fields.end_date}
          />
          <TextField
            label={labels.cost}
            name="cost"
            inputMode="decimal"
            value={draft.cost}
            onValueChange={(value) => set('cost', value)}
            hint={t('cases.services.cost_hint')}
            error={errors.fields.cost}
            autoComplete="off"
            dir="ltr"
          />
          <SelectField
            label={labels.currency}
            name="currency"
            value={draft.currency}
            onValueChange={(value) => set('currency', value)}
            options={currencies.options}
            placeholder={currencies.isPending ? t('common.loading') : t('common.choose')}
            hint={t('cases.services.currency_hint')}
            error={errors.fields.currency}
          />
          <TextField
            label={labels.funding_source}
            name="funding_source"
            value={draft.funding_source}
            onValueChange={(value) => set('funding_source', value)}
            hint={t('cases.services.funding_source_hint')}
            error={errors.fields.funding_source}
            autoComplete="off"
            dir="auto"
          />
        </div>
        <FormActions
          pending={save.isPending}
          submitLabel={service ? t('common.save') : t('cases.services.submit_add')}
          onCancel={() => onDone(null)}
        />
      </form>
    </Card>
  );
}
