/**
 * The frame every form control sits in: a visible label tied to the control, an optional hint,
 * and an error text that the control points to with aria-describedby and aria-invalid.
 */
import { type ReactNode, useId } from 'react';
import { cx } from './cx';

export interface FieldIds {
  controlId: string;
  describedBy: string | undefined;
  invalid: boolean;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  /** Hides the label visually (it is still the control's name). */
  hideLabel?: boolean;
  className?: string;
  id?: string;
  children: (ids: FieldIds) => ReactNode;
}

export function Field({ label, hint, error, hideLabel = false, className, id, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  // The error, when there is one, takes the hint's place (and its role as the description).
  const errorId = error ? `${controlId}-error` : undefined;
  const hintId = hint && !error ? `${controlId}-hint` : undefined;
  const describedBy = errorId ?? hintId;
  return (
    <div className={cx('field', Boolean(error) && 'field--invalid', className)}>
      <label htmlFor={controlId} className={cx('field__label', hideLabel && 'visually-hidden')}>
        {label}
      </label>
      {children({ controlId, describedBy, invalid: Boolean(error) })}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
