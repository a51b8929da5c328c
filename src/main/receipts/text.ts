/**
 * The receipt as 42-column plain text: what an ESC/POS printer's Font A prints on an 80 mm roll, and a
 * readable form for logs and tests. No line is wider than `receiptTextColumns`; amounts end in the last column.
 */
import { type ReceiptModel } from './model';
import { centerText, formatPair } from './columns';
import { type ReceiptRow, narrowReceiptRows } from './rows';
import { validateReceiptModel } from './validate';
import { buildReceiptView } from './view';

export const receiptTextColumns = 42;

/** A URL on lines of at most `columns` characters, wrapped character by character: nothing is cut or dropped. */
export function urlLines(url: string, columns: number): string[] {
  const lines: string[] = [];
  for (let start = 0; start < url.length; start += columns) lines.push(url.slice(start, start + columns));
  return lines;
}

function rowLines(row: ReceiptRow, columns: number): string[] {
  switch (row.kind) {
    case 'title':
      return centerText(row.text, columns);
    case 'center':
      return centerText(row.text, columns);
    case 'banner':
      return centerText(`*** ${row.text} ***`, columns);
    case 'pair':
      return formatPair(row.left, row.right, columns, row.indent);
    case 'rule':
      return [(row.weight === 'heavy' ? '=' : '-').repeat(columns)];
    case 'gap':
      return [''];
    case 'qr':
      return centerText(row.caption, columns);
    case 'linkQr':
      return urlLines(row.url, columns);
  }
}

/** The receipt as lines of at most 42 columns joined with "\n" (with a final newline). */
export function receiptText(model: ReceiptModel): string {
  const view = buildReceiptView(validateReceiptModel(model));
  const lines = narrowReceiptRows(view).flatMap((row) => rowLines(row, receiptTextColumns));
  return `${lines.join('\n')}\n`;
}
