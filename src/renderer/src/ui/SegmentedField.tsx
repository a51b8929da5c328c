/**
 * A segmented choice laid out as a form field: a visible label above it, an optional hint under
 * it. The visible label is decorative (aria-hidden); the radiogroup is named by `label`, which may
 * say more than the short visible one ("Prices" shown, "Tax mode" read).
 */
import { type ReactNode } from 'react';
import { cx } from './cx';
import { SegmentedControl, type SegmentedControlProps } from './SegmentedControl';

export interface SegmentedFieldProps<V extends string> extends SegmentedControlProps<V> {
  /** The label shown above the choices (default: `label`). */
  visibleLabel?: ReactNode;
  hint?: ReactNode;
}

export function SegmentedField<V extends string>({
  visibleLabel,
  hint,
  className,
  label,
  ...control
}: SegmentedFieldProps<V>) {
  return (
    <div className={cx('field', className)}>
      <span className="field__label" aria-hidden="true">
        {visibleLabel ?? label}
      </span>
      <SegmentedControl label={label} {...control} />
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}
