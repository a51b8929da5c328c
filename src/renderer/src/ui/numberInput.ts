/**
 * What a number field accepts while someone types: digits, at most one decimal point, at most
 * `maxFractionDigits` digits after it. The text stays a string from key to core — it is never
 * turned into a JS number here, so no amount passes through a float.
 */
export interface NumberInputRules {
  /** 0 forbids a decimal point. */
  maxFractionDigits: number;
  /** Longest accepted text, point included. */
  maxLength?: number;
}

/** The accepted text (with a leading "." completed to "0."), or null when the edit must be refused. */
export function acceptNumberInput(text: string, rules: NumberInputRules): string | null {
  const maxLength = rules.maxLength ?? 18;
  if (text === '') return '';
  const normalised = text.startsWith('.') ? `0${text}` : text;
  const pattern = rules.maxFractionDigits > 0 ? /^\d+(\.\d*)?$/ : /^\d+$/;
  if (!pattern.test(normalised)) return null;
  const fraction = normalised.split('.')[1];
  if (fraction !== undefined && fraction.length > rules.maxFractionDigits) return null;
  if (normalised.length > maxLength) return null;
  return normalised;
}

/**
 * Why a number field cannot read `text`, in words for people, or null when it can (or it is
 * empty). Fields keep what was typed and show this beside it; nothing is ever rewritten.
 */
export function numberTextProblem(text: string, rules: NumberInputRules): string | null {
  if (text.trim() === '') return null;
  if (acceptNumberInput(text.trim(), rules) !== null) return null;
  const maxLength = rules.maxLength ?? 18;
  if (text.trim().length > maxLength) return `That is too long: at most ${maxLength} characters.`;
  if (rules.maxFractionDigits === 0) return 'Type a whole number with digits only, like 3.';
  const fraction = /^\d*\.(\d*)$/.exec(text.trim())?.[1];
  if (fraction !== undefined && fraction.length > rules.maxFractionDigits) {
    return `At most ${rules.maxFractionDigits} ${rules.maxFractionDigits === 1 ? 'decimal' : 'decimals'}.`;
  }
  return 'Type a number with digits and at most one point, like 12.5.';
}
