/**
 * Listens for the app-wide shortcuts (see shortcuts.ts) on the window, in the capture phase so the
 * browser's own meaning of F1–F5 (help, find, reload) never runs. While a dialog is open only the
 * lock shortcut acts; the function keys are still kept from the browser.
 */
import { useEffect, useRef } from 'react';
import { isModalOpen, isTypingTarget } from '../ui';
import { isReservedKey, type ShortcutAction, shortcutFor } from './shortcuts';

export function useGlobalShortcuts(run: (action: ShortcutAction) => void): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  }, [run]);

  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (isReservedKey(event)) event.preventDefault();
      const action = shortcutFor(event, isTypingTarget(event.target));
      if (!action) return;
      if (isModalOpen() && action.kind !== 'lock') return;
      event.preventDefault();
      if (event.repeat) return;
      runRef.current(action);
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}

/** Keeps F1–F5 from the browser on screens without the shell (login, set-up), so none reloads. */
export function useReservedKeys(): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (isReservedKey(event)) event.preventDefault();
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}
