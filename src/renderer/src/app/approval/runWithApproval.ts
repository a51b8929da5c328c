/**
 * Runs a call that may need a manager's approval: first without a token; when the core answers
 * `approval_required`, asks for approval (the dialog) and runs it again with the token. A token
 * that is refused in turn (expired while the manager looked for their glasses) asks once more,
 * up to `maxAsks` times. Resolves with the call's result, or null when the approval was cancelled;
 * any other failure rejects as it came.
 *
 * The core's answer says what it needs (`details.action`, `details.ref`: the order or shift the
 * approval must name) and, for a discount, the amounts before and after: these win over the
 * caller's guess, so a cart change that turns out to need a price override asks for that.
 */
import { ApiCallError } from '../../../../shared/api/errors';
import { approvalActions, type ApprovalAction } from '../../../../shared/api/staff';
import { type ApprovalRequest } from './approvalQueue';

export type AskApproval = (request: ApprovalRequest) => Promise<string | null>;

export const maxApprovalAsks = 3;

export function isApprovalRequired(error: unknown): error is ApiCallError {
  return error instanceof ApiCallError && error.code === 'approval_required';
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** The request to show, from the caller's and from what the core said it needs. */
export function requestFromRefusal(request: ApprovalRequest, error: ApiCallError): ApprovalRequest {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const action = approvalActions.find((known) => known === details.action) as ApprovalAction | undefined;
  const ref = text(details.ref) ?? request.ref;
  const before = text(details.discountBeforeMinor);
  const after = text(details.discountAfterMinor);
  const currency = text(details.currency);
  // The amounts say something when the discount is what is approved, or when it moves.
  const showAmounts =
    before !== undefined &&
    after !== undefined &&
    currency !== undefined &&
    (details.action === 'discount_over_limit' || before !== after);
  return {
    ...request,
    action: action ?? request.action,
    ...(ref !== undefined ? { ref } : {}),
    // Without words of its own (a cart change), the core's message says what is approved.
    reason: request.reason || error.message,
    ...(showAmounts ? { amounts: { beforeMinor: before, afterMinor: after, currency } } : {}),
  };
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
      const needed = requestFromRefusal(request, error);
      // After a refused token, say why the manager is asked again.
      const reason =
        approval === undefined || !request.reason ? needed.reason : `${error.message} ${request.reason}`;
      const token = await ask({ ...needed, reason });
      if (token === null) return null;
      approval = token;
    }
  }
}
