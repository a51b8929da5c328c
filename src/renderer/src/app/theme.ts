/**
 * The rules of theming, pure: the three choices a person has (follow the system, light, dark),
 * how a stored choice is read back, and which theme a choice gives on a given system.
 */
export const themePreferences = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof themePreferences)[number];
export type Theme = 'light' | 'dark';

export const themeStorageKey = 'tillpoint.theme';

/** A stored value that is missing or unknown means "follow the system". */
export function parseThemePreference(stored: string | null | undefined): ThemePreference {
  return themePreferences.find((choice) => choice === stored) ?? 'system';
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

/** The top bar's toggle: flips what is shown now, which makes the choice explicit. */
export function toggledPreference(current: Theme): ThemePreference {
  return current === 'dark' ? 'light' : 'dark';
}
