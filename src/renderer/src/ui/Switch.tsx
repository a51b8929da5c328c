/**
 * An on/off setting ("Track stock", "Tips"): a `role="switch"` button named by its visible label,
 * with an optional hint under it. The whole row is the touch target.
 */
import { type ReactNode, useId } from 'react';
import { cx } from './cx';

export interface SwitchProps {
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  hint?: ReactNode;
  disabled?: boolean;
  className?: string;
}

export function Switch({ label, checked, onCheckedChange, hint, disabled = false, className }: SwitchProps) {
  const id = useId();
  return (
    <div className={cx('switch-row', disabled && 'is-disabled', className)}>
      <button
        id={`${id}-switch`}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        disabled={disabled}
        className={cx('switch', checked && 'is-on')}
        onClick={() => onCheckedChange(!checked)}
      >
        <span className="switch__thumb" aria-hidden="true" />
      </button>
      <div className="switch-row__text">
        <label id={`${id}-label`} htmlFor={`${id}-switch`} className="switch-row__label">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="switch-row__hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
