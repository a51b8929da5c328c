/**
 * Starts the customer display: the saved theme, the store's remembered name and locale, the event
 * bindings, the counter's sounds (app/sounds), and a check that the till answers (system.info), repeated every few seconds while it
 * does not.
 */
import { client } from '../api';
import { ApiCallError } from '../../../shared/api';
import { parseStoreProfile, storeProfileStorageKey } from '../app/storeProfile';
import { startSounds } from '../app/sounds';
import { startTheme } from '../app/themeStore';
import { setDisplayLocale, setDisplayTimeZone } from '../ui';
import { connectDisplay } from './bindings';
import { dispatchDisplay, displayStore } from './displayStore';

const retryMs = 5_000;

async function checkLink(): Promise<void> {
  try {
    await client.invoke('system.info', {});
    dispatchDisplay({ type: 'link', link: 'connected' });
  } catch (error) {
    const pairing = error instanceof ApiCallError && error.code === 'unauthorized';
    dispatchDisplay({ type: 'link', link: pairing ? 'pairing' : 'unreachable' });
    if (!pairing) setTimeout(() => void checkLink(), retryMs);
  }
}

/** The store's name and locale as the main window last remembered them (same origin only). */
function followRememberedProfile(): void {
  const apply = () => {
    const profile = parseStoreProfile(window.localStorage.getItem(storeProfileStorageKey));
    if (profile)
      dispatchDisplay({
        type: 'store',
        storeName: profile.storeName,
        locale: profile.locale,
        timeZone: profile.timeZone ?? null,
      });
  };
  apply();
  window.addEventListener('storage', (event) => {
    if (event.key === storeProfileStorageKey) apply();
  });
}

export function startDisplay(): void {
  startTheme();
  followRememberedProfile();
  displayStore.subscribe((state, previous) => {
    if (state.locale && state.locale !== previous.locale) setDisplayLocale(state.locale);
    if (state.timeZone !== previous.timeZone) setDisplayTimeZone(state.timeZone);
  });
  const { locale, timeZone } = displayStore.getState();
  if (locale) setDisplayLocale(locale);
  setDisplayTimeZone(timeZone);
  connectDisplay(client, dispatchDisplay);
  startSounds(client);
  void checkLink();
}
