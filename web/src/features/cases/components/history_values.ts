import { useTranslation } from 'react-i18next';
import { countryName, formatDate, languageName } from '@/lib/format';
import type { VocabularyName } from '../api/get_vocabulary';
import { useVocabularyOptions } from './vocabulary';

/** The value set behind a field, by HTCDS name; fields not listed hold free text, dates or numbers. */
const vocabularyOf: Partial<Record<string, VocabularyName>> = {
  cas_Status: 'cas_Status',
  cas_ReferringOrganisationType: 'org_Type',
  prs_Gender: 'prs_Gender',
  prs_MaritalStatus: 'prs_MaritalStatus',
  prs_HighestLevelOfEducation: 'prs_HighestLevelOfEducation',
  vic_TraffickingStatus: 'vic_TraffickingStatus',
  vic_TypeOfExploitation: 'vic_TypeOfExploitation',
  vic_ForcedLabourIndustry: 'vic_ForcedLabourIndustry',
  vic_TypeOfSexExploitation: 'vic_TypeOfSexExploitation',
  vic_MethodsOfControl: 'vic_MethodsOfControl',
  vic_MethodOfRecruitment: 'vic_MethodOfRecruitment',
  vic_RelationshipToTrafficker: 'vic_RelationshipToTrafficker',
  vic_Vulnerabilities: 'vic_Vulnerabilities',
  hte_Type: 'hte_Type',
};

const countryFields = new Set(['prs_Citizenship', 'prs_MailingCountry', 'hte_Country']);
const languageFields = new Set(['prs_PrimaryLanguage', 'prs_SecondaryLanguage']);

/** The HTCDS name of a history field: `person.prs_Gender` → `prs_Gender`, `events[0].hte_Type` → `hte_Type`. */
function baseName(field: string): string {
  return field.replace(/^person\./, '').replace(/^events\[\d+\]\./, '');
}

/**
 * Turns a value from the history into text: value names into their HTCDS labels, country and language codes
 * into names, dates into the UI's format, lists joined. Unknown shapes fall back to their JSON.
 */
export function useHistoryValueFormatter() {
  const { t, i18n } = useTranslation();
  const sets: Partial<Record<VocabularyName, ReturnType<typeof useVocabularyOptions>>> = {
    cas_Status: useVocabularyOptions('cas_Status'),
    org_Type: useVocabularyOptions('org_Type'),
    prs_Gender: useVocabularyOptions('prs_Gender'),
    prs_MaritalStatus: useVocabularyOptions('prs_MaritalStatus'),
    prs_HighestLevelOfEducation: useVocabularyOptions('prs_HighestLevelOfEducation'),
    vic_TraffickingStatus: useVocabularyOptions('vic_TraffickingStatus'),
    vic_TypeOfExploitation: useVocabularyOptions('vic_TypeOfExploitation'),
    vic_ForcedLabourIndustry: useVocabularyOptions('vic_ForcedLabourIndustry'),
    vic_TypeOfSexExploitation: useVocabularyOptions('vic_TypeOfSexExploitation'),
    vic_MethodsOfControl: useVocabularyOptions('vic_MethodsOfControl'),
    vic_MethodOfRecruitment: useVocabularyOptions('vic_MethodOfRecruitment'),
    vic_RelationshipToTrafficker: useVocabularyOptions('vic_RelationshipToTrafficker'),
    vic_Vulnerabilities: useVocabularyOptions('vic_Vulnerabilities'),
    hte_Type: useVocabularyOptions('hte_Type'),
  };
  const separator = t('cases.list_separator');

  function one(name: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return '';
    if (Array.isArray(value)) {
      return value
        .map((item) => one(name, item))
        .filter(Boolean)
        .join(separator);
    }
    if (typeof value === 'object') {
      // An event or another nested record: its fields in order, each formatted by its own name.
      return Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== 'id')
        .map(([key, item]) => one(key, item))
        .filter(Boolean)
        .join(' · ');
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const vocabulary = vocabularyOf[name];
    const set = vocabulary ? sets[vocabulary] : undefined;
    if (set) return set.label(text);
    if (countryFields.has(name)) return countryName(text, i18n.language);
    if (languageFields.has(name)) return languageName(text, i18n.language);
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, i18n.language);
    return text;
  }

  return (field: string, value: unknown): string => one(baseName(field), value);
}
