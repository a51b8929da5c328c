/**
 * The locale amounts and dates are shown in, and the time zone times are shown in: the store's,
 * once settings provide them, else the till's default of en-US and the device's zone. A tiny
 * zustand store so every <Money/> and every time re-renders when they change. Times are formatted
 * by the one clock of src/shared/time through app/format.ts, which reads the zone from here.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

export const defaultLocale = 'en-US';

export const localeStore = createStore<{ locale: string; timeZone: string | undefined }>()(() => ({
  locale: defaultLocale,
  timeZone: undefined,
}));

export function setDisplayLocale(locale: string): void {
  localeStore.setState({ locale });
}

/** The store's IANA time zone (settings.timeZone); every time shown follows it. */
export function setDisplayTimeZone(timeZone: string | null | undefined): void {
  localeStore.setState({ timeZone: timeZone || undefined });
}

/** The store's zone now (undefined: the device's own). */
export function displayTimeZone(): string | undefined {
  return localeStore.getState().timeZone;
}

/** The store's locale; a component using it also redraws when the store's time zone changes. */
export function useDisplayLocale(): string {
  useStore(localeStore, (state) => state.timeZone);
  return useStore(localeStore, (state) => state.locale);
}

/** The store's locale and zone, for the shared clock (src/shared/time). */
export function useDisplayClock(): { locale: string; timeZone: string | undefined } {
  const locale = useDisplayLocale();
  const timeZone = useStore(localeStore, (state) => state.timeZone);
  return { locale, timeZone };
}
