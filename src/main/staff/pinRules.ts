/**
 * Pure rules about what a staff member types and sees: which PINs may be set, how a name is
 * tidied, and the initials shown on the login screen's buttons.
 */
import { TillpointError } from '../../shared/api';
import { pinMaxDigits, pinMinDigits } from '../../shared/api/staff';

export type PinProblem = { kind: 'format' | 'length' | 'weak'; message: string };

const straightAscending = '01234567890';
const straightDescending = '09876543210';
/** PINs people pick often that the structural rules below do not catch (a keypad's middle column). */
const wellKnownPins: ReadonlySet<string> = new Set([
  '2580',
  '0852',
  '25800852',
  '1470',
  '0741',
  '3690',
  '0963',
]);

const tooEasy = 'This PIN is too easy to guess';
const allowHint = 'Choose another (simple PINs can be allowed in the store settings).';

export interface PinRuleOptions {
  weakPinsAllowed: boolean;
  /** The store's fixed PIN length (4 to 8); 0 or absent: any length from 4 to 8. */
  pinLength?: number;
}

/** Why a PIN may not be set, or null when it may. */
export function pinProblem(pin: string, options: PinRuleOptions): PinProblem | null {
  if (!/^[0-9]*$/.test(pin)) {
    return {
      kind: 'format',
      message: `A PIN is ${pinMinDigits} to ${pinMaxDigits} digits (0-9), nothing else.`,
    };
  }
  if (pin.length < pinMinDigits || pin.length > pinMaxDigits) {
    return {
      kind: 'format',
      message: `A PIN has ${pinMinDigits} to ${pinMaxDigits} digits; this one has ${pin.length}.`,
    };
  }
  const fixed = options.pinLength ?? 0;
  if (fixed > 0 && pin.length !== fixed) {
    return {
      kind: 'length',
      message: `This store's PINs have exactly ${fixed} digits; this one has ${pin.length}.`,
    };
  }
  if (options.weakPinsAllowed) return null;
  if (/^(\d)\1+$/.test(pin))
    return { kind: 'weak', message: `${tooEasy}: every digit is the same. ${allowHint}` };
  if (straightAscending.includes(pin) || straightDescending.includes(pin)) {
    return { kind: 'weak', message: `${tooEasy}: its digits run in a straight sequence. ${allowHint}` };
  }
  if ([...pin].every((digit, i) => i < 2 || digit === pin[i - 2])) {
    return { kind: 'weak', message: `${tooEasy}: it repeats the same two digits. ${allowHint}` };
  }
  if (wellKnownPins.has(pin))
    return { kind: 'weak', message: `${tooEasy}: it is a well-known PIN. ${allowHint}` };
  return null;
}

/** Throws bad_input saying what is wrong with the PIN; writes nothing. */
export function assertPinAllowed(pin: string, options: PinRuleOptions): void {
  const problem = pinProblem(pin, options);
  if (problem)
    throw new TillpointError('bad_input', problem.message, { field: 'pin', problem: problem.kind });
}

export const staffNameMaxLength = 60;

/** Trims the name and collapses runs of spaces; refuses empty, overlong and control characters. */
export function normalizeStaffName(name: string): string {
  const tidy = name.trim().replace(/\s+/g, ' ');
  if (tidy.length === 0) throw new TillpointError('bad_input', 'A name is needed.', { field: 'name' });
  if (tidy.length > staffNameMaxLength) {
    throw new TillpointError('bad_input', `A name is at most ${staffNameMaxLength} characters.`, {
      field: 'name',
    });
  }
  if (/\p{Cc}/u.test(tidy)) {
    throw new TillpointError('bad_input', 'A name cannot contain control characters.', { field: 'name' });
  }
  return tidy;
}

/**
 * Initials for the login button: the first letter of the first and last words ("Ana María Ruiz"
 * → "AR"), or the first two letters of a single word ("Bo" → "BO"). Words without a letter or digit
 * are skipped; a name without any gives "?".
 */
export function initialsOf(name: string): string {
  const firsts: string[] = [];
  const letters: string[][] = [];
  for (const word of name.split(/\s+/)) {
    const wordLetters = [...word].filter((ch) => /[\p{L}\p{N}]/u.test(ch));
    const first = wordLetters[0];
    if (first === undefined) continue;
    firsts.push(first);
    letters.push(wordLetters);
  }
  if (firsts.length === 0) return '?';
  const initials =
    firsts.length === 1
      ? (letters[0] ?? []).slice(0, 2).join('')
      : `${firsts[0]}${firsts[firsts.length - 1]}`;
  return initials.toLocaleUpperCase();
}
