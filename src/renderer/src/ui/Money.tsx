/**
 * Shows an amount the core returned, `{ amount, asset }`, in the store's locale with tabular
 * numerals so columns of figures line up. Negative amounts get the danger colour when `signed`.
 */
import { type HTMLAttributes } from 'react';
import { cx } from './cx';
import { formatAmount, type MoneyValue } from './formatAmount';
import { useDisplayLocale } from './locale';

export interface MoneyProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  value: MoneyValue;
  /** md = body text, lg = a line total, xl = a sale total, display = the customer display. */
  size?: 'sm' | 'md' | 'lg' | 'xl' | 'display';
  /** Colours negative amounts (refunds, differences) as such. */
  signed?: boolean;
  /** Overrides the store's locale. */
  locale?: string;
}

export function Money({ value, size = 'md', signed = false, locale, className, ...rest }: MoneyProps) {
  const storeLocale = useDisplayLocale();
  const formatted = formatAmount(value, locale ?? storeLocale);
  const negative = value.amount.startsWith('-');
  return (
    <span
      className={cx('money', `money--${size}`, signed && negative && 'money--negative', className)}
      title={formatted.ok ? undefined : formatted.reason}
      {...rest}
    >
      {formatted.text}
    </span>
  );
}
