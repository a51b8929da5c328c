import { describe, expect, it } from 'vitest';
import { isReservedKey, type KeyPress, shortcutFor, shortcutHelp, shortcutHelpFor } from './shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it.each([
    [press('F1'), false, { kind: 'navigate', section: 'checkout' }],
    [press('F2'), false, { kind: 'navigate', section: 'orders' }],
    [press('F3'), true, { kind: 'navigate', section: 'customers' }],
    [press('F4'), false, { kind: 'navigate', section: 'reports' }],
    [press('F5'), false, { kind: 'navigate', section: 'settings' }],
    [press('F5', { ctrlKey: true }), false, null],
    [press('F6'), false, { kind: 'navigate', section: 'shift' }],
    [press('F7'), true, { kind: 'navigate', section: 'products' }],
    [press('F9'), false, { kind: 'navigate', section: 'staff' }],
    [press('F9', { shiftKey: true }), false, null],
    [press('F8'), false, null],
    [press('F10'), false, null],
    [press('l', { ctrlKey: true }), false, { kind: 'lock' }],
    [press('L', { ctrlKey: true }), true, { kind: 'lock' }],
    [press('l', { metaKey: true }), false, { kind: 'lock' }],
    [press('l', { ctrlKey: true, shiftKey: true }), false, null],
    [press('l'), false, null],
    [press('?', { shiftKey: true }), false, { kind: 'help' }],
    [press('?', { shiftKey: true }), true, null],
    [press('/'), false, null],
  ])('%o (typing: %s) → %o', (keyPress, typing, expected) => {
    expect(shortcutFor(keyPress, typing)).toEqual(expected);
  });
});

describe('isReservedKey', () => {
  it.each([
    ['F1', true],
    ['F5', true],
    ['F9', true],
    ['F8', false],
    ['F10', false],
    ['Enter', false],
  ])('%s reserved: %s', (key, reserved) => {
    expect(isReservedKey(press(key))).toBe(reserved);
  });
});

describe('shortcut help', () => {
  it('lists the section keys in key order, then lock, help and Esc', () => {
    expect(shortcutHelp.map((entry) => entry.keys.join('+'))).toEqual([
      'F1',
      'F2',
      'F3',
      'F4',
      'F5',
      'F6',
      'F7',
      'F9',
      'F8',
      'Ctrl+Enter',
      '/',
      'Ctrl+L',
      '?',
      'Esc',
    ]);
    expect(shortcutHelp.slice(0, 8).map((entry) => entry.description)).toEqual([
      'Checkout',
      'Orders',
      'Customers',
      'Reports',
      'Settings',
      'Shift',
      'Products',
      'Staff',
    ]);
  });

  it('leaves out the keys of sections that cannot be used', () => {
    const help = shortcutHelpFor((section) => section !== 'staff' && section !== 'reports');
    expect(help.map((entry) => entry.description)).not.toContain('Staff');
    expect(help.map((entry) => entry.description)).not.toContain('Reports');
    expect(help.map((entry) => entry.description)).toContain('Lock the till');
  });
});
