/** Building report tables: columns, cells, totals. */
import {
  type ReportCell,
  type ReportColumn,
  type ReportColumnKind,
  type ReportTable,
} from '../../shared/api/reports';

export function col(key: string, label: string, kind: ReportColumnKind): ReportColumn {
  return { key, label, kind };
}

export function moneyCell(amountMinor: bigint): string {
  return amountMinor.toString();
}

/** Totals of the money and count columns of rows (text columns: the first one says "Total"). */
export function totalsOf(
  columns: readonly ReportColumn[],
  rows: readonly Record<string, ReportCell>[],
): Record<string, ReportCell> {
  const totals: Record<string, ReportCell> = {};
  let labelled = false;
  for (const column of columns) {
    if (column.kind === 'money') {
      totals[column.key] = rows
        .reduce(
          (sum, row) => sum + BigInt(typeof row[column.key] === 'string' ? (row[column.key] as string) : 0),
          0n,
        )
        .toString();
    } else if (column.kind === 'count') {
      totals[column.key] = rows.reduce(
        (sum, row) => sum + (typeof row[column.key] === 'number' ? (row[column.key] as number) : 0),
        0,
      );
    } else if (!labelled) {
      totals[column.key] = 'Total';
      labelled = true;
    } else totals[column.key] = null;
  }
  return totals;
}

export function table(
  id: string,
  title: string,
  columns: ReportColumn[],
  rows: Record<string, ReportCell>[],
  withTotals = true,
): ReportTable {
  return { id, title, columns, rows, totals: withTotals ? totalsOf(columns, rows) : null };
}
