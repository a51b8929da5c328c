/**
 * The sentence to show a person for any thrown thing: the core's message for an API error, and
 * for input the core's schema refused, the first issue worded for people ("Percent must be between
 * 0 and 100.") rather than the machine's "Invalid input — discount.percent: …".
 */
import { ApiCallError } from '../../../shared/api/errors';

export interface InputIssue {
  /** The input's path, joined: "discount.percent", "tipPresetsPercent.0". */
  path: string;
  message: string;
}

/** The schema issues of a refused input (bad_input), or [] for any other error. */
export function inputIssuesOf(error: unknown): InputIssue[] {
  if (!(error instanceof ApiCallError) || error.code !== 'bad_input') return [];
  const details = error.details as { issues?: unknown; field?: unknown } | null | undefined;
  const issues: InputIssue[] = [];
  if (details && Array.isArray(details.issues)) {
    for (const raw of details.issues as { path?: unknown; message?: unknown }[]) {
      const path = Array.isArray(raw.path) ? raw.path.map(String).join('.') : '';
      if (typeof raw.message === 'string') issues.push({ path, message: raw.message });
    }
  } else if (details && typeof details.field === 'string') {
    issues.push({ path: details.field, message: error.message });
  }
  return issues;
}

/** "discount.percent" → "Percent"; "tipPresetsPercent.0" → "Tip presets percent". */
export function pathLabel(path: string): string {
  const last = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1);
  if (!last) return 'This';
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "must be between 0 and 100" for "Percent" → "Percent must be between 0 and 100." */
export function issueSentence(issue: InputIssue): string {
  const text = issue.message.trim();
  const sentence = /^[a-z]/.test(text) ? `${pathLabel(issue.path)} ${text}` : text;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

export function errorMessage(error: unknown, fallback = 'Something went wrong.'): string {
  const [issue] = inputIssuesOf(error);
  if (issue && /^Invalid input/.test(errorTextOf(error))) return issueSentence(issue);
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error.length > 0) return error;
  return fallback;
}

function errorTextOf(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

/**
 * The errors of a refused form, by field: each schema issue whose path starts with one of `fields`'
 * keys goes beside that field (worded for people); `rest` is what no field owns (a toast's).
 */
export function fieldErrorsOf<K extends string>(
  error: unknown,
  fields: Record<string, K>,
): { byField: Partial<Record<K, string>>; rest: string | null } {
  const byField: Partial<Record<K, string>> = {};
  // A refusal about one field (a conflict naming `details.field`, e.g. the PIN length) goes beside it.
  const named =
    error instanceof ApiCallError ? (error.details as { field?: unknown } | undefined)?.field : null;
  if (typeof named === 'string' && inputIssuesOf(error).length === 0 && fields[named] !== undefined) {
    byField[fields[named]] = error instanceof ApiCallError ? error.message : errorMessage(error);
    return { byField, rest: null };
  }
  const issues = inputIssuesOf(error);
  let unplaced = issues.length === 0;
  for (const issue of issues) {
    const key = Object.keys(fields).find((path) => issue.path === path || issue.path.startsWith(`${path}.`));
    const field = key === undefined ? undefined : fields[key];
    if (field === undefined) unplaced = true;
    else byField[field] ??= issueSentence(issue);
  }
  return { byField, rest: unplaced ? errorMessage(error) : null };
}
