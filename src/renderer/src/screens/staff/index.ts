/**
 * The Staff section (owners): the team — add a member with a role and a PIN, change a name, role
 * or whether they are active, reset a PIN — and the activity log (the audit log) with filters.
 * Pure parts: the forms' rules (staffForm) and the log's words and day range (auditView).
 */
export { StaffScreen } from './StaffScreen';
