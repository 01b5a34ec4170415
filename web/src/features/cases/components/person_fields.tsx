import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup, SelectField, TextField } from '@/components/field';
import type { FieldErrors } from '@/lib/api';
import { languageName } from '@/lib/format';
import { today } from '../api/create_case';
import { useVocabulary } from '../api/get_vocabulary';
import { ageKnownChoices, type AgeKnown, type PersonDraft, type ReferralDraft } from './case_draft';
import { CountryListField } from './countries';
import { VocabularySelect } from './vocabulary';

interface ReferralFieldsProps {
  draft: ReferralDraft;
  onChange: (draft: ReferralDraft) => void;
  fields: FieldErrors;
}

/** How the case came in: date, referring organisation and its HTCDS type. */
export function ReferralFields({ draft, onChange, fields }: ReferralFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof ReferralDraft>(key: K, value: ReferralDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <fieldset className="form-section">
      <legend>{t('cases.section.referral')}</legend>
      <div className="form-grid">
        <TextField
          label={t('cases.field.referral_date')}
          name="cas_IncomingReferralDate"
          type="date"
          max={today()}
          value={draft.cas_IncomingReferralDate}
          onValueChange={(value) => set('cas_IncomingReferralDate', value)}
          error={fields.cas_IncomingReferralDate}
        />
        <TextField
          label={t('cases.field.referring_org')}
          name="cas_ReferringOrganisation"
          value={draft.cas_ReferringOrganisation}
          onValueChange={(value) => set('cas_ReferringOrganisation', value)}
          error={fields.cas_ReferringOrganisation}
          hint={t('cases.field.referring_org_hint')}
          autoComplete="off"
          dir="auto"
        />
        <VocabularySelect
          vocabulary="org_Type"
          label={t('cases.field.referring_org_type')}
          name="cas_ReferringOrganisationType"
          value={draft.cas_ReferringOrganisationType}
          onValueChange={(value) => set('cas_ReferringOrganisationType', value)}
          error={fields.cas_ReferringOrganisationType}
        />
      </div>
    </fieldset>
  );
}

/** ISO 639 languages from the server, named in the UI language where the browser knows the name. */
function useLanguageOptions() {
  const { i18n } = useTranslation();
  const query = useVocabulary('iso_languages');
  const options = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return (query.data?.values ?? [])
      .map((item) => {
        const local = languageName(item.name, i18n.language);
        return { value: item.name, label: local && local !== item.name ? local : item.label };
      })
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [query.data, i18n.language]);
  return { options, isPending: query.isPending };
}

interface PersonFieldsProps {
  draft: PersonDraft;
  onChange: (draft: PersonDraft) => void;
  fields: FieldErrors;
  /** Without `view_pii` the personal fields are neither shown nor sent. */
  piiVisible: boolean;
}

