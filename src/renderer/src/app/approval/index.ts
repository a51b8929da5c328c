/**
 * The manager approval dialog, reusable by every screen: `requestApproval({ action, ref?, reason })`
 * opens it (managers and owners from staff.list, their PIN, staff.approve) and resolves with the
 * single-use approval token or null when cancelled; `withApproval(run, request)` runs a call and
 * retries it with a token when the core answers `approval_required`. `<ApprovalDialogHost/>` is
 * mounted once in the app root. Pure parts: the queue, the retry rule, the dialog's words.
 */
export { ApprovalDialogHost } from './ApprovalDialog';
export { type ApprovalRequest, createApprovalQueue, type PendingApproval } from './approvalQueue';
export { approvalActionLabels, approvalRefusalMessage, approversOf, canApproveRole } from './approvalText';
export { approvalQueue, requestApproval, withApproval } from './instance';
export { type AskApproval, isApprovalRequired, maxApprovalAsks, runWithApproval } from './runWithApproval';
