/**
 * A square button that shows only an icon. Its `label` is required: it is the accessible name and
 * the tooltip, so the control is never nameless.
 */
import { type ButtonHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import { Spinner } from './Spinner';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  label: string;
  icon: ReactNode;
  variant?: 'secondary' | 'ghost' | 'primary' | 'danger';
  /** md = 48 px square, lg = 56 px. */
  size?: 'md' | 'lg';
  loading?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function IconButton({
  label,
  icon,
  variant = 'ghost',
  size = 'md',
  loading = false,
  type = 'button',
  disabled,
  className,
  title,
  ref,
  ...rest
}: IconButtonProps) {
  return (
    <button
      ref={ref}
      type={type}
      aria-label={label}
      title={title ?? label}
      className={cx('icon-btn', `btn--${variant}`, `icon-btn--${size}`, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <Spinner size={20} /> : icon}
    </button>
  );
}
