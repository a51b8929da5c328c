/**
 * The shift slot's default content: whether a shift is open on this till ("Shift 3 open · since
 * 9:02", "Shift 3 closing", "No shift open"), from the page's shared shift (api/sharedData.ts).
 */
import { useCurrentShift } from '../api/sharedData';
import { StatusPill, useDisplayLocale } from '../ui';
import { formatMoment } from './format';

export function ShiftStatus() {
  const locale = useDisplayLocale();
  // From the page's shared store; not known (yet, or the call failed): the slot shows nothing.
  const current = useCurrentShift().shift;
  const shift = current.kind === 'loaded' ? current.value : undefined;

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
