/**
 * The page's one approval queue, and the functions screens call: `requestApproval` opens the
 * manager approval dialog and resolves with the approval token (null when cancelled);
 * `withApproval` runs a call, and when the core answers `approval_required` asks for approval and
 * runs it again with the token.
 */
import { createApprovalQueue, type ApprovalRequest } from './approvalQueue';
import { runWithApproval } from './runWithApproval';

export const approvalQueue = createApprovalQueue();

/** Opens the approval dialog; resolves with the approval token, or null when it was cancelled. */
export function requestApproval(request: ApprovalRequest): Promise<string | null> {
  return approvalQueue.request(request);
}

/**
 * Runs `run` without a token; on `approval_required` asks for approval and runs it again with the
 * token. Resolves with the call's result, or null when the approval was cancelled; other failures
 * reject as they came.
 */
export function withApproval<T>(
  run: (approval: string | undefined) => Promise<T>,
  request: ApprovalRequest,
): Promise<T | null> {
  return runWithApproval(run, request, requestApproval);
}
