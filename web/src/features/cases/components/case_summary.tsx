import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/components/badge';
import { countryName, formatDate, languageName } from '@/lib/format';
import type { Person, TraffickingEvent } from '../api/get_case';
import { useCountryNames } from './countries';
import { useVocabularyList, useVocabularyOptions } from './vocabulary';

/**
 * What a read-only field shows: its value, "Not recorded", or "Hidden" for a personal field the server withheld
 * from a user without `view_pii` (absent from the answer, which is not the same as null).
 */
export function FieldValue({
  value,
  hidden = false,
  children,
}: {
  value: unknown;
  /** A personal field the user may not see: absent means withheld. */
  hidden?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (value === undefined && hidden) {
    return (
      <span className="hidden-value" title={t('cases.hidden_hint')}>
        <Badge>{t('cases.hidden')}</Badge>
        <span className="visually-hidden"> {t('cases.hidden_hint')}</span>
      </span>
    );
  }
  const empty =
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && !value.length);
  if (empty) return <span className="muted">{t('cases.not_recorded')}</span>;
  return (
    <>
      {children ??
        (typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value))}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export interface ReferralValues {
  cas_IncomingReferralDate?: string | null;
  cas_ReferringOrganisation?: string | null;
  cas_ReferringOrganisationType?: string | null;
}

export function ReferralSummary({ record }: { record: ReferralValues }) {
  const { t, i18n } = useTranslation();
  const orgType = useVocabularyOptions('org_Type');
  return (
    <dl className="summary">
      <Item label={t('cases.field.referral_date')}>
        <FieldValue value={record.cas_IncomingReferralDate}>
          {formatDate(record.cas_IncomingReferralDate, i18n.language)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.referring_org')}>
        <FieldValue value={record.cas_ReferringOrganisation}>
          <span dir="auto">{record.cas_ReferringOrganisation}</span>
        </FieldValue>
      </Item>
      <Item label={t('cases.field.referring_org_type')}>
        <FieldValue value={record.cas_ReferringOrganisationType}>
          {orgType.label(record.cas_ReferringOrganisationType)}
        </FieldValue>
      </Item>
    </dl>
  );
}

export function PersonSummary({
  person,
  piiVisible,
}: {
  person: Partial<Person>;
  piiVisible: boolean;
}) {
  const hidden = !piiVisible;
  const { t, i18n } = useTranslation();
  const gender = useVocabularyOptions('prs_Gender');
  const marital = useVocabularyOptions('prs_MaritalStatus');
  const education = useVocabularyOptions('prs_HighestLevelOfEducation');
  const countries = useCountryNames();
  const language = (code: string | null | undefined) =>
    code ? languageName(code, i18n.language) : '';

  return (
    <dl className="summary">
      <Item label={t('cases.field.given_name')}>
        <FieldValue value={person.prs_FirstName} hidden={hidden}>
          <span dir="auto">{person.prs_FirstName}</span>
        </FieldValue>
      </Item>
      <Item label={t('cases.field.family_name')}>
        <FieldValue value={person.prs_SecondName} hidden={hidden}>
          <span dir="auto">{person.prs_SecondName}</span>
        </FieldValue>
      </Item>
      <Item label={t('cases.field.aliases')}>
        <FieldValue value={person.prs_Aliases} hidden={hidden}>
          <span dir="auto">{(person.prs_Aliases ?? []).join(t('cases.list_separator'))}</span>
        </FieldValue>
      </Item>
      <Item label={t('cases.field.birthdate')}>
        <FieldValue value={person.prs_Birthdate} hidden={hidden}>
          {formatDate(person.prs_Birthdate, i18n.language)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.birth_year')}>
        <FieldValue value={person.prs_BirthYear} />
      </Item>
      {person.prs_EstimatedAge !== null && person.prs_EstimatedAge !== undefined ? (
        <Item label={t('cases.field.estimated_age')}>
          <FieldValue value={person.prs_EstimatedAge} />
        </Item>
      ) : null}
      <Item label={t('cases.field.gender')}>
        <FieldValue value={person.prs_Gender}>{gender.label(person.prs_Gender)}</FieldValue>
      </Item>
      <Item label={t('cases.field.citizenship')}>
        <FieldValue value={person.prs_Citizenship}>{countries(person.prs_Citizenship)}</FieldValue>
      </Item>
      <Item label={t('cases.field.primary_language')}>
        <FieldValue value={person.prs_PrimaryLanguage}>
          {language(person.prs_PrimaryLanguage)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.secondary_language')}>
        <FieldValue value={person.prs_SecondaryLanguage}>
          {language(person.prs_SecondaryLanguage)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.marital_status')}>
        <FieldValue value={person.prs_MaritalStatus}>
          {marital.label(person.prs_MaritalStatus)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.education')}>
        <FieldValue value={person.prs_HighestLevelOfEducation}>
          {education.label(person.prs_HighestLevelOfEducation)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.mobile_phone')}>
        <FieldValue value={person.prs_MobilePhone} hidden={hidden}>
          <span dir="ltr">{person.prs_MobilePhone}</span>
        </FieldValue>
      </Item>
    </dl>
  );
}

export interface TraffickingValues {
  vic_TraffickingStatus?: string | null;
  vic_TypeOfExploitation?: string[] | null;
  vic_ForcedLabourIndustry?: string | null;
  vic_TypeOfSexExploitation?: string[] | null;
  vic_MethodsOfControl?: string[] | null;
  vic_MethodOfRecruitment?: string[] | null;
  vic_RelationshipToTrafficker?: string | null;
  vic_Vulnerabilities?: string[] | null;
}

export function TraffickingSummary({
  record,
  showStatus = true,
}: {
  record: TraffickingValues;
  /** Off in the new-case wizard, whose decision step sets the status. */
  showStatus?: boolean;
}) {
  const { t } = useTranslation();
  const status = useVocabularyOptions('vic_TraffickingStatus');
  const sector = useVocabularyOptions('vic_ForcedLabourIndustry');
  const relationship = useVocabularyOptions('vic_RelationshipToTrafficker');
  const exploitation = useVocabularyList('vic_TypeOfExploitation');
  const sex = useVocabularyList('vic_TypeOfSexExploitation');
  const control = useVocabularyList('vic_MethodsOfControl');
  const recruitment = useVocabularyList('vic_MethodOfRecruitment');
  const vulnerabilities = useVocabularyList('vic_Vulnerabilities');
  return (
    <dl className="summary">
      {showStatus ? (
        <Item label={t('cases.field.trafficking_status')}>
          <FieldValue value={record.vic_TraffickingStatus}>
            {status.label(record.vic_TraffickingStatus)}
          </FieldValue>
        </Item>
      ) : null}
      <Item label={t('cases.field.exploitation')}>
        <FieldValue value={record.vic_TypeOfExploitation}>
          {exploitation(record.vic_TypeOfExploitation)}
        </FieldValue>
      </Item>
      {record.vic_ForcedLabourIndustry ? (
        <Item label={t('cases.field.labour_sector')}>
          {sector.label(record.vic_ForcedLabourIndustry)}
        </Item>
      ) : null}
      {record.vic_TypeOfSexExploitation?.length ? (
        <Item label={t('cases.field.sex_exploitation')}>
          {sex(record.vic_TypeOfSexExploitation)}
        </Item>
      ) : null}
      <Item label={t('cases.field.methods_of_control')}>
        <FieldValue value={record.vic_MethodsOfControl}>
          {control(record.vic_MethodsOfControl)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.method_of_recruitment')}>
        <FieldValue value={record.vic_MethodOfRecruitment}>
          {recruitment(record.vic_MethodOfRecruitment)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.relationship')}>
        <FieldValue value={record.vic_RelationshipToTrafficker}>
          {relationship.label(record.vic_RelationshipToTrafficker)}
        </FieldValue>
      </Item>
      <Item label={t('cases.field.vulnerabilities')}>
        <FieldValue value={record.vic_Vulnerabilities}>
          {vulnerabilities(record.vic_Vulnerabilities)}
        </FieldValue>
      </Item>
    </dl>
  );
}

type EventValues = Omit<TraffickingEvent, 'id'> & { id?: string | null };

export function EventsTable({ events }: { events: readonly EventValues[] }) {
  const { t, i18n } = useTranslation();
  const type = useVocabularyOptions('hte_Type');
  if (events.length === 0) return <p className="muted">{t('cases.events_none')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('cases.field.events')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.field.event_type')}</th>
            <th scope="col">{t('cases.field.event_country')}</th>
            <th scope="col">{t('cases.field.event_city')}</th>
            <th scope="col">{t('cases.field.event_start')}</th>
            <th scope="col">{t('cases.field.event_end')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event, index) => (
            <tr key={event.id ?? index}>
              <td>{type.label(event.hte_Type)}</td>
              <td>{event.hte_Country ? countryName(event.hte_Country, i18n.language) : ''}</td>
              <td dir="auto">{event.hte_City}</td>
              <td>{formatDate(event.hte_StartDate, i18n.language)}</td>
              <td>{formatDate(event.hte_EndDate, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
