/**
 * Locks the till after the store's idle time without a touch, click or key (settings'
 * idleLockMinutes; 0 or unknown never locks). Any use restarts the wait.
 */
import { useEffect, useRef } from 'react';

const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleLock(idleLockMinutes: number | null, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!idleLockMinutes || idleLockMinutes <= 0) return;
    const idleMs = idleLockMinutes * 60_000;
    let timer = setTimeout(() => onIdleRef.current(), idleMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onIdleRef.current(), idleMs);
    };
    for (const name of activityEvents)
      window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, restart, { capture: true });
    };
  }, [idleLockMinutes]);
}
