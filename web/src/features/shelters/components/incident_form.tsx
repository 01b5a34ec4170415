import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { SelectField, TextField } from '@/components/field';
import { FormActions } from '@/components/form_actions';
import { Card } from '@/components/page';
import { useSaveIncident, type Incident, type IncidentInput } from '../api/incidents';
import { localDateTimeToIso, nowLocalDateTime } from './dates';
import { TextAreaField } from '@/components/text_area_field';
import { FormProblems, useFormErrors, type InPlaceFormProps } from './forms';
import { incidentKinds, incidentSeverities, incidentStatuses, shelterValueOptions } from './vocab';

const newSchema = z.object({
  kind: z.enum(incidentKinds, { error: 'validation.required' }),
  severity: z.enum(incidentSeverities, { error: 'validation.required' }),
  occurred_at: z.string().min(1, 'validation.date'),
  description: z.string().trim().min(1, 'validation.required').max(20000, 'validation.too_long'),
  follow_up: z.string().max(20000, 'validation.too_long'),
  status: z.enum(incidentStatuses),
});

const followUpSchema = z.object({
  follow_up: z.string().max(20000, 'validation.too_long'),
  status: z.enum(incidentStatuses),
  severity: z.enum(incidentSeverities),
});

interface IncidentFormProps extends InPlaceFormProps<Incident> {
  shelterId: string;
  /** The incident to follow up; none to record a new one. */
  incident?: Incident;
  /** May read and write the texts (view_pii and read:resident): the shelter's own staff. */
  mayWriteTexts: boolean;
}

/** Recording an incident, or following one up (the follow-up note, the severity, closing it). */
export function IncidentForm({
  shelterId,
  incident,
  mayWriteTexts,
  onDone,
  onReload,
  reloading,
}: IncidentFormProps) {
  const { t } = useTranslation();
  const save = useSaveIncident(shelterId);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [kind, setKind] = useState(incident?.kind ?? '');
  const [severity, setSeverity] = useState(incident?.severity ?? '');
  const [occurredAt, setOccurredAt] = useState(nowLocalDateTime());
  const [description, setDescription] = useState('');
  const [followUp, setFollowUp] = useState(incident?.follow_up ?? '');
  const [status, setStatus] = useState(incident?.status ?? 'open');

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (incident) {
      const checked = errors.check(followUpSchema, { follow_up: followUp, status, severity });
      if (!checked) return;
      const input: IncidentInput = { status: checked.status, severity: checked.severity };
      if (mayWriteTexts) {
        const note = checked.follow_up.trim();
        if (note !== (incident.follow_up ?? '')) input.follow_up = note || null;
      }
      save.mutate(
        { id: incident.id, version: incident.version, input },
        { onSuccess: onDone, onError: errors.onServerError },
      );
      return;
    }
    const checked = errors.check(newSchema, {
      kind,
      severity,
      occurred_at: localDateTimeToIso(occurredAt),
      description,
      follow_up: followUp,
      status,
    });
    if (!checked) return;
    save.mutate(
      {
        input: {
          kind: checked.kind,
          severity: checked.severity,
          occurred_at: checked.occurred_at,
          description: checked.description.trim(),
          ...(checked.follow_up.trim() ? { follow_up: checked.follow_up.trim() } : {}),
          status: checked.status,
        },
      },
      { onSuccess: onDone, onError: errors.onServerError },
    );
  }

  const labels: Record<string, string> = {
    kind: t('shelters.incidents.kind'),
    severity: t('shelters.incidents.severity'),
    occurred_at: t('shelters.incidents.occurred_at'),
    description: t('shelters.incidents.description'),
    follow_up: t('shelters.incidents.follow_up'),
    status: t('shelters.incidents.status'),
  };

  return (
    <Card title={incident ? t('shelters.incidents.follow_up_title') : t('shelters.incidents.add')}>
      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormProblems
          formRef={formRef}
          error={save.error}
          fields={errors.fields}
          labelOf={(key) => labels[key] ?? key}
          onReload={onReload}
          reloading={reloading}
          version={incident?.version}
        />
        <div className="form-grid">
          {incident ? null : (
            <SelectField
              label={labels.kind}
              name="kind"
              value={kind}
              onValueChange={setKind}
              options={shelterValueOptions(t, 'incidentKind', incidentKinds)}
              placeholder={t('common.choose')}
              error={errors.fields.kind}
              required
            />
          )}
          <SelectField
            label={labels.severity}
            name="severity"
            value={severity}
            onValueChange={setSeverity}
            options={shelterValueOptions(t, 'severity', incidentSeverities)}
            placeholder={t('common.choose')}
            error={errors.fields.severity}
            required
          />
          {incident ? null : (
            <TextField
              label={labels.occurred_at}
              name="occurred_at"
              type="datetime-local"
              value={occurredAt}
              onValueChange={setOccurredAt}
              error={errors.fields.occurred_at}
              required
            />
          )}
          <SelectField
            label={labels.status}
            name="status"
            value={status}
            onValueChange={setStatus}
            options={shelterValueOptions(t, 'incidentStatus', incidentStatuses)}
            error={errors.fields.status}
            required
          />
        </div>
        {incident ? null : (
          <TextAreaField
            label={labels.description}
            name="description"
            value={description}
            onValueChange={setDescription}
            hint={t('shelters.incidents.description_hint')}
            error={errors.fields.description}
            required
          />
        )}
        {mayWriteTexts ? (
          <TextAreaField
            label={labels.follow_up}
            name="follow_up"
            value={followUp}
            onValueChange={setFollowUp}
            error={errors.fields.follow_up}
            rows={3}
          />
        ) : null}
        <FormActions
          pending={save.isPending}
          submitLabel={incident ? t('common.save') : t('shelters.incidents.submit')}
          onCancel={() => onDone(null)}
        />
      </form>
    </Card>
  );
}
