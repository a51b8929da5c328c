/** Errors in Stripe's shape: `{ error: { type, code, decline_code, message, param, ... } }` with its HTTP status. */

export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'authentication_error'
  | 'rate_limit_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
}

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

export function invalid(message: string, extra: Partial<StripeErrorBody> = {}, status = 400): SimError {
  const body: StripeErrorBody = { type: 'invalid_request_error', message, ...extra };
  if (body.code) body.doc_url = `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}`;
  return new SimError(status, body);
}

export function missing(kind: string, id: string, param = 'id'): SimError {
  return invalid(`No such ${kind}: '${id}'`, { code: 'resource_missing', param }, 404);
}

export function required(param: string): SimError {
  return invalid(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function unexpectedState(
  kind: 'payment_intent',
  id: string,
  status: string,
  action: string,
): SimError {
  return invalid(
    `This PaymentIntent's ${action} could not be performed because it has a status of ${status}.`,
    { code: `${kind}_unexpected_state`, param: undefined },
  );
}
