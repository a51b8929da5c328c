/**
 * The start-up flow and the session's life, as a controller over a zustand store: find the core
 * (system.info), ask for pairing when this browser is not trusted, set up the first owner on a new
 * till, restore a session after a reload, log in, lock, log out, and fall back to the login screen
 * when the core says a session ended. It is given its client and storage, so it runs in tests too.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiCallError, type ApiOutput, type TillpointClient } from '../../../shared/api';
import { type CallErrorListener } from '../api/callErrors';
import {
  isSessionEnded,
  parseStoredSession,
  serializeSession,
  sessionStorageKey,
  type StaffSession,
} from './session';
import {
  parseStoreProfile,
  serializeStoreProfile,
  type StoreProfile,
  storeProfileStorageKey,
} from './storeProfile';

export type SystemInfo = ApiOutput<'system.info'>;

export type AppPhase =
  | { kind: 'starting' }
  /** This browser has no valid device token; `reason` says why when a stored one was refused. */
  | { kind: 'pairing'; reason: string | null }
  | { kind: 'unreachable'; message: string }
  | { kind: 'setup' }
  /** `preselectStaffId`: after a Lock, the PIN pad opens for who locked. */
  | { kind: 'login'; preselectStaffId: string | null; notice: string | null }
  | { kind: 'ready' };

