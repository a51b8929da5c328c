/**
 * Errors that cross the API boundary. Every failure a caller can see is one of these codes,
 * with a message for people and optional machine-readable details. No stack ever crosses.
 */
import { z } from 'zod';

export const errorCodes = [
  'bad_input', // the input failed its schema or a rule about its shape
  'unauthorized', // no valid device token or staff session
  'forbidden', // the staff member's role lacks the permission
  'approval_required', // a manager's PIN is needed for this action
  'locked', // too many wrong PINs; try again later
  'not_found', // the handler, or the thing named in the input, does not exist
  'conflict', // the state does not allow it (paid order, closed shift, id exists with other fields)
  'insufficient_funds', // a flagged ledger account would go below zero
  'unavailable', // a dependency (printer, network) cannot be reached now
  'internal', // a bug: logged with its stack on the core side, never sent
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});

export type ApiError = z.infer<typeof apiErrorSchema>;

/** HTTP status for each code, used by the headless host. */
export const httpStatusOf: Record<ErrorCode, number> = {
  bad_input: 400,
  unauthorized: 401,
  forbidden: 403,
  approval_required: 403,
  locked: 423,
  not_found: 404,
  conflict: 409,
  insufficient_funds: 422,
  unavailable: 503,
  internal: 500,
};

/** Thrown inside the core by services; turned into an ApiError by the dispatcher. */
export class TillpointError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'TillpointError';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Thrown on the client side when a call fails, carrying the ApiError the core returned. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.details = error.details;
  }
}

/** Turns zod issues into a short, human sentence plus the issue list as details. */
export function describeZodError(error: z.ZodError): { message: string; issues: z.core.$ZodIssue[] } {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return { message: `Invalid input — ${parts.join('; ')}${more}`, issues: error.issues };
}
