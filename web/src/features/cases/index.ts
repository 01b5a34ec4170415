/** Public surface of the cases feature: the case list, the new-case wizard and the case page with its tabs. */
export { CasesListRoute } from './routes/cases_list';
export { CaseCreateRoute } from './routes/case_create';
export { CaseLayoutRoute } from './routes/case_layout';
export { CaseProfileRoute } from './routes/case_profile';
export { CaseTraffickingRoute } from './routes/case_trafficking';
export { CaseHistoryRoute } from './routes/case_history';
