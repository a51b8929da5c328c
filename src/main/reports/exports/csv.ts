/**
 * CSV: one file per report table (RFC 4180: CRLF line ends, quotes where needed), with a currency
 * column, amounts as decimals in the currency's units ("12.50"), the totals as the last row.
 */
import { stringify } from 'csv-stringify/sync';
import { type ReportOutput, type ReportTable } from '../../../shared/api/reports';
import { cellText } from './cells';

export function tableCsv(table: ReportTable, currency: string): string {
  const header = [...table.columns.map((c) => c.label), 'Currency'];
  const rows = [...table.rows, ...(table.totals ? [table.totals] : [])].map((row) => [
    ...table.columns.map((c) => cellText(c, row[c.key], currency)),
    currency,
  ]);
  return stringify([header, ...rows], { record_delimiter: 'windows' });
}

export function summaryTable(report: ReportOutput): ReportTable {
  const s = report.summary;
  const p = report.previousSummary;
  const figures: [string, string, string | number, string | number | null][] = [
    ['orders', 'Orders', s.orders, p?.orders ?? null],
    ['refundCount', 'Refunds', s.refunds, p?.refunds ?? null],
    ['gross', 'Gross sales', s.grossMinor, p?.grossMinor ?? null],
    ['discounts', 'Discounts', s.discountsMinor, p?.discountsMinor ?? null],
    ['refunds', 'Refunded sales', s.refundsMinor, p?.refundsMinor ?? null],
    ['net', 'Net sales', s.netMinor, p?.netMinor ?? null],
    ['tax', 'Tax', s.taxMinor, p?.taxMinor ?? null],
    ['tips', 'Tips', s.tipsMinor, p?.tipsMinor ?? null],
    ['collected', 'Collected', s.collectedMinor, p?.collectedMinor ?? null],
    ['average', 'Average order', s.averageOrderMinor, p?.averageOrderMinor ?? null],
  ];
  return {
    id: 'summary',
    title: `Summary ${report.from} to ${report.to}`,
    columns: [
      { key: 'figure', label: 'Figure', kind: 'text' },
      { key: 'amount', label: 'Amount', kind: 'money' },
      { key: 'count', label: 'Count', kind: 'count' },
      ...(p
        ? [
            { key: 'previousAmount', label: 'Previous amount', kind: 'money' as const },
            { key: 'previousCount', label: 'Previous count', kind: 'count' as const },
          ]
        : []),
    ],
    rows: figures.map(([, label, value, previous]) =>
      typeof value === 'number'
        ? { figure: label, amount: null, count: value, previousAmount: null, previousCount: previous }
        : { figure: label, amount: value, count: null, previousAmount: previous, previousCount: null },
    ),
    totals: null,
  };
}

export function reportCsvFiles(
  report: ReportOutput,
  extra: readonly ReportTable[] = [],
): { fileName: string; text: string }[] {
  const stem = `tillpoint-${report.from}-to-${report.to}`;
  return [summaryTable(report), ...report.tables, ...extra].map((table) => ({
    fileName: `${stem}-${table.id}.csv`,
    text: tableCsv(table, report.currency),
  }));
}
