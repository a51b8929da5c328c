/**
 * A labelled field for an amount of money typed by a person, in the store's locale ("12,50" in
 * de-DE). The text stays a string; the caller turns it into minor units with parseMoneyInput
 * (moneyInput.ts) when it sends the request, and shows the parser's sentence as the error.
 */
import { type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import { Field } from './Field';

export interface MoneyFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type' | 'size' | 'prefix'
> {
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  /** The currency code, shown after the number ("USD"). */
  currency: string;
  hint?: ReactNode;
  error?: ReactNode;
  hideLabel?: boolean;
  size?: 'md' | 'lg';
  ref?: Ref<HTMLInputElement>;
}

export function MoneyField({
  label,
  value,
  onValueChange,
  currency,
  hint,
  error,
  hideLabel,
  size = 'md',
  className,
  id,
  ref,
  ...rest
}: MoneyFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} hideLabel={hideLabel} className={className} id={id}>
      {({ controlId, describedBy, invalid }) => (
        <div className={cx('input-group', size === 'lg' && 'input--lg', invalid && 'is-invalid')}>
          <input
            ref={ref}
            id={controlId}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            className="input input--bare tabular"
            value={value}
            maxLength={32}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => onValueChange(event.target.value)}
            {...rest}
          />
          <span className="input-group__affix" aria-hidden="true">
            {currency}
          </span>
        </div>
      )}
    </Field>
  );
}
