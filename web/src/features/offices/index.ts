/** Public surface of the offices feature. Other features may use the office list hook, nothing deeper. */
export { OfficesListRoute } from './routes/offices_list';
export { OfficeCreateRoute } from './routes/office_create';
export { useAllOffices, type Office } from './api/get_offices';
