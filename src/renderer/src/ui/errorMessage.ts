/** The sentence to show a person for any thrown thing: the core's message for an API error. */
import { ApiCallError } from '../../../shared/api/errors';

export function errorMessage(error: unknown, fallback = 'Something went wrong.'): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error.length > 0) return error;
  return fallback;
}
