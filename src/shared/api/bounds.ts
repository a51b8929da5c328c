/**
 * The bounds every input of the contract keeps, and the schema building blocks that keep them: text
 * (a length limit, well-formed Unicode, an optional pattern), percentages as text, quantities, ids
 * and instants. Every building block checks the cheap things first and stops at the first failure
 * (zod's `abort`), so a refinement never sees text whose format check failed and nothing can throw.
 */
import { z } from 'zod';

/** Whether `value` is well-formed Unicode: no lone UTF-16 surrogate, which SQLite would store as invalid UTF-8. */
export function isWellFormedText(value: string): boolean {
  return !/\p{Cs}/u.test(value);
}

export interface TextOptions {
  /** The most characters (UTF-16 code units) the text may have, checked before anything else. */
  max: number;
  /** What to say when the text is longer than `max`. */
  maxMessage?: string;
  /** The fewest characters after trimming; 0 (empty allowed) when absent. */
  min?: number;
  /** What to say when the text is shorter than `min`. */
  minMessage?: string;
  /** Trim spaces around it before the other checks (the default); false keeps the text as sent. */
  trim?: boolean;
  /** A pattern the (trimmed) text must match, with what to say when it does not. */
  pattern?: RegExp;
  patternMessage?: string;
}

/**
 * A string of the contract: at most `max` characters, well-formed Unicode, trimmed, at least `min`
 * characters, matching `pattern`. Every check stops the ones after it when it fails.
 */
export function text(options: TextOptions) {
  let schema = z
    .string()
    .max(options.max, {
      message: options.maxMessage ?? `must be at most ${options.max} characters`,
      abort: true,
    })
    .refine(isWellFormedText, {
      message: 'must be well-formed Unicode text (it holds a lone surrogate character)',
      abort: true,
    });
  if (options.trim !== false) schema = schema.trim();
  if (options.min !== undefined && options.min > 0) {
    const message =
      options.minMessage ??
      (options.min === 1 ? 'cannot be empty' : `must be at least ${options.min} characters`);
    schema = schema.min(options.min, { message, abort: true });
  }
  if (options.pattern) {
    schema = schema.regex(options.pattern, {
      message: options.patternMessage ?? `must match ${options.pattern.source}`,
      abort: true,
    });
  }
  return schema;
}

/** A ULID (a record's id): 26 characters of Crockford base32, upper case. */
export function ulidText(message = 'must be a ULID (26 characters, Crockford base32, upper case)') {
  return text({ max: 26, trim: false, pattern: /^[0-9A-HJKMNP-TV-Z]{26}$/, patternMessage: message });
}

/** An instant as ISO 8601 in UTC (`2026-12-06T19:33:20.000Z`), at most 40 characters. */
export function isoDateTimeText() {
  return z.iso.datetime({ abort: true }).max(40, { message: 'must be at most 40 characters', abort: true });
}

/** The most items of one line of an order; adding the same item again must not take a line past it. */
export const maxLineQuantity = 100_000;

/** The most pieces of one bill or coin in a cash count. */
export const maxCountPieces = 1_000_000_000;

/** Whether `text` (as `percentText` accepts it) is at most 100. Never throws. */
function percentAtMost100(value: string): boolean {
  const [whole = '', fraction = ''] = value.split('.');
  const wholeNumber = Number(whole);
  return wholeNumber < 100 || (wholeNumber === 100 && /^0*$/.test(fraction));
}

/**
 * One spelling of a percentage for comparing: `"08.50"` → `"8.5"`, `"10.0"` → `"10"`. Pure string
 * work, never throws (any text is returned as something).
 */
export function percentKey(value: string): string {
  const [whole = '', fraction = ''] = value.trim().split('.');
  const wholePart = whole.replace(/^0+(?=\d)/, '');
  const fractionPart = fraction.replace(/0+$/, '');
  return fractionPart === '' ? wholePart : `${wholePart}.${fractionPart}`;
}

/**
 * A percentage as text from 0 to 100 with at most `maxDecimals` decimals (`"10"`, `"12.5"`); with
 * `positive`, above 0. The range is checked on the text, never with a number parser that could throw.
 */
export function percentText(options: {
  maxDecimals: number;
  positive?: boolean;
  positiveMessage?: string;
  example?: string;
}) {
  const example = options.example ?? '"10" or "12.5"';
  let schema = text({
    max: 3 + 1 + options.maxDecimals + 8,
    pattern: new RegExp(`^\\d{1,3}(\\.\\d{1,${options.maxDecimals}})?$`),
    patternMessage: `must be a percentage like ${example} (at most ${options.maxDecimals} decimals)`,
  }).refine(percentAtMost100, { message: 'must be between 0 and 100', abort: true });
  if (options.positive) {
    schema = schema.refine((value) => !/^[0.]*$/.test(value), {
      message: options.positiveMessage ?? 'must be above 0',
      abort: true,
    });
  }
  return schema;
}

/**
 * The key names are compared by for uniqueness: NFC, then case folded (upper then lower case, so
 * "STRASSE" and "straße", "Café" and "CAFE\u0301" are the same name), spaces collapsed.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase().normalize('NFC');
}

/** The request body limits of the doors, in bytes. */
export const bodyLimits = {
  /** Every handler unless it says otherwise: a few KB of JSON is all a call needs. */
  default: 64 * 1024,
  /** An image as base64 (at most 4,000,000 characters) plus the rest of the call. */
  image: 4_200_000,
  /** A CSV of at most 20,000,000 characters, as UTF-8 and JSON-escaped (quotes and line ends double up). */
  csv: 64 * 1024 * 1024,
} as const;
