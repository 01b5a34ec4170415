/** Public surface of the cases feature: the case list, the new-case wizard and the case page with its tabs. */
export { CasesListRoute } from './routes/cases_list';
export { CaseCreateRoute } from './routes/case_create';
export { CaseIntakeRoute } from './routes/case_intake';
export { CaseLayoutRoute } from './routes/case_layout';
export { CaseProfileRoute } from './routes/case_profile';
export { CaseTraffickingRoute } from './routes/case_trafficking';
export { CaseScreeningRoute } from './routes/case_screening';
export { CaseConsentRoute } from './routes/case_consent';
export { CaseServicesRoute } from './routes/case_services';
export { CaseNotesRoute } from './routes/case_notes';
export { CaseTasksRoute } from './routes/case_tasks';
export { CaseClosureRoute } from './routes/case_closure';
export { CaseHistoryRoute } from './routes/case_history';
