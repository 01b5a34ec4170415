import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  CheckboxField,
  CheckboxGroup,
  SelectField,
  TextField,
  useFieldMessage,
} from '@/components/field';
import { useAllOffices } from '@/features/offices';
import { can } from '@/lib/permissions';
import { useCurrentUser } from '@/lib/session';
import { hasLocation, type Shelter, type ShelterContact } from '../api/get_shelters';
import { useSaveShelter, type ShelterInput } from '../api/save_shelter';
import { shelterFieldLabel } from './field_labels';
import { TextAreaField } from '@/components/text_area_field';
import { FormProblems, useFormErrors } from './forms';
import {
  accessibilityFlags,
  operatorTypes,
  populations,
  shelterServices,
  shelterStatuses,
  shelterValueLabel,
  shelterValueOptions,
} from './vocab';

interface ContactDraft {
  key: number;
  name: string;
  role: string;
  phone: string;
  email: string;
}

const requiredText = (max: number) =>
  z.string().trim().min(1, 'validation.required').max(max, 'validation.too_long');

const beds = z
  .string()
  .trim()
  .regex(/^\d{1,6}$/, 'validation.beds')
  .transform(Number)
  .refine((value) => value <= 100_000, 'validation.beds');

function coordinate(limit: number, message: string) {
  return z
    .string()
    .trim()
    .refine((value) => {
      if (value === '') return true;
      const number = Number(value);
      return Number.isFinite(number) && Math.abs(number) <= limit;
    }, message);
}

const formSchema = z
  .object({
    name: requiredText(200),
    operator_type: z.enum(operatorTypes, { error: 'validation.required' }),
    operating_organisation: requiredText(200),
    status: z.enum(shelterStatuses, { error: 'validation.required' }),
    capacity: z
      .record(z.string(), beds)
      .refine((value) => Object.keys(value).length > 0, 'validation.populations'),
    accessibility_notes: z.string().max(2000, 'validation.too_long'),
    address: z.string().max(1000, 'validation.too_long'),
    latitude: coordinate(90, 'validation.latitude'),
    longitude: coordinate(180, 'validation.longitude'),
    contacts: z.array(
      z.object({
        name: requiredText(200),
        role: z.string().max(200, 'validation.too_long'),
        phone: z.string().max(200, 'validation.too_long'),
        email: z.string().max(200, 'validation.too_long'),
      }),
    ),
  })
  .superRefine((value, context) => {
    const lat = value.latitude.trim();
    const lng = value.longitude.trim();
    if (lat && !lng) {
      context.addIssue({ code: 'custom', path: ['longitude'], message: 'validation.coordinates' });
    }
    if (lng && !lat) {
      context.addIssue({ code: 'custom', path: ['latitude'], message: 'validation.coordinates' });
    }
  });

let nextContactKey = 1;
function contactDraft(contact?: ShelterContact): ContactDraft {
  return {
    key: nextContactKey++,
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
  };
}

interface ShelterFormProps {
  /** The shelter being edited; none to register a new one. */
  shelter?: Shelter;
  onSaved: (saved: Shelter) => void;
  onCancel: () => void;
  onReload?: () => void;
  reloading?: boolean;
}

/**
 * Registering or editing a shelter. The whereabouts (address, coordinates, contacts) are shown and sent only
 * to holders of `view_shelter_location`, and on an edit only when the server sent them: for anyone else the
 * server leaves them out of its answer and refuses them in a request.
 */
