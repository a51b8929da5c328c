/**
 * One report table: columns from the core, sortable by tapping a header (again: the other way), the
 * totals row the core sent (equal to the summary), money in the store's locale, and a day that opens
 * its orders when the table is by day.
 */
import { useMemo, useState } from 'react';
import { type ReportCell, type ReportColumn, type ReportTable } from '../../../../shared/api/reports';
import { cx, Money } from '../../ui';
import { sortRows, type SortDirection } from './reportModel';

export interface ReportTableViewProps {
  table: ReportTable;
  currency: string;
  onDay?: (day: string) => void;
}

function Cell({
  column,
  value,
  currency,
}: {
  column: ReportColumn;
  value: ReportCell | undefined;
  currency: string;
}) {
  if (value === null || value === undefined) return <span className="reports-table__none">—</span>;
  if (column.kind === 'money') return <Money value={{ amount: String(value), asset: currency }} signed />;
  if (column.kind === 'count') return <span className="tabular">{Number(value).toLocaleString()}</span>;
  return <>{String(value)}</>;
}

export function ReportTableView({ table, currency, onDay }: ReportTableViewProps) {
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | null>(null);
  const rows = useMemo(() => {
    const column = table.columns.find((c) => c.key === sort?.key);
    return column && sort ? sortRows(table.rows, column, sort.direction) : table.rows;
  }, [table, sort]);
  const numeric = (column: ReportColumn) => column.kind === 'money' || column.kind === 'count';
  const toggle = (column: ReportColumn) =>
    setSort((current) =>
      current?.key === column.key
        ? { key: column.key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key: column.key, direction: numeric(column) ? 'desc' : 'asc' },
    );
  return (
    <div className="table-wrap reports-table" data-report={table.id}>
      <table className="table">
        <caption className="visually-hidden">{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => {
              const active = sort?.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={cx(numeric(column) && 'align-end')}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="reports-table__sort" onClick={() => toggle(column)}>
                    {column.label}
                    <span aria-hidden="true" className="reports-table__arrow">
                      {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className="table__empty">
                Nothing in this period.
              </td>
            </tr>
          ) : (
            rows.map((row, index) => {
              const day = table.id === 'by_day' && typeof row.day === 'string' ? row.day : null;
              return (
                <tr key={index}>
                  {table.columns.map((column) => (
                    <td key={column.key} className={cx(numeric(column) && 'align-end')}>
                      {column.kind === 'day' && day && onDay ? (
                        <button type="button" className="reports-table__link" onClick={() => onDay(day)}>
                          {day}
                        </button>
                      ) : (
                        <Cell column={column} value={row[column.key]} currency={currency} />
                      )}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
        {table.totals && rows.length > 0 && (
          <tfoot>
            <tr className="reports-table__totals">
              {table.columns.map((column) => (
                <td key={column.key} className={cx(numeric(column) && 'align-end')}>
                  <Cell column={column} value={table.totals?.[column.key]} currency={currency} />
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
