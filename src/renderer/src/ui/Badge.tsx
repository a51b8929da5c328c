/** A small label for a state or a category ("Demo", "Owner", "Paid"), in one of six tones. */
import { type HTMLAttributes } from 'react';
import { cx } from './cx';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'demo';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: Tone;
}

export function Badge({ tone = 'neutral', className, ...rest }: BadgeProps) {
  return <span className={cx('badge', `badge--${tone}`, className)} {...rest} />;
}