/** The presumed victim: names (personal), age, and the fields HTCDS keeps in clear for statistics. */
export function PersonFields({ draft, onChange, fields, piiVisible }: PersonFieldsProps) {
  const { t } = useTranslation();
  const languages = useLanguageOptions();
  const set = <K extends keyof PersonDraft>(key: K, value: PersonDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const error = (key: string) => fields[`person.${key}`];
  const languagePlaceholder = languages.isPending ? t('common.loading') : t('common.choose');

  return (
    <>
      <fieldset className="form-section">
        <legend>{t('cases.section.person')}</legend>
        {piiVisible ? (
          <div className="form-grid">
            <TextField
              label={t('cases.field.given_name')}
              name="person.prs_FirstName"
              value={draft.prs_FirstName}
              onValueChange={(value) => set('prs_FirstName', value)}
              error={error('prs_FirstName')}
              autoComplete="off"
              dir="auto"
            />
            <TextField
              label={t('cases.field.family_name')}
              name="person.prs_SecondName"
              value={draft.prs_SecondName}
              onValueChange={(value) => set('prs_SecondName', value)}
              error={error('prs_SecondName')}
              autoComplete="off"
              dir="auto"
            />
            <TextField
              label={t('cases.field.aliases')}
              name="person.prs_Aliases"
              value={draft.prs_Aliases}
              onValueChange={(value) => set('prs_Aliases', value)}
              error={error('prs_Aliases')}
              hint={t('cases.field.aliases_hint')}
              autoComplete="off"
              dir="auto"
            />
          </div>
        ) : (
          <p className="muted">{t('cases.pii_not_editable')}</p>
        )}
        {piiVisible ? (
          <div className="form-grid">
            <RadioGroup
              legend={t('cases.field.age_known')}
              name="ageKnown"
              options={ageKnownChoices.map((choice) => ({
                value: choice,
                label: t(`cases.field.age_known_${choice}`),
              }))}
              value={draft.ageKnown}
              onValueChange={(value) => set('ageKnown', value as AgeKnown)}
            />
            {draft.ageKnown === 'date' ? (
              <TextField
                label={t('cases.field.birthdate')}
                name="person.prs_Birthdate"
                type="date"
                max={today()}
                value={draft.prs_Birthdate}
                onValueChange={(value) => set('prs_Birthdate', value)}
                error={error('prs_Birthdate')}
                autoComplete="off"
              />
            ) : null}
            {draft.ageKnown === 'year' ? (
              <TextField
                label={t('cases.field.birth_year')}
                name="person.prs_BirthYear"
                inputMode="numeric"
                value={draft.prs_BirthYear}
                onValueChange={(value) => set('prs_BirthYear', value)}
                error={error('prs_BirthYear')}
                autoComplete="off"
                dir="ltr"
              />
            ) : null}
            {draft.ageKnown === 'age' ? (
              <TextField
                label={t('cases.field.estimated_age')}
                name="person.prs_EstimatedAge"
                inputMode="numeric"
                value={draft.prs_EstimatedAge}
                onValueChange={(value) => set('prs_EstimatedAge', value)}
                error={error('prs_EstimatedAge')}
                hint={t('cases.field.estimated_age_hint')}
                autoComplete="off"
                dir="ltr"
              />
            ) : null}
          </div>
        ) : null}
        <div className="form-grid">
          <VocabularySelect
            vocabulary="prs_Gender"
            label={t('cases.field.gender')}
            name="person.prs_Gender"
            value={draft.prs_Gender}
            onValueChange={(value) => set('prs_Gender', value)}
            error={error('prs_Gender')}
          />
          <VocabularySelect
            vocabulary="prs_MaritalStatus"
            label={t('cases.field.marital_status')}
            name="person.prs_MaritalStatus"
            value={draft.prs_MaritalStatus}
            onValueChange={(value) => set('prs_MaritalStatus', value)}
            error={error('prs_MaritalStatus')}
          />
          <VocabularySelect
            vocabulary="prs_HighestLevelOfEducation"
            label={t('cases.field.education')}
            name="person.prs_HighestLevelOfEducation"
            value={draft.prs_HighestLevelOfEducation}
            onValueChange={(value) => set('prs_HighestLevelOfEducation', value)}
            error={error('prs_HighestLevelOfEducation')}
          />
        </div>
        <CountryListField
          legend={t('cases.field.citizenship')}
          addLabel={t('cases.field.citizenship_add')}
          name="person.prs_Citizenship"
          value={draft.prs_Citizenship}
          onValueChange={(value) => set('prs_Citizenship', value)}
          error={error('prs_Citizenship')}
          hint={t('cases.field.citizenship_hint')}
        />
        <div className="form-grid">
          <SelectField
            label={t('cases.field.primary_language')}
            name="person.prs_PrimaryLanguage"
            value={draft.prs_PrimaryLanguage}
            onValueChange={(value) => set('prs_PrimaryLanguage', value)}
            options={languages.options}
            placeholder={languagePlaceholder}
            error={error('prs_PrimaryLanguage')}
          />
          <SelectField
            label={t('cases.field.secondary_language')}
            name="person.prs_SecondaryLanguage"
            value={draft.prs_SecondaryLanguage}
            onValueChange={(value) => set('prs_SecondaryLanguage', value)}
            options={languages.options}
            placeholder={languagePlaceholder}
            error={error('prs_SecondaryLanguage')}
          />
        </div>
      </fieldset>
      {piiVisible ? (
        <fieldset className="form-section">
          <legend>{t('cases.section.contact')}</legend>
          <div className="form-grid">
            <TextField
              label={t('cases.field.mobile_phone')}
              name="person.prs_MobilePhone"
              type="tel"
              value={draft.prs_MobilePhone}
              onValueChange={(value) => set('prs_MobilePhone', value)}
              error={error('prs_MobilePhone')}
              hint={t('cases.field.mobile_phone_hint')}
              autoComplete="off"
              dir="ltr"
            />
          </div>
        </fieldset>
      ) : null}
    </>
  );
}
