/**
 * Public surface of the shelters feature: the registry, the shelter page and its tabs. The form plumbing and
 * the chart helpers are shared with the assessments feature, which builds on shelters (never the other way:
 * the router puts the assessments tab under the shelter page).
 */
import './shelters.css';

export { SheltersListRoute } from './routes/shelters_list';
export { ShelterCreateRoute } from './routes/shelter_create';
export { ShelterLayoutRoute } from './routes/shelter_layout';
export { ShelterOverviewRoute } from './routes/shelter_overview';
export { ShelterEditRoute } from './routes/shelter_edit';
export { ShelterResidentsRoute } from './routes/shelter_residents';
export { ShelterOccupancyRoute } from './routes/shelter_occupancy';
export { ShelterIncidentsRoute } from './routes/shelter_incidents';
export { useAllShelters, type Shelter } from './api/get_shelters';
export { getAllPages } from './api/all_pages';
export {
  ErrorSummary,
  FormProblems,
  type InPlaceFormProps,
  isStale,
  ProblemAlert,
  StaleAlert,
  useFormErrors,
} from './components/forms';
export { mirror, ticks } from './components/chart_scale';
export { isIsoDate, todayIso } from './components/dates';
