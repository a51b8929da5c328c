/**
 * A discount or tip as people give it: an amount of money or a percent, with a few common percents
 * one tap away. The text stays as typed; a sentence beside it says when it cannot be used (the
 * core's percent schema, the shared money rules); the caller turns it into what the API takes.
 */
import { assetScale } from '../../../../shared/money';
import { cx, NumberField, SegmentedControl } from '../../ui';
import { discountTextProblem, trimPercent } from './cartView';

export type AmountOrPercent = 'amount' | 'percent';

export interface AmountOrPercentFieldProps {
  label: string;
  kind: AmountOrPercent;
  onKindChange: (kind: AmountOrPercent) => void;
  text: string;
  onTextChange: (text: string) => void;
  currency: string;
  quickPercents?: readonly string[];
  error?: string | null;
  hint?: string;
}

export function AmountOrPercentField({
  label,
  kind,
  onKindChange,
  text,
  onTextChange,
  currency,
  quickPercents = [],
  error,
  hint,
}: AmountOrPercentFieldProps) {
  return (
    <div className="amount-or-percent">
      <SegmentedControl<AmountOrPercent>
        label={`${label} as`}
        value={kind}
        onValueChange={(next) => {
          onKindChange(next);
          onTextChange('');
        }}
        options={[
          { value: 'percent', label: 'Percent' },
          { value: 'amount', label: `Amount (${currency})` },
        ]}
      />
      <NumberField
        label={label}
        value={text}
        onValueChange={onTextChange}
        maxFractionDigits={kind === 'percent' ? 6 : assetScale(currency)}
        maxLength={kind === 'percent' ? 10 : 14}
        suffix={kind === 'percent' ? '%' : currency}
        size="lg"
        error={error ?? undefined}
        problemOf={(typed) => discountTextProblem(kind, typed, currency)}
        hint={hint}
      />
      {kind === 'percent' && quickPercents.length > 0 && (
        <div className="amount-or-percent__quick" role="group" aria-label="Common percents">
          {quickPercents.map((percent) => (
            <button
              key={percent}
              type="button"
              className={cx(
                'choice-chip choice-chip--compact',
                trimPercent(text) === percent && 'is-selected',
              )}
              onClick={() => onTextChange(percent)}
            >
              {percent}%
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
