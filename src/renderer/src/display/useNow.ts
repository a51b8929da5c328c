/** The current time, refreshed on each new minute (or second), for clocks and countdowns. */
import { useEffect, useState } from 'react';

export function useNow(unit: 'second' | 'minute' = 'minute'): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const stepMs = unit === 'second' ? 1_000 : 60_000;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      // Wake just after the next boundary, so the clock turns with the real minute.
      const waitMs = stepMs - (Date.now() % stepMs) + 20;
      timer = setTimeout(() => {
        setNow(new Date());
        schedule();
      }, waitMs);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [unit]);
  return now;
}
