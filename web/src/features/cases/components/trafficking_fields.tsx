import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '@/components/field';
import type { FieldErrors } from '@/lib/api';
import {
  emptyEventDraft,
  FORCED_LABOUR,
  SEXUAL_EXPLOITATION,
  type EventDraft,
  type TraffickingDraft,
} from './case_draft';
import { useCountryOptions } from './countries';
import { VocabularyCheckboxes, VocabularySelect } from './vocabulary';

interface TraffickingFieldsProps {
  draft: TraffickingDraft;
  onChange: (draft: TraffickingDraft) => void;
  fields: FieldErrors;
  /** The new-case wizard leaves the status to its decision step, which records why. */
  showStatus?: boolean;
}

/** Trafficking status, how the person was exploited and controlled, and the events of their journey. */
export function TraffickingFields({
  draft,
  onChange,
  fields,
  showStatus = true,
}: TraffickingFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof TraffickingDraft>(key: K, value: TraffickingDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const types = draft.vic_TypeOfExploitation;

  return (
    <>
      <fieldset className="form-section">
        <legend>{t('cases.section.trafficking')}</legend>
        <div className="form-grid">
          {showStatus ? (
            <VocabularySelect
              vocabulary="vic_TraffickingStatus"
              label={t('cases.field.trafficking_status')}
              name="vic_TraffickingStatus"
              value={draft.vic_TraffickingStatus}
              onValueChange={(value) => set('vic_TraffickingStatus', value)}
              error={fields.vic_TraffickingStatus}
              hint={t('cases.field.trafficking_status_hint')}
            />
          ) : null}
          <VocabularySelect
            vocabulary="vic_RelationshipToTrafficker"
            label={t('cases.field.relationship')}
            name="vic_RelationshipToTrafficker"
            value={draft.vic_RelationshipToTrafficker}
            onValueChange={(value) => set('vic_RelationshipToTrafficker', value)}
            error={fields.vic_RelationshipToTrafficker}
          />
        </div>
        <VocabularyCheckboxes
          vocabulary="vic_TypeOfExploitation"
          legend={t('cases.field.exploitation')}
          name="vic_TypeOfExploitation"
          value={types}
          onValueChange={(value) => set('vic_TypeOfExploitation', value)}
          error={fields.vic_TypeOfExploitation}
        />
        {types.includes(FORCED_LABOUR) ? (
          <VocabularySelect
            vocabulary="vic_ForcedLabourIndustry"
            label={t('cases.field.labour_sector')}
            name="vic_ForcedLabourIndustry"
            value={draft.vic_ForcedLabourIndustry}
            onValueChange={(value) => set('vic_ForcedLabourIndustry', value)}
            error={fields.vic_ForcedLabourIndustry}
            hint={t('cases.field.labour_sector_hint')}
          />
        ) : null}
        {types.includes(SEXUAL_EXPLOITATION) ? (
          <VocabularyCheckboxes
            vocabulary="vic_TypeOfSexExploitation"
            legend={t('cases.field.sex_exploitation')}
            name="vic_TypeOfSexExploitation"
            value={draft.vic_TypeOfSexExploitation}
            onValueChange={(value) => set('vic_TypeOfSexExploitation', value)}
            error={fields.vic_TypeOfSexExploitation}
          />
        ) : null}
        <VocabularyCheckboxes
          vocabulary="vic_MethodsOfControl"
          legend={t('cases.field.methods_of_control')}
          name="vic_MethodsOfControl"
          value={draft.vic_MethodsOfControl}
          onValueChange={(value) => set('vic_MethodsOfControl', value)}
          error={fields.vic_MethodsOfControl}
        />
        <VocabularyCheckboxes
          vocabulary="vic_MethodOfRecruitment"
          legend={t('cases.field.method_of_recruitment')}
          name="vic_MethodOfRecruitment"
          value={draft.vic_MethodOfRecruitment}
          onValueChange={(value) => set('vic_MethodOfRecruitment', value)}
          error={fields.vic_MethodOfRecruitment}
        />
        <VocabularyCheckboxes
          vocabulary="vic_Vulnerabilities"
          legend={t('cases.field.vulnerabilities')}
          name="vic_Vulnerabilities"
          value={draft.vic_Vulnerabilities}
          onValueChange={(value) => set('vic_Vulnerabilities', value)}
          error={fields.vic_Vulnerabilities}
        />
      </fieldset>
      <EventsEditor
        events={draft.events}
        onChange={(events) => set('events', events)}
        fields={fields}
      />
    </>
  );
}

interface EventsEditorProps {
  events: EventDraft[];
  onChange: (events: EventDraft[]) => void;
  fields: FieldErrors;
}

/** Recruitment, transit and exploitation events, each in its own group, added and removed with buttons. */
export function EventsEditor({ events, onChange, fields }: EventsEditorProps) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const groupRef = useRef<HTMLFieldSetElement>(null);
  // After "Add an event" or "Remove event", focus goes where the user continues: the new event's first field,
  // or the add button, instead of being lost with a removed button.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const name = pendingFocus.current;
    if (!name) return;
    pendingFocus.current = null;
    groupRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`)?.focus();
  });
  const update = (index: number, patch: Partial<EventDraft>) =>
    onChange(events.map((event, i) => (i === index ? { ...event, ...patch } : event)));

  return (
    <fieldset ref={groupRef} className="form-section">
      <legend>{t('cases.field.events')}</legend>
      <p className="field-hint">{t('cases.field.events_hint')}</p>
      {fields.events ? <p className="field-error">{fields.events}</p> : null}
      {events.length === 0 ? <p className="muted">{t('cases.events_none')}</p> : null}
      {events.map((event, index) => {
        const n = index + 1;
        const key = (name: string) => `events[${index}].${name}`;
        return (
          <fieldset key={event.key} className="event-group">
            <legend>{t('cases.wizard.event_n', { n })}</legend>
            {fields[`events[${index}]`] ? (
              <p className="field-error">{fields[`events[${index}]`]}</p>
            ) : null}
            <div className="form-grid">
              <VocabularySelect
                vocabulary="hte_Type"
                label={t('cases.field.event_type')}
                name={key('hte_Type')}
                value={event.hte_Type}
                onValueChange={(value) => update(index, { hte_Type: value })}
                error={fields[key('hte_Type')]}
                required
              />
              <SelectField
                label={t('cases.field.event_country')}
                name={key('hte_Country')}
                value={event.hte_Country}
                onValueChange={(value) => update(index, { hte_Country: value })}
                options={countries}
                placeholder={t('common.choose')}
                error={fields[key('hte_Country')]}
              />
              <TextField
                label={t('cases.field.event_city')}
                name={key('hte_City')}
                value={event.hte_City}
                onValueChange={(value) => update(index, { hte_City: value })}
                error={fields[key('hte_City')]}
                autoComplete="off"
                dir="auto"
              />
              <TextField
                label={t('cases.field.event_start')}
                name={key('hte_StartDate')}
                type="date"
                value={event.hte_StartDate}
                onValueChange={(value) => update(index, { hte_StartDate: value })}
                error={fields[key('hte_StartDate')]}
              />
              <TextField
                label={t('cases.field.event_end')}
                name={key('hte_EndDate')}
                type="date"
                value={event.hte_EndDate}
                onValueChange={(value) => update(index, { hte_EndDate: value })}
                error={fields[key('hte_EndDate')]}
              />
            </div>
            <div className="form-actions">
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  pendingFocus.current = 'add-event';
                  onChange(events.filter((_, i) => i !== index));
                }}
              >
                {t('cases.wizard.remove_event', { n })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="form-actions">
        <button
          type="button"
          name="add-event"
          className="btn btn-secondary"
          onClick={() => {
            pendingFocus.current = `events[${events.length}].hte_Type`;
            onChange([...events, emptyEventDraft()]);
          }}
        >
          {t('cases.wizard.add_event')}
        </button>
      </div>
    </fieldset>
  );
}
