import { describe, expect, it } from 'vitest';
import { applyKeypadKey, isTypingTarget, type KeypadKey, keypadKeyFromKeyboard } from './keypadInput';

const money = { maxFractionDigits: 2, maxLength: 12 };
const whole = { maxFractionDigits: 0, maxLength: 6 };

describe('applyKeypadKey', () => {
  it.each<[string, KeypadKey, typeof money, string]>([
    ['', '1', money, '1'],
    ['12', '3', money, '123'],
    ['0', '5', money, '5'],
    ['0', '0', money, '0'],
    ['', '00', money, '0'],
    ['5', '00', money, '500'],
    ['', '.', money, '0.'],
    ['12', '.', money, '12.'],
    ['12.', '.', money, '12.'],
    ['12.5', '0', money, '12.50'],
    ['12.50', '1', money, '12.50'],
    ['12.5', '00', money, '12.50'],
    ['12', '.', whole, '12'],
    ['123456', '7', whole, '123456'],
    ['12.34', 'backspace', money, '12.3'],
    ['', 'backspace', money, ''],
    ['12.34', 'clear', money, ''],
    ['0.', '5', money, '0.5'],
  ])('%j + %s → %j', (value, key, rules, expected) => {
    expect(applyKeypadKey(value, key, rules)).toBe(expected);
  });
});

describe('keypadKeyFromKeyboard', () => {
  it.each([
    ['7', '7'],
    ['0', '0'],
    ['.', '.'],
    [',', '.'],
    ['Backspace', 'backspace'],
    ['Delete', 'clear'],
    ['a', null],
    ['Enter', null],
    ['F1', null],
  ])('%s → %s', (key, expected) => {
    expect(keypadKeyFromKeyboard(key)).toBe(expected);
  });
});

describe('isTypingTarget', () => {
  const element = (tagName: string, extra: Record<string, unknown> = {}) =>
    ({ tagName, ...extra }) as unknown as EventTarget;
  it.each([
    [element('INPUT', { type: 'text' }), true],
    [element('INPUT', { type: 'password' }), true],
    [element('INPUT', { type: 'checkbox' }), false],
    [element('TEXTAREA'), true],
    [element('SELECT'), true],
    [element('BUTTON'), false],
    [element('DIV', { isContentEditable: true }), true],
    [element('DIV', { isContentEditable: false }), false],
    [null, false],
  ])('%o → %s', (target, expected) => {
    expect(isTypingTarget(target)).toBe(expected);
  });
});
