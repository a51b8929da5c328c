/**
 * Counting a drawer per denomination: bills and coins as rows of "− count +" with the line's total,
 * and the counted total under them. Each count field is named by its denomination ("Count of $20
 * bills"). The line totals are only for display while typing; the core sums the count it is sent.
 * The count's total is shown by the screen around it, beside its main button.
 */
import { useId } from 'react';
import { IconButton, MinusIcon, Money, PlusIcon, useDisplayLocale } from '../../ui';
import {
  countFieldLabel,
  countingOrder,
  type Counts,
  type Denomination,
  denominationName,
  lineTotalMinor,
  maxPieces,
  parseCountText,
  withCount,
} from './cashCount';

export interface CashCounterProps {
  denominations: readonly Denomination[];
  currency: string;
  counts: Counts;
  onCountsChange: (counts: Counts) => void;
  disabled?: boolean;
}

function CountRow({
  denomination,
  currency,
  count,
  onCount,
  disabled,
}: {
  denomination: Denomination;
  currency: string;
  count: number;
  onCount: (count: number) => void;
  disabled: boolean;
}) {
  const locale = useDisplayLocale();
  const id = useId();
  const name = denominationName(denomination, currency, locale);
  const piece = denomination.kind === 'note' ? 'bill' : 'coin';
  return (
    <div className="count-row">
      <label className="count-row__name" htmlFor={id}>
        <span className={`count-row__chip count-row__chip--${denomination.kind}`}>{name}</span>
      </label>
      <IconButton
        label={`One ${name} ${piece} less`}
        icon={<MinusIcon size={22} />}
        variant="secondary"
        disabled={disabled || count <= 0}
        onClick={() => onCount(count - 1)}
      />
      <input
        id={id}
        className="input count-row__input tabular"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="0"
        aria-label={countFieldLabel(denomination, currency, locale)}
        value={count === 0 ? '' : String(count)}
        disabled={disabled}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          const parsed = parseCountText(event.target.value);
          if (parsed !== null) onCount(parsed);
        }}
      />
      <IconButton
        label={`One ${name} ${piece} more`}
        icon={<PlusIcon size={22} />}
        variant="secondary"
        disabled={disabled || count >= maxPieces}
        onClick={() => onCount(count + 1)}
      />
      <span className="count-row__total">
        <Money
          value={{
            amount: lineTotalMinor(denomination.denominationMinor, count).toString(),
            asset: currency,
          }}
        />
      </span>
    </div>
  );
}

export function CashCounter({
  denominations,
  currency,
  counts,
  onCountsChange,
  disabled = false,
}: CashCounterProps) {
  const { notes, coins } = countingOrder(denominations);
  const group = (title: string, list: Denomination[]) =>
    list.length > 0 && (
      <fieldset className="count-group">
        <legend className="count-group__title">{title}</legend>
        {list.map((denomination) => (
          <CountRow
            key={denomination.denominationMinor}
            denomination={denomination}
            currency={currency}
            count={counts[denomination.denominationMinor] ?? 0}
            disabled={disabled}
            onCount={(count) => onCountsChange(withCount(counts, denomination.denominationMinor, count))}
          />
        ))}
      </fieldset>
    );
  return (
    <div className="cash-counter">
      <div className="cash-counter__groups">
        {group('Bills', notes)}
        {group('Coins', coins)}
      </div>
    </div>
  );
}
