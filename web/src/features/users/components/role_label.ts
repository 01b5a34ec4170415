import type { TFunction } from 'i18next';

/** Role names are data from the server; known ones have a translation, new ones show as they are. */
export function roleLabel(t: TFunction, name: string): string {
  return t(`roles.${name}`, { defaultValue: name });
}
