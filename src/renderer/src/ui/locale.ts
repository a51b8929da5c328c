/**
 * The locale amounts and dates are shown in: the store's, once settings provide it, else the
 * till's default of en-US. A tiny zustand store so every <Money/> re-renders when it changes.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export const defaultLocale = 'en-US';

export const localeStore = createStore<{ locale: string }>()(() => ({ locale: defaultLocale }));

export function setDisplayLocale(locale: string): void {
  localeStore.setState({ locale });
}

export function useDisplayLocale(): string {
  return useStore(localeStore, (state) => state.locale);
}
