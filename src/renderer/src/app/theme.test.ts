import { describe, expect, it } from 'vitest';
import { parseThemePreference, resolveTheme, toggledPreference } from './theme';

describe('theme rules', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    [null, 'system'],
    ['', 'system'],
    ['sepia', 'system'],
  ])('stored %j reads back as %s', (stored, expected) => {
    expect(parseThemePreference(stored)).toBe(expected);
  });

  it.each([
    ['system', false, 'light'],
    ['system', true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ] as const)('%s on a system that prefers dark=%s gives %s', (preference, prefersDark, theme) => {
    expect(resolveTheme(preference, prefersDark)).toBe(theme);
  });

  it('the toggle picks the other theme explicitly', () => {
    expect(toggledPreference('light')).toBe('dark');
    expect(toggledPreference('dark')).toBe('light');
  });
});
