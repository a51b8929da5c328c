/**
 * The app shell and its flow: start-up (splash, pairing, first-run set-up, login), the logged-in
 * shell (top bar, navigation, keyboard shortcuts), the router, the theme, and the status slots
 * other parts of the app fill. Screens use `navigate`/`useRoute`, `app.lock()`/`app.logout()`,
 * `useAppState`, `setStatusSlot` and `app.setStoreName` from here.
 */
export { App } from './App';
export { type AppPhase, type AppState, createAppController, type SystemInfo } from './appController';
export { formatDuration, formatMoment, initialsOf, roleLabels } from './format';
export { app, useAppState } from './instance';
export { navigate, routerStore, useRoute, useRoutingMode } from './router';
export {
  canUseSection,
  hrefFor,
  parseRoutePath,
  type Route,
  routePath,
  type Section,
  sectionLabels,
  sections,
  sectionsFor,
} from './routes';
export { isSessionEnded, type StaffCard, type StaffIdentity, type StaffSession } from './session';
export { ShiftStatus } from './ShiftStatus';
export { shortcutFor, shortcutHelp } from './shortcuts';
export { setStatusSlot, type StatusSlotName } from './statusSlots';
export { startApp } from './start';
export { useCan } from './useCan';
export { parseStoreProfile, type StoreProfile, storeProfileStorageKey } from './storeProfile';
export { resolveTheme, type Theme, type ThemePreference } from './theme';
export { setThemePreference, startTheme, themeStore, useTheme } from './themeStore';
