/**
 * Spreadsheet formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is run as a formula when the owner's accountant opens the export in Excel or LibreOffice
 * (a product named `=HYPERLINK(...)`). The export prefixes such text cells with one `'` (which
 * spreadsheets show as plain text), and the import takes exactly one such `'` off again, so an
 * export read back is unchanged. A cell that already starts with quotes before a trigger gets one
 * more, so the rule is reversible for every text.
 */
const triggers = new Set(['=', '+', '-', '@', '\t', '\r']);

function startsWithTrigger(text: string): boolean {
  const rest = text.replace(/^'+/, '');
  return rest.length > 0 && triggers.has(rest[0] as string);
}

/** The cell as written to the CSV file. */
export function escapeFormulaCell(text: string): string {
  return startsWithTrigger(text) ? `'${text}` : text;
}

/** The cell as read from the CSV file (undoes escapeFormulaCell). */
export function unescapeFormulaCell(text: string): string {
  return text.startsWith("'") && startsWithTrigger(text) ? text.slice(1) : text;
}

/** The text columns that may hold a person's words; numbers and flags are checked strictly instead. */
export const formulaGuardedColumns = [
  'sku',
  'product',
  'variant',
  'category',
  'tax_class',
  'description',
] as const;
