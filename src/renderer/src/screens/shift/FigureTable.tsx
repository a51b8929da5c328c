/**
 * One section of shift figures (the drawer, sales, taxes, tenders...) as a small table: label,
 * count when there is one, and the amount as the core returned it, with + / − for the way it moved.
 */
import { Money } from '../../ui';
import { type ZRow, type ZSection } from './zReportModel';
import './zreport.css';

function Amount({ row, currency }: { row: ZRow; currency: string }) {
  if (row.amountMinor === undefined) return row.text ?? null;
  return (
    <>
      {row.sign && (
        <span className="figures__sign" aria-hidden="true">
          {row.sign}
        </span>
      )}
      <Money value={{ amount: row.amountMinor, asset: currency }} data-testid={row.testId} />
    </>
  );
}

export function FigureTable({ section, currency }: { section: ZSection; currency: string }) {
  const hasCounts = section.rows.some((row) => row.count !== undefined && row.amountMinor !== undefined);
  return (
    <section className="figures" aria-labelledby={`figures-${section.id}`}>
      <h3 id={`figures-${section.id}`} className="figures__title">
        {section.title}
      </h3>
      {section.rows.length === 0 ? (
        <p className="figures__empty">{section.empty ?? 'Nothing to show.'}</p>
      ) : (
        <table className="figures__table">
          {hasCounts && (
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Item</span>
                </th>
                <th scope="col" className="figures__count">
                  Count
                </th>
                <th scope="col" className="figures__amount">
                  Amount
                </th>
              </tr>
            </thead>
          )}
          <tbody>
            {section.rows.map((row, index) => {
              const countOnly = row.count !== undefined && row.amountMinor === undefined;
              return (
                <tr key={`${row.label}-${index}`} className={row.strong ? 'is-strong' : undefined}>
                  <th scope="row">{row.label}</th>
                  {hasCounts && <td className="figures__count">{countOnly ? '' : row.count}</td>}
                  <td className="figures__amount">
                    {countOnly ? (
                      <span className="tabular">{row.count}</span>
                    ) : (
                      <Amount row={row} currency={currency} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
