/**
 * A labelled field for an amount of money typed by a person, in the store's locale ("12,50" in
 * de-DE). The text stays exactly as typed; while it cannot be read by the shared money rules
 * (parseMoneyInput, moneyInput.ts) the parser's sentence shows beside the field. The caller turns
 * it into minor units with the same parseMoneyInput when it sends the request; its `error` wins.
 */
import { type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cx } from './cx';
import { Field } from './Field';
import { useDisplayLocale } from './locale';
import { type MoneyInputOptions, parseMoneyInput } from './moneyInput';

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
  /** The locale the text is read in (the store's display locale when absent). */
  locale?: string;
  /** Negative amounts allowed, 0 refused (see parseMoneyInput). */
  readOptions?: MoneyInputOptions;
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
  locale,
  readOptions,
  ...rest
}: MoneyFieldProps) {
  const displayLocale = useDisplayLocale();
  const problem = moneyTextProblem(value, currency, locale ?? displayLocale, readOptions);
  return (
    <Field
      label={label}
      hint={hint}
      error={error ?? problem}
      hideLabel={hideLabel}
      className={className}
      id={id}
    >
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

/** Why the text cannot be read as an amount, or undefined (nothing typed counts as readable). */
function moneyTextProblem(
  text: string,
  currency: string,
  locale: string,
  options: MoneyInputOptions | undefined,
): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    const read = parseMoneyInput(text, currency, locale, options);
    return read.ok ? undefined : read.message;
  } catch {
    return `Amounts are read once the currency (${currency}) is a known one.`;
  }
}
