import type { TFunction } from 'i18next';

/** UI labels of case fields, by HTCDS name. Keys are literal so the i18n check can verify each one. */
const labelKeys: Record<string, string> = {
  cas_Number: 'cases.field.number',
  cas_Status: 'cases.field.status',
  cas_CaseOwner: 'cases.field.case_owner',
  cas_IncomingReferralDate: 'cases.field.referral_date',
  cas_ReferringOrganisation: 'cases.field.referring_org',
  cas_ReferringOrganisationType: 'cases.field.referring_org_type',
  cas_ReasonForCaseClosure: 'cases.field.reason_for_closure',
  vic_TraffickingStatus: 'cases.field.trafficking_status',
  vic_TraffickingStatusDecisionMakingOrg: 'cases.field.decision_org',
  vic_TypeOfExploitation: 'cases.field.exploitation',
  vic_ForcedLabourIndustry: 'cases.field.labour_sector',
  vic_TypeOfSexExploitation: 'cases.field.sex_exploitation',
  vic_MethodsOfControl: 'cases.field.methods_of_control',
  vic_MethodOfRecruitment: 'cases.field.method_of_recruitment',
  vic_RelationshipToTrafficker: 'cases.field.relationship',
  vic_Vulnerabilities: 'cases.field.vulnerabilities',
  prs_FirstName: 'cases.field.given_name',
  prs_MiddleName: 'cases.field.middle_name',
  prs_SecondName: 'cases.field.family_name',
  prs_Aliases: 'cases.field.aliases',
  prs_Birthdate: 'cases.field.birthdate',
  prs_BirthYear: 'cases.field.birth_year',
  prs_EstimatedAge: 'cases.field.estimated_age',
  prs_Gender: 'cases.field.gender',
  prs_Citizenship: 'cases.field.citizenship',
  prs_PrimaryLanguage: 'cases.field.primary_language',
  prs_SecondaryLanguage: 'cases.field.secondary_language',
  prs_MaritalStatus: 'cases.field.marital_status',
  prs_HighestLevelOfEducation: 'cases.field.education',
  prs_MobilePhone: 'cases.field.mobile_phone',
  prs_Email: 'cases.field.email',
  prs_IdentityNumber: 'cases.field.identity_number',
  prs_MailingStreet: 'cases.field.mailing_street',
  prs_MailingCity: 'cases.field.mailing_city',
  prs_MailingCountry: 'cases.field.mailing_country',
  events: 'cases.field.events',
  hte_Type: 'cases.field.event_type',
  hte_Country: 'cases.field.event_country',
  hte_City: 'cases.field.event_city',
  hte_StartDate: 'cases.field.event_start',
  hte_EndDate: 'cases.field.event_end',
};

/**
 * "Date of birth" for `person.prs_Birthdate`, "Event 1: End date" for `events[0].hte_EndDate`; an unknown
 * name is shown as it is, so a message from the server is never lost for want of a label.
 */
export function fieldLabel(t: TFunction, key: string): string {
  const event = /^events\[(\d+)\](?:\.(\w+))?$/.exec(key);
  if (event) {
    const n = Number(event[1]) + 1;
    const inner = event[2] ? labelKeys[event[2]] : undefined;
    const label = t('cases.wizard.event_n', { n });
    return inner ? `${label}: ${t(inner)}` : label;
  }
  const name = key.replace(/^person\./, '');
  const labelKey = labelKeys[name];
  return labelKey ? t(labelKey) : key;
}
