/**
 * i18next set-up: every user-visible string comes from en.json, fr.json or ar.json. The chosen language is kept
 * in localStorage and drives <html lang> and <html dir>, so right-to-left languages mirror the whole layout.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

export const languages = [
  { code: 'en', dir: 'ltr' },
  { code: 'fr', dir: 'ltr' },
  { code: 'ar', dir: 'rtl' },
] as const;

export type LanguageCode = (typeof languages)[number]['code'];

const STORAGE_KEY = 'homeward.language';

function isLanguage(value: string | null | undefined): value is LanguageCode {
  return languages.some((language) => language.code === value);
}

function initialLanguage(): LanguageCode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage disabled: fall through to the browser's preference.
  }
  for (const preferred of navigator.languages) {
    const base = preferred.split('-')[0]?.toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function applyToDocument(code: string): void {
  const language = languages.find((candidate) => candidate.code === code) ?? languages[0];
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}

export function changeLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not persisted; still switch for this visit.
  }
  void i18n.changeLanguage(code);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr }, ar: { translation: ar } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: languages.map((language) => language.code),
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});

applyToDocument(i18n.language);
i18n.on('languageChanged', applyToDocument);

export default i18n;