export interface AppState {
  phase: AppPhase;
  info: SystemInfo | null;
  staffSession: StaffSession | null;
  /** The store's name once settings provide it; the UI shows "Tillpoint" until then. */
  storeName: string | null;
  /** The store's locale for amounts and times, once settings provide it. */
  locale: string | null;
  /** The store's IANA time zone for every time shown, once settings provide it. */
  timeZone: string | null;
  /** Minutes without use before the till locks itself (0: never), once settings provide it. */
  idleLockMinutes: number | null;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface AppControllerDeps {
  client: TillpointClient;
  /** Where the session survives a reload: sessionStorage in the page. */
  storage: KeyValueStorage;
  /** Where the store's name and locale are remembered for the next visit: localStorage. */
  profileStorage: KeyValueStorage;
  /** Subscribes to every failed call (see api/callErrors.ts). */
  onCallError: (listener: CallErrorListener) => () => void;
  /** Tells the person something happened on their behalf (a toast in the page). */
  notify: (message: string) => void;
}

export interface AppController {
  store: StoreApi<AppState>;
  start(): Promise<void>;
  /** After staff.login or staff.setupOwner succeeded. */
  signedIn(session: StaffSession): void;
  lock(): Promise<void>;
  logout(): Promise<void>;
  setStoreName(name: string | null): void;
  /** Reads the store's settings (name, locale, idle lock) again; needs a session. */
  refreshStoreProfile(): Promise<void>;
  /** Stops listening for failed calls. */
  dispose(): void;
}

export const sessionEndedNotice = 'Your session ended. Log in again to carry on.';

/** What the login screen says after a lock: that the till is locked, and by whom. */
export function lockedNotice(name: string | null): string {
  return name ? `Locked by ${name}. Type your PIN to carry on.` : 'Locked. Type your PIN to carry on.';
}

export function createAppController(deps: AppControllerDeps): AppController {
  const { client, storage, profileStorage } = deps;
  const cachedProfile = (() => {
    try {
      return parseStoreProfile(profileStorage.getItem(storeProfileStorageKey));
    } catch {
      return null;
    }
  })();
  const store = createStore<AppState>()(() => ({
    phase: { kind: 'starting' },
    info: null,
    staffSession: null,
    storeName: cachedProfile?.storeName ?? null,
    locale: cachedProfile?.locale ?? null,
    timeZone: cachedProfile?.timeZone ?? null,
    idleLockMinutes: null,
  }));
  /** True while a lock or log-out is ending the session (its own failures are not "expired"). */
  let ending = false;

  const readStorage = (): StaffSession | null => {
    try {
      return parseStoredSession(storage.getItem(sessionStorageKey));
    } catch {
      return null;
    }
  };
  const writeStorage = (session: StaffSession | null) => {
    try {
      if (session) storage.setItem(sessionStorageKey, serializeSession(session));
      else storage.removeItem(sessionStorageKey);
    } catch {
      // Storage unavailable: the session then lasts until the page reloads.
    }
  };

  const endLocally = (next: AppPhase) => {
    client.setSession(null);
    writeStorage(null);
    store.setState({ staffSession: null, phase: next });
  };

  const applySettings = (settings: {
    storeName: string;
    locale: string;
    timeZone: string;
    idleLockMinutes: number;
  }) => {
    const profile: StoreProfile = {
      storeName: settings.storeName,
      locale: settings.locale,
      timeZone: settings.timeZone,
    };
    store.setState({ ...profile, idleLockMinutes: settings.idleLockMinutes });
    try {
      profileStorage.setItem(storeProfileStorageKey, serializeStoreProfile(profile));
    } catch {
      // Not remembered for next time; this visit still shows it.
    }
  };

  async function refreshStoreProfile(): Promise<void> {
    try {
      const { settings } = await client.invoke('settings.get', {});
      applySettings(settings);
    } catch {
      // The name stays as it was ("Tillpoint" or the remembered one); an ended session is handled
      // by the call-error listener, anything else is not worth interrupting a sale for.
    }
  }

  const unreachable = (error: unknown) =>
    store.setState({
      phase: {
        kind: 'unreachable',
        message: error instanceof Error && error.message ? error.message : 'The till cannot be reached.',
      },
    });

  async function start(): Promise<void> {
    store.setState({ phase: { kind: 'starting' } });
    let info: SystemInfo;
    try {
      info = await client.invoke('system.info', {});
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'unauthorized') {
        // pairingRequired: not signed in (its notice says why a login link was refused, if one was);
        // otherwise the host refused the pairing token this browser kept.
        const details = error.details as { pairingRequired?: unknown; notice?: unknown } | undefined;
        const notice = typeof details?.notice === 'string' ? details.notice : null;
        store.setState({
          phase: {
            kind: 'pairing',
            reason: details?.pairingRequired === true ? notice : 'The saved pairing token was not accepted.',
          },
        });
      } else {
        unreachable(error);
      }
      return;
    }
    store.setState({ info });

    let needsSetup: boolean;
    try {
      needsSetup = (await client.invoke('staff.status', {})).needsSetup;
    } catch (error) {
      unreachable(error);
      return;
    }
    if (needsSetup) {
      endLocally({ kind: 'setup' });
      return;
    }

    const stored = readStorage();
    if (!stored) {
      endLocally({ kind: 'login', preselectStaffId: null, notice: null });
      return;
    }
    client.setSession(stored.session);
    try {
      const me = await client.invoke('staff.me', {});
      const restored: StaffSession = { session: stored.session, staff: me.staff, expiresAt: me.expiresAt };
      writeStorage(restored);
      store.setState({ staffSession: restored, phase: { kind: 'ready' } });
      void refreshStoreProfile();
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'unauthorized') {
        endLocally({ kind: 'login', preselectStaffId: stored.staff.staffId, notice: sessionEndedNotice });
      } else {
        client.setSession(null);
        unreachable(error);
      }
    }
  }

  function signedIn(session: StaffSession): void {
    client.setSession(session.session);
    writeStorage(session);
    store.setState({ staffSession: session, phase: { kind: 'ready' } });
    void refreshStoreProfile();
  }

  async function endSession(handler: 'staff.lock' | 'staff.logout', next: AppPhase): Promise<void> {
    if (!store.getState().staffSession) {
      store.setState({ phase: next });
      return;
    }
    ending = true;
    try {
      await client.invoke(handler, {});
    } catch (error) {
      // An ended session is what we wanted; anything else is worth saying, but the till locks anyway.
      if (!(error instanceof ApiCallError && error.code === 'unauthorized')) {
        deps.notify(
          `The session ended on this screen, but the till could not be told: ${error instanceof Error ? error.message : 'unknown error'}`,
        );
      }
    } finally {
      ending = false;
      endLocally(next);
    }
  }

  const stopListening = deps.onCallError((failure) => {
    const { phase, staffSession } = store.getState();
    if (ending || phase.kind !== 'ready') return;
    if (!isSessionEnded(failure, staffSession?.session ?? null)) return;
    endLocally({ kind: 'login', preselectStaffId: staffSession?.staff.staffId ?? null, notice: null });
    deps.notify(sessionEndedNotice);
  });

  const stopSettings = client.on('settings.updated', (payload) => applySettings(payload.settings));

  return {
    store,
    start,
    signedIn,
    lock: () =>
      endSession('staff.lock', {
        kind: 'login',
        preselectStaffId: store.getState().staffSession?.staff.staffId ?? null,
        notice: lockedNotice(store.getState().staffSession?.staff.name ?? null),
      }),
    logout: () => endSession('staff.logout', { kind: 'login', preselectStaffId: null, notice: null }),
    setStoreName: (name) => store.setState({ storeName: name && name.trim() ? name.trim() : null }),
    refreshStoreProfile,
    dispose: () => {
      stopListening();
      stopSettings();
    },
  };
}
