/**
 * Counting a drawer per denomination: bills and coins as rows of "− count +" with the line's total,
 * and the counted total under them. Each count field is named by its denomination ("Count of $20
 * bills"). The line totals are only for display while typing; the core sums the count it is sent.
 * The count's total is shown by the screen around it, beside its main button. A count field keeps
 * what was typed: text that is not a count ("abc-3.5") stays, is marked invalid with a sentence
 * beside it, and the counter reports it (`onProblemsChange`) so the screen refuses to go on.
 */
import { useEffect, useId, useRef, useState } from 'react';
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
  /** How many count fields hold text that is not a count (0 when all can be read). */
  onProblemsChange?: (problems: number) => void;
}

function CountRow({
  denomination,
  currency,
  count,
  onCount,
  onProblem,
  disabled,
}: {
  denomination: Denomination;
  currency: string;
  count: number;
  onCount: (count: number) => void;
  onProblem: (problem: boolean) => void;
  disabled: boolean;
}) {
  const locale = useDisplayLocale();
  const id = useId();
  const name = denominationName(denomination, currency, locale);
  const piece = denomination.kind === 'note' ? 'bill' : 'coin';
  const [text, setText] = useState(count === 0 ? '' : String(count));
  // The − and + buttons (or a reset) change the count: the text follows unless it already says so.
  useEffect(() => {
    setText((typed) => (parseCountText(typed) === count ? typed : count === 0 ? '' : String(count)));
  }, [count]);
  const unreadable = parseCountText(text) === null;
  useEffect(() => onProblem(unreadable), [unreadable, onProblem]);
  const errorId = `${id}-error`;
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
        value={text}
        disabled={disabled}
        aria-invalid={unreadable || undefined}
        aria-describedby={unreadable ? errorId : undefined}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setText(event.target.value);
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
      {unreadable && (
        <p id={errorId} className="field__error count-row__error">
          A count is a whole number of {piece}s from 0 to {maxPieces.toLocaleString(locale)}, digits only.
        </p>
      )}
    </div>
  );
}

export function CashCounter({
  denominations,
  currency,
  counts,
  onCountsChange,
  disabled = false,
  onProblemsChange,
}: CashCounterProps) {
  const { notes, coins } = countingOrder(denominations);
  const problems = useRef(new Set<string>());
  const reportRef = useRef(onProblemsChange);
  useEffect(() => {
    reportRef.current = onProblemsChange;
  }, [onProblemsChange]);
  const [problemOf] = useState(() => new Map<string, (problem: boolean) => void>());
  const reporterFor = (key: string) => {
    let reporter = problemOf.get(key);
    if (!reporter) {
      reporter = (problem: boolean) => {
        const had = problems.current.has(key);
        if (problem === had) return;
        if (problem) problems.current.add(key);
        else problems.current.delete(key);
        reportRef.current?.(problems.current.size);
      };
      problemOf.set(key, reporter);
    }
    return reporter;
  };
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
            onProblem={reporterFor(denomination.denominationMinor)}
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
