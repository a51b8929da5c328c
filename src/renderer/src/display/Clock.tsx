/** The display's clock: the time, large, and the date under it, in the store's locale. */
import { useDisplayLocale } from '../ui';
import { useNow } from './useNow';

export function Clock() {
  const now = useNow('minute');
  const locale = useDisplayLocale();
  return (
    <div className="display-clock">
      <time className="display-clock__time" dateTime={now.toISOString()}>
        {new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(now)}
      </time>
      <span className="display-clock__date">
        {new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric' }).format(now)}
      </span>
    </div>
  );
}
