/**
 * The button: four variants (primary, secondary, danger, ghost) and three sizes whose smallest is
 * still a 48 px touch target. While `loading`, it shows a spinner, says it is busy and ignores taps.
 */
import { type ButtonHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
/** md = 48 px, lg = 56–64 px for the main action of a screen, xl = 76 px for the till's pay button. */
export type ButtonSize = 'md' | 'lg' | 'xl';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  loading?: boolean;
  /** An icon before the label (decorative). */
  icon?: ReactNode;
  /** Fills the width of its container. */
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  loading = false,
  icon,
  block = false,
  type = 'button',
  disabled,
  className,
  children,
  ref,
  ...rest
}: ButtonProps) {
  return (
    <button
      ref={ref}
      type={type}
      className={cx(
        'btn',
        `btn--${variant}`,
        `btn--${size}`,
        block && 'btn--block',
        loading && 'is-loading',
        className,
      )}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <Spinner size={size === 'md' ? 18 : 22} /> : icon}
      {children !== undefined && children !== null && <span className="btn__label">{children}</span>}
    </button>
  );
}
