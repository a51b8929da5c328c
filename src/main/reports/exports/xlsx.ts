/**
 * XLSX: one sheet per report table (the summary first), money as numbers with the currency's format
 * ('#,##0.00 "USD"'), counts as whole numbers, a bold header and totals row.
 */
import type ExcelJS from 'exceljs';
import { type ReportOutput, type ReportTable } from '../../../shared/api/reports';
import { guardText, scaleOf } from './cells';
import { summaryTable } from './csv';

export function moneyFormat(currency: string): string {
  const scale = scaleOf(currency);
  return `#,##0${scale > 0 ? `.${'0'.repeat(scale)}` : ''} "${currency}"`;
}

/** Minor units as a number of whole units (a spreadsheet's number; exact for any sum of cents below 2^53). */
function moneyNumber(minor: string, scale: number): number {
  return Number(minor) / 10 ** scale;
}

function addSheet(book: ExcelJS.Workbook, table: ReportTable, currency: string, used: Set<string>): void {
  let name = table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name); i += 1) name = `${name.slice(0, 28)} ${i}`;
  used.add(name);
  const sheet = book.addWorksheet(name);
  const scale = scaleOf(currency);
  sheet.columns = table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.max(12, c.label.length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  const rows = [...table.rows, ...(table.totals ? [table.totals] : [])];
  for (const row of rows) {
    const values = table.columns.map((c) => {
      const cell = row[c.key];
      if (cell === null || cell === undefined) return null;
      if (c.kind === 'money') return moneyNumber(String(cell), scale);
      if (c.kind === 'count') return typeof cell === 'number' ? cell : Number(cell);
      return guardText(String(cell));
    });
    sheet.addRow(values);
  }
  table.columns.forEach((c, index) => {
    if (c.kind === 'money') sheet.getColumn(index + 1).numFmt = moneyFormat(currency);
    if (c.kind === 'count') sheet.getColumn(index + 1).numFmt = '0';
  });
  if (table.totals) sheet.getRow(rows.length + 1).font = { bold: true };
}

export async function reportXlsx(report: ReportOutput, extra: readonly ReportTable[] = []): Promise<Buffer> {
  // exceljs is loaded on the first export, not when the till starts (it is a large module).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Tillpoint';
  book.created = new Date(`${report.to}T00:00:00Z`);
  const used = new Set<string>();
  for (const table of [summaryTable(report), ...report.tables, ...extra])
    addSheet(book, table, report.currency, used);
  return Buffer.from(await book.xlsx.writeBuffer());
}
