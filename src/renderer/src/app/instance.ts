/**
 * The page's one app controller, wired to the real client, the page's storage and the toasts,
 * plus the hook screens use to read its state. The store's locale flows on to every <Money/>,
 * its time zone to every time shown.
 */
import { useStore } from 'zustand';
import { client, onCallError } from '../api';
import { setDisplayLocale, setDisplayTimeZone, toast } from '../ui';
import { type AppState, createAppController } from './appController';
import { navigate } from './router';
import { defaultSection, sectionsFor } from './routes';

export const app = createAppController({
  client,
  storage: window.sessionStorage,
  profileStorage: window.localStorage,
  onCallError,
  notify: (message) => toast.info(message),
});

const followLocale = (locale: string | null) => {
  if (locale) setDisplayLocale(locale);
};
followLocale(app.store.getState().locale);
setDisplayTimeZone(app.store.getState().timeZone);
app.store.subscribe((state, previous) => {
  if (state.locale !== previous.locale) followLocale(state.locale);
  if (state.timeZone !== previous.timeZone) setDisplayTimeZone(state.timeZone);
});

// A different member logging in lands on their home section, not on the page the last one left.
let lastStaffId = app.store.getState().staffSession?.staff.staffId ?? null;
app.store.subscribe((state, previous) => {
  const session = state.staffSession;
  if (!session || session === previous.staffSession) return;
  if (lastStaffId !== null && session.staff.staffId !== lastStaffId) {
    navigate(sectionsFor(session.staff.role)[0] ?? defaultSection, { replace: true });
  }
  lastStaffId = session.staff.staffId;
});

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(app.store, selector);
}
