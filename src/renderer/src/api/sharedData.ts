/**
 * The store settings and the till's current shift, read once for the whole page and shared by every
 * screen that shows them (one store, not a fetch per screen): loaded when a screen first asks, read
 * again (keeping what is shown) whenever a screen mounts, and kept up to date by the core's
 * settings.updated and shift.updated events.
 */
import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { type StoreSettings } from '../../../shared/api/settings';
import { type ShiftView } from '../../../shared/api/shifts';
import { errorMessage } from '../ui/errorMessage';
import { client } from './index';

export type Loadable<T> =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; value: T };

interface SharedData {
  settings: Loadable<StoreSettings>;
  shift: Loadable<ShiftView | null>;
  /** This till's id (settings.get), to name it by settings.tillName where an id shows; null until read. */
  tillId: string | null;
}

export const sharedDataStore = createStore<SharedData>()(() => ({
  settings: { kind: 'loading' },
  shift: { kind: 'loading' },
  tillId: null,
}));

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  client.on('settings.updated', ({ settings }) =>
    sharedDataStore.setState({ settings: { kind: 'loaded', value: settings } }),
  );
  client.on('shift.updated', ({ shift }) =>
    sharedDataStore.setState({ shift: { kind: 'loaded', value: shift.status === 'closed' ? null : shift } }),
  );
}

/** Reads the settings again; what is shown stays until the answer (an error replaces it). */
export function reloadSettings(): void {
  listen();
  client.invoke('settings.get', {}).then(
    (result) =>
      sharedDataStore.setState({
        settings: { kind: 'loaded', value: result.settings },
        tillId: result.tillId,
      }),
    (error: unknown) =>
      sharedDataStore.setState({ settings: { kind: 'error', message: errorMessage(error) } }),
  );
}

/** Reads the current shift again. */
export function reloadShift(): void {
  listen();
  client.invoke('shifts.current', {}).then(
    (result) => sharedDataStore.setState({ shift: { kind: 'loaded', value: result.shift } }),
    (error: unknown) => sharedDataStore.setState({ shift: { kind: 'error', message: errorMessage(error) } }),
  );
}

/** The store settings, shared; read again when the calling screen mounts. */
export function useStoreSettings(): { settings: Loadable<StoreSettings>; reload: () => void } {
  useEffect(() => reloadSettings(), []);
  return { settings: useStore(sharedDataStore, (state) => state.settings), reload: reloadSettings };
}

/** The till's open or closing shift (null when none), shared; read again when the screen mounts. */
export function useCurrentShift(): { shift: Loadable<ShiftView | null>; reload: () => void } {
  useEffect(() => reloadShift(), []);
  return { shift: useStore(sharedDataStore, (state) => state.shift), reload: reloadShift };
}

/** This till's id, once the shared settings have been read (null before). */
export function useTillId(): string | null {
  return useStore(sharedDataStore, (state) => state.tillId);
}
