import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, languages, type LanguageCode } from '@/i18n';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <span aria-hidden="true" className="language-icon">
        {/* A globe, drawn with CSS-free SVG attributes so the CSP needs no inline style. */}
        <svg
          viewBox="0 0 24 24"
          width="18"
          height="18"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        >
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
        </svg>
      </span>
      <select
        id={id}
        className="input input-compact"
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => changeLanguage(event.target.value as LanguageCode)}
      >
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {t(`language.${language.code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
