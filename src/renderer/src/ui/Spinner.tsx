/** A small spinning ring for work in progress; announced to screen readers by its label. */
import { cx } from './cx';

export interface SpinnerProps {
  /** Edge length in px. */
  size?: number;
  /** Read out by screen readers; omit when the surrounding control already says it is busy. */
  label?: string;
  className?: string;
}

export function Spinner({ size = 20, label, className }: SpinnerProps) {
  return (
    <span
      className={cx('spinner', className)}
      style={{ width: size, height: size }}
      {...(label ? { role: 'status', 'aria-label': label } : { 'aria-hidden': true })}
    />
  );
}
