/**
 * Lets an on-screen keypad be driven by the physical keyboard: a window key listener that stands
 * back while someone types in a text field, while a modifier is held, and while a dialog the
 * keypad is not inside is open.
 */
import { type RefObject, useEffect, useRef } from 'react';
import { isModalOpen } from './focus';
import { isTypingTarget } from './keypadInput';

export function useKeyboardKeys(
  rootRef: RefObject<HTMLElement | null>,
  enabled: boolean,
  onKey: (event: KeyboardEvent) => boolean,
): void {
  const handlerRef = useRef(onKey);
  useEffect(() => {
    handlerRef.current = onKey;
  }, [onKey]);

  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      const root = rootRef.current;
      if (!root || !root.isConnected) return;
      if (isModalOpen() && !root.closest('[role="dialog"]')) return;
      if (handlerRef.current(event)) event.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled, rootRef]);
}
