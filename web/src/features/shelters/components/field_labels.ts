import type { TFunction } from 'i18next';
import { shelterValueLabel } from './vocab';

/** Labels of single fields, by the server's name. Keys are literal so the i18n check can verify each one. */
const labelKeys: Record<string, string> = {
  name: 'shelters.field.name',
  operator_type: 'shelters.field.operator_type',
  operating_organisation: 'shelters.field.operating_organisation',
  status: 'shelters.field.status',
  office_id: 'shelters.field.office',
  capacity: 'shelters.field.populations',
  services: 'shelters.field.services',
  accessibility: 'shelters.field.accessibility',
  'accessibility.notes': 'shelters.field.accessibility_notes',
  address: 'shelters.field.address',
  latitude: 'shelters.field.latitude',
  longitude: 'shelters.field.longitude',
  contacts: 'shelters.field.contacts',
  version: 'shelters.field.version',
};

const contactKeys: Record<string, string> = {
  name: 'shelters.contact.name',
  role: 'shelters.contact.role',
  phone: 'shelters.contact.phone',
  email: 'shelters.contact.email',
};

/**
 * "Beds: Women" for `capacity.women`, "Contact 1: Phone" for `contacts[0].phone`, "Services 3" for
 * `services[2]`; an unknown name is shown as it is, so a message from the server is never lost for want of a
 * label.
 */
export function shelterFieldLabel(t: TFunction, key: string): string {
  const direct = labelKeys[key];
  if (direct) return t(direct);
  const capacity = /^capacity\.(\w+)$/.exec(key);
  if (capacity) {
    return t('shelters.field.beds_for', {
      population: shelterValueLabel(t, 'population', capacity[1]),
    });
  }
  const accessibility = /^accessibility\.(\w+)$/.exec(key);
  if (accessibility) return shelterValueLabel(t, 'accessibility', accessibility[1]);
  const service = /^services\[(\d+)\]$/.exec(key);
  if (service) return t('shelters.field.service_n', { n: Number(service[1]) + 1 });
  const contact = /^contacts\[(\d+)\](?:\.(\w+))?$/.exec(key);
  if (contact) {
    const n = Number(contact[1]) + 1;
    const part = contact[2] ? contactKeys[contact[2]] : undefined;
    return part
      ? t('shelters.contact.field_of', { n, field: t(part) })
      : t('shelters.contact.title', { n });
  }
  return key;
}
