/**
 * The rules of the on-screen keypad, as pure functions: what each key does to the text typed so
 * far, and which physical key stands for which keypad key. The text stays a string; it is never
 * turned into a JS number here (the core parses amounts).
 */
export const keypadDigits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
export type KeypadDigit = (typeof keypadDigits)[number];
export type KeypadKey = KeypadDigit | '00' | '.' | 'backspace' | 'clear';

export interface KeypadRules {
  /** Digits allowed after the point; 0 means whole numbers only (the "." key does nothing). */
  maxFractionDigits: number;
  /** Longest text accepted, point included. */
  maxLength: number;
}

function appendDigit(value: string, digit: KeypadDigit, rules: KeypadRules): string {
  // A lone leading zero is replaced ("0" then "5" is "5"), not kept ("05").
  const next = value === '0' ? digit : value + digit;
  if (next.length > rules.maxLength) return value;
  const fraction = next.split('.')[1];
  if (fraction !== undefined && fraction.length > rules.maxFractionDigits) return value;
  return next;
}

export function applyKeypadKey(value: string, key: KeypadKey, rules: KeypadRules): string {
  switch (key) {
    case 'clear':
      return '';
    case 'backspace':
      return value.slice(0, -1);
    case '.': {
      if (rules.maxFractionDigits === 0 || value.includes('.')) return value;
      const next = value === '' ? '0.' : `${value}.`;
      return next.length > rules.maxLength ? value : next;
    }
    case '00':
      // Two zeros, each under the same rules (so "00" on an empty field gives "0", not "00").
      return appendDigit(appendDigit(value, '0', rules), '0', rules);
    default:
      return appendDigit(value, key, rules);
  }
}

/** The keypad key a physical key press stands for, or null when it is not one. */
export function keypadKeyFromKeyboard(key: string): KeypadKey | null {
  if (/^[0-9]$/.test(key)) return key as KeypadDigit;
  if (key === '.' || key === ',' || key === 'Decimal') return '.';
  if (key === 'Backspace') return 'backspace';
  if (key === 'Delete' || key === 'Clear') return 'clear';
  return null;
}

/** True when a key event comes from a place that types text of its own (keypads stand back then). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (element as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return element.isContentEditable === true;
}
