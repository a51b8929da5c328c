/**
 * A state with a coloured dot: "OK", "Degraded", "Syncing". The words carry the meaning (the dot
 * is decoration), so it reads the same without colour. `pulse` animates the dot for live states.
 */
import { type HTMLAttributes } from 'react';
import { type Tone } from './Badge';
import { cx } from './cx';

export interface StatusPillProps extends HTMLAttributes<HTMLSpanElement> {
  tone: Tone;
  pulse?: boolean;
}

export function StatusPill({ tone, pulse = false, className, children, ...rest }: StatusPillProps) {
  return (
    <span className={cx('status-pill', `status-pill--${tone}`, className)} {...rest}>
      <span className={cx('status-pill__dot', pulse && 'is-pulsing')} aria-hidden="true" />
      {children}
    </span>
  );
}
