/**
 * A labelled field for a number typed by a person. It keeps the text exactly as typed (never
 * rewritten: "1.5" stays "1.5") and says beside the field when it cannot read it — by the caller's
 * `problemOf`, else by the digit rules of numberInput.ts. The caller's `error` wins when given.
 */
import { type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import { Field } from './Field';
import { numberTextProblem } from './numberInput';

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
  /** Why the text cannot be read (a sentence), or null; replaces the default digit rules. */
  problemOf?: (text: string) => string | null;
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
  problemOf,
  ...rest
}: NumberFieldProps) {
  const problem = problemOf ? problemOf(value) : numberTextProblem(value, { maxFractionDigits, maxLength });
  return (
    <Field
      label={label}
      hint={hint}
      error={error ?? problem ?? undefined}
      hideLabel={hideLabel}
      className={className}
      id={id}
    >
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
            spellCheck={false}
            onChange={(event) => onValueChange(event.target.value)}
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
