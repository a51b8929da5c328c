/**
 * The app-wide keyboard shortcuts, pure: which key press means what, and the list the help dialog
 * shows. F1–F7 and F9 open the sections (and must never reach the browser, where F5 reloads, F1
 * opens help, F6 focuses the address bar and F7 turns on caret browsing): F1–F5 keep the first
 * five sections' keys, F6 Shift, F7 Products, F9 Staff. F8 is the checkout's Pay key (the
 * checkout screen listens for it, with Ctrl+Enter and "/" for its search). Ctrl+L locks the till,
 * "?" shows the list.
 */
import { type Section, sectionLabels } from './routes';

export type ShortcutAction = { kind: 'navigate'; section: Section } | { kind: 'lock' } | { kind: 'help' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const functionKeySections: Record<string, Section> = {
  F1: 'checkout',
  F2: 'orders',
  F3: 'customers',
  F4: 'reports',
  F5: 'settings',
  F6: 'shift',
  F7: 'products',
  F9: 'staff',
};

/** The action for a key press, or null. `typing` is true while focus is in a text field. */
export function shortcutFor(press: KeyPress, typing: boolean): ShortcutAction | null {
  const modifier = press.ctrlKey || press.metaKey || press.altKey;
  const section = functionKeySections[press.key];
  if (section && !modifier && !press.shiftKey) return { kind: 'navigate', section };
  if (
    (press.ctrlKey || press.metaKey) &&
    !press.altKey &&
    !press.shiftKey &&
    press.key.toLowerCase() === 'l'
  ) {
    return { kind: 'lock' };
  }
  if (press.key === '?' && !typing && !press.ctrlKey && !press.metaKey && !press.altKey)
    return { kind: 'help' };
  return null;
}

/** Keys the browser must never act on while the app is open, even when no shortcut applies now. */
export function isReservedKey(press: KeyPress): boolean {
  return press.key in functionKeySections;
}

export interface ShortcutHelp {
  keys: string[];
  /** aria-keyshortcuts syntax. */
  aria: string;
  description: string;
  /** The section the key opens, for keys that open one (the help hides those a role cannot use). */
  section?: Section;
}

export const sectionShortcut: Record<Section, string> = {
  checkout: 'F1',
  orders: 'F2',
  customers: 'F3',
  reports: 'F4',
  settings: 'F5',
  shift: 'F6',
  products: 'F7',
  staff: 'F9',
};

/** The section keys in key order (F1, F2, ...), then the other shortcuts. */
export const shortcutHelp: readonly ShortcutHelp[] = [
  ...Object.entries(functionKeySections).map(([key, section]) => ({
    keys: [key],
    aria: key,
    description: sectionLabels[section],
    section,
  })),
  { keys: ['F8'], aria: 'F8', description: 'Checkout: pay' },
  { keys: ['Ctrl', 'Enter'], aria: 'Control+Enter', description: 'Checkout: pay, from any field' },
  { keys: ['/'], aria: '/', description: 'Checkout: search products' },
  { keys: ['Ctrl', 'L'], aria: 'Control+L', description: 'Lock the till' },
  { keys: ['?'], aria: 'Shift+?', description: 'Show these shortcuts' },
  { keys: ['Esc'], aria: 'Escape', description: 'Close a dialog' },
];

/** The help list for someone who can use only `canUse` sections. */
export function shortcutHelpFor(canUse: (section: Section) => boolean): ShortcutHelp[] {
  return shortcutHelp.filter((entry) => entry.section === undefined || canUse(entry.section));
}
