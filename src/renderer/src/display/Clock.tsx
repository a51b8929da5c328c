/**
 * The display's clock: the time, large, and the date under it, in the store's locale and time zone
 * (the one clock of src/shared/time).
 */
import { formatLongDay, formatTimeOfDay } from '../../../shared/time';
import { useDisplayClock } from '../ui';
import { useNow } from './useNow';

export function Clock() {
  const now = useNow('minute');
  const clock = useDisplayClock();
  return (
    <div className="display-clock">
      <time className="display-clock__time" dateTime={now.toISOString()}>
        {formatTimeOfDay(now, clock)}
      </time>
      <span className="display-clock__date">{formatLongDay(now, clock)}</span>
    </div>
  );
}
