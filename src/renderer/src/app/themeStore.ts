/**
 * The theme in the page: a zustand store of the person's choice and the theme it gives, kept on
 * <html data-theme>, saved in localStorage, and following prefers-color-scheme while the choice
 * is "system". Call `startTheme()` once before the first render so the page never flashes.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  parseThemePreference,
  resolveTheme,
  type Theme,
  type ThemePreference,
  themeStorageKey,
} from './theme';

interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
}

export const themeStore = createStore<ThemeState>()(() => ({ preference: 'system', theme: 'light' }));

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

function readStoredPreference(): ThemePreference {
  try {
    return parseThemePreference(window.localStorage.getItem(themeStorageKey));
  } catch {
    return 'system';
  }
}

function apply(preference: ThemePreference): void {
  const theme = resolveTheme(preference, systemPrefersDark());
  document.documentElement.dataset.theme = theme;
  themeStore.setState({ preference, theme });
}

export function setThemePreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') window.localStorage.removeItem(themeStorageKey);
    else window.localStorage.setItem(themeStorageKey, preference);
  } catch {
    // Storage can be unavailable (private mode, quota): the choice then lasts for this page only.
  }
  apply(preference);
}

/** Applies the saved choice and follows the system and other windows; returns the unsubscribe. */
export function startTheme(): () => void {
  apply(readStoredPreference());
  const media =
    typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const onSystemChange = () => {
    if (themeStore.getState().preference === 'system') apply('system');
  };
  // Another window of the app (the customer display, a second tab) changed the choice.
  const onStorage = (event: StorageEvent) => {
    if (event.key === themeStorageKey || event.key === null) apply(readStoredPreference());
  };
  media?.addEventListener('change', onSystemChange);
  window.addEventListener('storage', onStorage);
  return () => {
    media?.removeEventListener('change', onSystemChange);
    window.removeEventListener('storage', onStorage);
  };
}

export function useTheme(): ThemeState {
  const preference = useStore(themeStore, (state) => state.preference);
  const theme = useStore(themeStore, (state) => state.theme);
  return { preference, theme };
}
