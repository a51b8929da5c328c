/**
 * A labelled field for a quantity or an amount typed by a person. It keeps the text as a string
 * (see numberInput.ts) and refuses keystrokes that would make it malformed; the core parses it.
 */
import { type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import { Field } from './Field';
import { acceptNumberInput } from './numberInput';

export interface NumberFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type' | 'size' | 'prefix'
> {
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  /** Digits allowed after the point: 0 for quantities, the asset's scale for amounts. */
  maxFractionDigits?: number;
  hint?: ReactNode;
  error?: ReactNode;
  hideLabel?: boolean;
  /** Shown inside the field before the number, e.g. "$" or "USD". */
  prefix?: ReactNode;
  /** Shown inside the field after the number, e.g. "%". */
  suffix?: ReactNode;
  size?: 'md' | 'lg';
  ref?: Ref<HTMLInputElement>;
}

export function NumberField({
  label,
  value,
  onValueChange,
  maxFractionDigits = 0,
  hint,
  error,
  hideLabel,
  prefix,
  suffix,
  size = 'md',
  className,
  id,
  maxLength,
  ref,
  ...rest
}: NumberFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} hideLabel={hideLabel} className={className} id={id}>
      {({ controlId, describedBy, invalid }) => (
        <div className={cx('input-group', size === 'lg' && 'input--lg', invalid && 'is-invalid')}>
          {prefix !== undefined && (
            <span className="input-group__affix" aria-hidden="true">
              {prefix}
            </span>
          )}
          <input
            ref={ref}
            id={controlId}
            type="text"
            inputMode={maxFractionDigits > 0 ? 'decimal' : 'numeric'}
            autoComplete="off"
            className="input input--bare tabular"
            value={value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              const accepted = acceptNumberInput(event.target.value, { maxFractionDigits, maxLength });
              if (accepted !== null) onValueChange(accepted);
            }}
            {...rest}
          />
          {suffix !== undefined && (
            <span className="input-group__affix" aria-hidden="true">
              {suffix}
            </span>
          )}
        </div>
      )}
    </Field>
  );
}
