/**
 * Public surface of the assessments feature: assessments of shelters against minimum standards, their
 * recommendations, the printable report and the comparison of shelters. It builds on the shelters feature
 * (through its index); the router places the shelter's Assessments tab under the shelter page.
 */
import './assessments.css';

export { AssessmentsListRoute } from './routes/assessments_list';
export { AssessmentCreateRoute } from './routes/assessment_create';
export { AssessmentLayoutRoute } from './routes/assessment_layout';
export { AssessmentSheetRoute } from './routes/assessment_sheet';
export { AssessmentChangesRoute } from './routes/assessment_changes';
export { AssessmentRecommendationsRoute } from './routes/assessment_recommendations';
export { AssessmentReportRoute } from './routes/assessment_report';
export { AssessmentComparisonRoute } from './routes/assessment_comparison';
export { ShelterAssessmentsRoute } from './routes/shelter_assessments';
