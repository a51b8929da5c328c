/** Report cells for files: money as a decimal in the currency's units, formula-looking text guarded. */
import { type ReportCell, type ReportColumn } from '../../../shared/api/reports';
import { assetScale, minorToDecimalString } from '../../../shared/money';

/** The scale of an asset, 2 for one this till does not know. */
export function scaleOf(asset: string): number {
  try {
    return assetScale(asset);
  } catch {
    return 2;
  }
}

export function decimalOf(minor: string, asset: string): string {
  try {
    return minorToDecimalString(BigInt(minor), asset);
  } catch {
    return minor;
  }
}

const triggers = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Text a spreadsheet would run as a formula gets a leading `'` (a product named "=HYPERLINK(…)"). */
export function guardText(text: string): string {
  const rest = text.replace(/^'+/, '');
  return rest.length > 0 && triggers.has(rest[0]!) ? `'${text}` : text;
}

/** A cell as text for CSV and PDF: money as "12.50", counts as digits. */
export function cellText(column: ReportColumn, cell: ReportCell | undefined, currency: string): string {
  if (cell === null || cell === undefined) return '';
  if (column.kind === 'money') return decimalOf(String(cell), currency);
  if (column.kind === 'text') return guardText(String(cell));
  return String(cell);
}
