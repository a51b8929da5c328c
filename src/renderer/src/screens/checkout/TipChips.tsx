/** The tip row of the cart: no tip, the store's presets (a percent of the order before tax), or a custom tip. */
import { cx } from '../../ui';
import { tipChoiceOf, trimPercent } from './cartView';
import { type Tip } from './types';

export interface TipChipsProps {
  tip: Tip | null;
  presetsPercent: readonly string[];
  onTip: (tip: Tip | null) => void;
  onCustom: () => void;
}

export function TipChips({ tip, presetsPercent, onTip, onCustom }: TipChipsProps) {
  const choice = tipChoiceOf(tip, presetsPercent);
  const chip = (key: string, label: string, onClick: () => void, name?: string) => (
    <button
      key={key}
      type="button"
      className={cx('choice-chip choice-chip--compact', choice === key && 'is-selected')}
      aria-pressed={choice === key}
      aria-label={name}
      onClick={onClick}
    >
      {label}
    </button>
  );
  return (
    <div className="tip-row" role="group" aria-label="Tip">
      <span className="tip-row__label" aria-hidden="true">
        Tip
      </span>
      <div className="tip-row__chips">
        {chip('none', 'None', () => onTip(null), 'No tip')}
        {presetsPercent.map((percent) =>
          chip(
            percent,
            `${trimPercent(percent)}%`,
            () => onTip({ kind: 'percent', percent, base: 'pre_tax' }),
            `Tip ${trimPercent(percent)}%`,
          ),
        )}
        {chip('custom', 'Custom', onCustom, 'Custom tip')}
      </div>
    </div>
  );
}
