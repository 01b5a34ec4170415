/** Public surface of the audit feature (read-only, for auditors). */
export { AuditListRoute } from './routes/audit_list';
