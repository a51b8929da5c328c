/**
 * The shift slot's default content: whether a shift is open on this till ("Shift 3 open · since
 * 9:02", "Shift 3 closing", "No shift open"), from shifts.current and then shift.updated events.
 */
import { useEffect, useState } from 'react';
import { client } from '../api';
import { type ShiftView } from '../../../shared/api/shifts';
import { StatusPill, useDisplayLocale } from '../ui';
import { formatMoment } from './format';

export function ShiftStatus() {
  const locale = useDisplayLocale();
  // undefined: not known (yet, or the call failed) — the slot then shows nothing.
  const [shift, setShift] = useState<ShiftView | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    client.invoke('shifts.current', {}).then(
      (result) => {
        if (live) setShift(result.shift);
      },
      () => {
        if (live) setShift(undefined);
      },
    );
    const stop = client.on('shift.updated', ({ shift: next }) =>
      setShift(next.status === 'closed' ? null : next),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (shift === undefined) return null;
  if (shift === null) return <StatusPill tone="neutral">No shift open</StatusPill>;
  if (shift.status === 'closing') {
    return (
      <StatusPill tone="warning" pulse>
        Shift {shift.number} closing
      </StatusPill>
    );
  }
  return (
    <StatusPill tone="success">
      Shift {shift.number} open
      <span className="status-pill__extra"> · since {formatMoment(shift.openedAt, locale, new Date())}</span>
    </StatusPill>
  );
}
