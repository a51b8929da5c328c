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
  }
}

/** The receipt as lines of at most 42 columns joined with "\n" (with a final newline). */
export function receiptText(model: ReceiptModel): string {
  const view = buildReceiptView(validateReceiptModel(model));
  const lines = narrowReceiptRows(view).flatMap((row) => rowLines(row, receiptTextColumns));
  return `${lines.join('\n')}\n`;
}
