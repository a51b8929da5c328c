/** The summary of the period as figures, each with its change from the previous period when compared. */
import { type ReportOutput, type SalesSummary } from '../../../../shared/api/reports';
import { cx, Money } from '../../ui';
import { changePercent } from './reportModel';

const figures: { key: keyof SalesSummary; label: string; money: boolean }[] = [
  { key: 'netMinor', label: 'Net sales', money: true },
  { key: 'orders', label: 'Orders', money: false },
  { key: 'averageOrderMinor', label: 'Average order', money: true },
  { key: 'grossMinor', label: 'Gross sales', money: true },
  { key: 'discountsMinor', label: 'Discounts', money: true },
  { key: 'refundsMinor', label: 'Refunds', money: true },
  { key: 'taxMinor', label: 'Tax', money: true },
  { key: 'tipsMinor', label: 'Tips', money: true },
  { key: 'collectedMinor', label: 'Collected', money: true },
];

export function SummaryFigures({ report }: { report: ReportOutput }) {
  const previous = report.previousSummary;
  return (
    <dl className="reports-figures" aria-label="Summary">
      {figures.map((figure) => {
        const value = report.summary[figure.key];
        const change = previous ? changePercent(value, previous[figure.key]) : null;
        return (
          <div key={figure.key} className="reports-figure" data-figure={figure.key}>
            <dt className="reports-figure__label">{figure.label}</dt>
            <dd className="reports-figure__value">
              {figure.money ? (
                <Money value={{ amount: String(value), asset: report.currency }} size="lg" />
              ) : (
                <span className="tabular">{Number(value).toLocaleString()}</span>
              )}
            </dd>
            {previous && (
              <dd
                className={cx(
                  'reports-figure__change',
                  change !== null && (change >= 0 ? 'is-up' : 'is-down'),
                )}
              >
                {change === null ? 'no sales before' : `${change >= 0 ? '+' : ''}${change}% vs previous`}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
