/**
 * Runs a call that may need a manager's approval: first without a token; when the core answers
 * `approval_required`, asks for approval (the dialog) and runs it again with the token. A token
 * that is refused in turn (expired while the manager looked for their glasses) asks once more,
 * up to `maxAsks` times. Resolves with the call's result, or null when the approval was cancelled;
 * any other failure rejects as it came.
 */
import { ApiCallError } from '../../../../shared/api/errors';
import { type ApprovalRequest } from './approvalQueue';

export type AskApproval = (request: ApprovalRequest) => Promise<string | null>;

export const maxApprovalAsks = 3;

export function isApprovalRequired(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError && error.code === 'approval_required';
}

export async function runWithApproval<T>(
  run: (approval: string | undefined) => Promise<T>,
  request: ApprovalRequest,
  ask: AskApproval,
  maxAsks = maxApprovalAsks,
): Promise<T | null> {
  let approval: string | undefined;
  let asks = 0;
  for (;;) {
    try {
      return await run(approval);
    } catch (error) {
      if (!isApprovalRequired(error) || asks >= maxAsks) throw error;
      asks += 1;
      // After a refused token, say why the manager is asked again.
      const reason = approval === undefined ? request.reason : `${error.message} ${request.reason}`;
      const token = await ask({ ...request, reason });
      if (token === null) return null;
      approval = token;
    }
  }
}
