/**
 * A round badge with a person's initials, coloured from their id so each staff member keeps the
 * same colour on every till. Decorative: the name next to it is what is read out.
 */
import { cx } from './cx';

export interface AvatarProps {
  initials: string;
  /** Picks the colour (any stable id). */
  seed: string;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}

/** Number of colour slots defined in the stylesheet (.avatar--hue-0 … ). */
export const avatarHueCount = 8;

export function avatarHue(seed: string): number {
  let hash = 0;
  for (let index = 0; index < seed.length; index++) hash = (hash * 31 + seed.charCodeAt(index)) >>> 0;
  return hash % avatarHueCount;
}

export function Avatar({ initials, seed, size = 'md', className }: AvatarProps) {
  return (
    <span
      className={cx('avatar', `avatar--${size}`, `avatar--hue-${avatarHue(seed)}`, className)}
      aria-hidden="true"
    >
      {initials.slice(0, 2).toUpperCase()}
    </span>
  );
}