export function ShelterForm({ shelter, onSaved, onCancel, onReload, reloading }: ShelterFormProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const save = useSaveShelter(shelter?.id);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const fieldMessage = useFieldMessage();
  const offices = useAllOffices(!shelter && can(me, 'read:office'));
  const locationAllowed =
    can(me, 'view_shelter_location') && (shelter ? hasLocation(shelter) : true);

  const [name, setName] = useState(shelter?.name ?? '');
  const [operatorType, setOperatorType] = useState(shelter?.operator_type ?? '');
  const [organisation, setOrganisation] = useState(shelter?.operating_organisation ?? '');
  const [status, setStatus] = useState(shelter?.status ?? 'open');
  const [officeId, setOfficeId] = useState(me.office_id ?? '');
  const [served, setServed] = useState<string[]>(Object.keys(shelter?.capacity ?? {}));
  const [capacity, setCapacity] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(shelter?.capacity ?? {}).map(([key, value]) => [key, String(value)]),
    ),
  );
  const [services, setServices] = useState<string[]>(shelter?.services ?? []);
  const [access, setAccess] = useState<string[]>(
    accessibilityFlags.filter((flag) => shelter?.accessibility?.[flag]),
  );
  const [accessNotes, setAccessNotes] = useState(shelter?.accessibility?.notes ?? '');
  const [address, setAddress] = useState(shelter?.address ?? '');
  const [latitude, setLatitude] = useState(
    shelter?.latitude === null || shelter?.latitude === undefined ? '' : String(shelter.latitude),
  );
  const [longitude, setLongitude] = useState(
    shelter?.longitude === null || shelter?.longitude === undefined
      ? ''
      : String(shelter.longitude),
  );
  const [contacts, setContacts] = useState<ContactDraft[]>(() =>
    (shelter?.contacts ?? []).map((contact) => contactDraft(contact)),
  );

  const officeOptions = (offices.data ?? []).map((office) => ({
    value: office.id,
    label: `${office.name} (${office.code})`,
  }));

  function updateContact(key: number, change: Partial<ContactDraft>) {
    setContacts((list) =>
      list.map((contact) => (contact.key === key ? { ...contact, ...change } : contact)),
    );
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const filled = contacts.filter(
      (contact) => contact.name.trim() || contact.role || contact.phone || contact.email,
    );
    const checked = errors.check(formSchema, {
      name,
      operator_type: operatorType,
      operating_organisation: organisation,
      status,
      capacity: Object.fromEntries(
        served.map((population) => [population, capacity[population] ?? '']),
      ),
      accessibility_notes: accessNotes,
      address: locationAllowed ? address : '',
      latitude: locationAllowed ? latitude : '',
      longitude: locationAllowed ? longitude : '',
      contacts: locationAllowed ? filled : [],
    });
    if (!checked) return;
    const input: ShelterInput = {
      name: checked.name,
      operator_type: checked.operator_type,
      operating_organisation: checked.operating_organisation,
      status: checked.status,
      capacity: checked.capacity,
      services,
      accessibility: {
        ...Object.fromEntries(accessibilityFlags.map((flag) => [flag, access.includes(flag)])),
        notes: checked.accessibility_notes.trim() || null,
      },
    };
    if (!shelter && officeId) input.office_id = officeId;
    if (locationAllowed) {
      const lat = checked.latitude.trim();
      const lng = checked.longitude.trim();
      input.address = checked.address.trim() || (shelter ? null : undefined);
      input.latitude = lat ? Number(lat) : shelter ? null : undefined;
      input.longitude = lng ? Number(lng) : shelter ? null : undefined;
      input.contacts = checked.contacts.map((contact) => ({
        name: contact.name,
        ...(contact.role.trim() ? { role: contact.role.trim() } : {}),
        ...(contact.phone.trim() ? { phone: contact.phone.trim() } : {}),
        ...(contact.email.trim() ? { email: contact.email.trim() } : {}),
      }));
    }
    save.mutate(
      { input, version: shelter?.version },
      { onSuccess: onSaved, onError: errors.onServerError },
    );
  }

  const labelOf = (key: string) => shelterFieldLabel(t, key);

  return (
    <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormProblems
        formRef={formRef}
        error={save.error}
        fields={errors.fields}
        labelOf={labelOf}
        onReload={onReload}
        reloading={reloading}
        version={shelter?.version}
      />
      <fieldset className="form-section">
        <legend>{t('shelters.form.identity')}</legend>
        <TextField
          label={labelOf('name')}
          name="name"
          value={name}
          onValueChange={setName}
          error={errors.fields.name}
          hint={t('shelters.form.name_hint')}
          autoComplete="off"
          dir="auto"
          required
        />
        <div className="form-grid">
          <SelectField
            label={labelOf('operator_type')}
            name="operator_type"
            value={operatorType}
            onValueChange={setOperatorType}
            options={shelterValueOptions(t, 'operatorType', operatorTypes)}
            placeholder={t('common.choose')}
            error={errors.fields.operator_type}
            required
          />
          <TextField
            label={labelOf('operating_organisation')}
            name="operating_organisation"
            value={organisation}
            onValueChange={setOrganisation}
            error={errors.fields.operating_organisation}
            autoComplete="off"
            dir="auto"
            required
          />
          <SelectField
            label={labelOf('status')}
            name="status"
            value={status}
            onValueChange={setStatus}
            options={shelterValueOptions(t, 'status', shelterStatuses)}
            error={errors.fields.status}
            required
          />
          {!shelter && officeOptions.length > 1 ? (
            <SelectField
              label={labelOf('office_id')}
              name="office_id"
              value={officeId}
              onValueChange={setOfficeId}
              options={officeOptions}
              error={errors.fields.office_id}
              required
            />
          ) : null}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{labelOf('capacity')}</legend>
        <p className="field-hint">{t('shelters.form.populations_hint')}</p>
        {errors.fields.capacity ? (
          <p className="field-error">{fieldMessage(errors.fields.capacity)}</p>
        ) : null}
        <div className="population-grid">
          {populations.map((population, index) => {
            const checked = served.includes(population);
            return (
              <div key={population} className="population-row">
                <CheckboxField
                  label={shelterValueLabel(t, 'population', population)}
                  // An error about `capacity` as a whole (no population chosen) focuses the first box.
                  name={index === 0 ? 'capacity' : `serves.${population}`}
                  checked={checked}
                  onCheckedChange={(on) =>
                    setServed((list) =>
                      on ? [...list, population] : list.filter((item) => item !== population),
                    )
                  }
                />
                {checked ? (
                  <TextField
                    label={labelOf(`capacity.${population}`)}
                    name={`capacity.${population}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={100000}
                    step={1}
                    value={capacity[population] ?? ''}
                    onValueChange={(value) =>
                      setCapacity((current) => ({ ...current, [population]: value }))
                    }
                    error={errors.fields[`capacity.${population}`]}
                    required
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t('shelters.form.services_and_access')}</legend>
        <CheckboxGroup
          legend={labelOf('services')}
          name="services"
          options={shelterValueOptions(t, 'service', shelterServices)}
          value={services}
          onValueChange={setServices}
          error={errors.fields.services}
        />
        <CheckboxGroup
          legend={labelOf('accessibility')}
          name="accessibility"
          options={shelterValueOptions(t, 'accessibility', accessibilityFlags)}
          value={access}
          onValueChange={setAccess}
          error={errors.fields.accessibility}
        />
        <TextAreaField
          label={labelOf('accessibility.notes')}
          name="accessibility.notes"
          value={accessNotes}
          onValueChange={setAccessNotes}
          error={errors.fields['accessibility.notes']}
          rows={2}
        />
      </fieldset>

      {locationAllowed ? (
        <fieldset className="form-section location-section">
          <legend>{t('shelters.form.location')}</legend>
          <p className="field-hint">{t('shelters.form.location_hint')}</p>
          <TextAreaField
            label={labelOf('address')}
            name="address"
            value={address}
            onValueChange={setAddress}
            error={errors.fields.address}
            rows={3}
            autoComplete="off"
          />
          <div className="form-grid">
            <TextField
              label={labelOf('latitude')}
              name="latitude"
              inputMode="decimal"
              value={latitude}
              onValueChange={setLatitude}
              error={errors.fields.latitude}
              hint={t('shelters.form.latitude_hint')}
              autoComplete="off"
              dir="ltr"
            />
            <TextField
              label={labelOf('longitude')}
              name="longitude"
              inputMode="decimal"
              value={longitude}
              onValueChange={setLongitude}
              error={errors.fields.longitude}
              hint={t('shelters.form.longitude_hint')}
              autoComplete="off"
              dir="ltr"
            />
          </div>
          <h3 className="section-title">{labelOf('contacts')}</h3>
          {contacts.length === 0 ? <p className="muted">{t('shelters.contact.none')}</p> : null}
          {contacts.map((contact, index) => (
            <fieldset key={contact.key} className="event-group">
              <legend>{t('shelters.contact.title', { n: index + 1 })}</legend>
              <div className="form-grid">
                <TextField
                  label={t('shelters.contact.name')}
                  name={`contacts[${index}].name`}
                  value={contact.name}
                  onValueChange={(value) => updateContact(contact.key, { name: value })}
                  error={errors.fields[`contacts[${index}].name`]}
                  autoComplete="off"
                  dir="auto"
                  required
                />
                <TextField
                  label={t('shelters.contact.role')}
                  name={`contacts[${index}].role`}
                  value={contact.role}
                  onValueChange={(value) => updateContact(contact.key, { role: value })}
                  error={errors.fields[`contacts[${index}].role`]}
                  autoComplete="off"
                  dir="auto"
                />
                <TextField
                  label={t('shelters.contact.phone')}
                  name={`contacts[${index}].phone`}
                  type="tel"
                  value={contact.phone}
                  onValueChange={(value) => updateContact(contact.key, { phone: value })}
                  error={errors.fields[`contacts[${index}].phone`]}
                  autoComplete="off"
                  dir="ltr"
                />
                <TextField
                  label={t('shelters.contact.email')}
                  name={`contacts[${index}].email`}
                  type="email"
                  value={contact.email}
                  onValueChange={(value) => updateContact(contact.key, { email: value })}
                  error={errors.fields[`contacts[${index}].email`]}
                  autoComplete="off"
                  dir="ltr"
                />
              </div>
              <div>
                <button
                  type="button"
                  className="btn btn-secondary"
                  onClick={() =>
                    setContacts((list) => list.filter((item) => item.key !== contact.key))
                  }
                >
                  {t('shelters.contact.remove', { n: index + 1 })}
                </button>
              </div>
            </fieldset>
          ))}
          {contacts.length < 20 ? (
            <div>
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => setContacts((list) => [...list, contactDraft()])}
              >
                {t('shelters.contact.add')}
              </button>
            </div>
          ) : null}
        </fieldset>
      ) : (
        <p className="muted location-hidden">{t('shelters.location_hidden')}</p>
      )}

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending
            ? t('common.saving')
            : shelter
              ? t('common.save')
              : t('shelters.form.submit_create')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
