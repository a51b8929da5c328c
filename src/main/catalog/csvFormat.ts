/**
 * The catalog CSV: its columns, reading a file into checked rows with their line numbers, and the
 * meaning of each cell. One row per variant. An empty cell means "none" for barcodes, variant,
 * category and description, and "leave as it is" for tax_class, price, track_stock, stock and active
 * (a new product takes: no price, track_stock false, active true; it must name its tax class).
 */
import { parse } from 'csv-parse/sync';
import { skuSchema } from '../../shared/api/catalog';
import { TillpointError } from '../../shared/api/errors';
import { decimalStringToMinor } from '../../shared/money';
import { checkBarcode } from './barcode';
import { formulaGuardedColumns, unescapeFormulaCell } from './csvSafety';

const guarded: ReadonlySet<string> = new Set(formulaGuardedColumns);

export const csvColumns = [
  'sku',
  'barcodes',
  'product',
  'variant',
  'category',
  'tax_class',
  'price',
  'track_stock',
  'stock',
  'description',
  'active',
] as const;
export type CsvColumn = (typeof csvColumns)[number];

export const requiredCsvColumns: readonly CsvColumn[] = ['sku', 'product'];

/** Barcodes share one cell, separated by this. */
export const barcodeSeparator = '|';

export interface ImportError {
  line: number;
  column: string;
  message: string;
}

/** One data row, its cells already checked; `undefined` = the column is absent or "leave as it is". */
export interface CsvRow {
  line: number;
  sku: string;
  product: string;
  variant?: string;
  barcodes?: string[];
  category?: string;
  taxClass?: string;
  priceMinor?: bigint;
  trackStock?: boolean;
  stock?: number;
  description?: string;
  active?: boolean;
  /** The trimmed cell of every column present, for checks that compare rows. */
  cells: ReadonlyMap<CsvColumn, string>;
}

const stockLimit = 1_000_000_000;

function isCsvColumn(name: string): name is CsvColumn {
  return (csvColumns as readonly string[]).includes(name);
}

export function parseBooleanCell(text: string): boolean | null {
  const value = text.toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(value)) return true;
  if (['false', 'no', 'n', '0'].includes(value)) return false;
  return null;
}

/**
 * Splits the text into records with the line each starts on. csv-parse counts a CR LF inside a
 * quoted cell as two lines, so lines are counted here instead, from each record's byte offset:
 * a record starts where the previous one ended, after any empty lines; CR LF, LF and a lone CR
 * each end one line.
 */
function readRecords(csv: string): { records: { line: number; cells: string[] }[]; error?: ImportError } {
  const bytes = Buffer.from(csv, 'utf8');
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(bytes, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { bytes: number } }[];
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    return {
      records: [],
      error: { line, column: '', message: `The CSV cannot be read: ${(error as Error).message}` },
    };
  }
  const cr = 0x0d;
  const lf = 0x0a;
  let offset = 0;
  let line = 1;
  const advanceTo = (end: number) => {
    for (; offset < end; offset += 1) {
      const byte = bytes[offset];
      if (byte === lf || (byte === cr && bytes[offset + 1] !== lf)) line += 1;
    }
  };
  const records = parsed.map(({ record, info }) => {
    let start = offset;
    while (bytes[start] === cr || bytes[start] === lf) start += 1;
    advanceTo(start);
    const startLine = line;
    advanceTo(info.bytes);
    return { line: startLine, cells: record.map((cell) => cell.trim()) };
  });
  return { records: records.filter((r) => r.cells.some((cell) => cell !== '')) };
}

/** Reads the header and every row; each bad cell becomes an error with its line and column. */
export function readCatalogCsv(csv: string, currency: string): { rows: CsvRow[]; errors: ImportError[] } {
  const { records, error } = readRecords(csv);
  if (error) return { rows: [], errors: [error] };
  const [header, ...data] = records;
  if (!header)
    return {
      rows: [],
      errors: [{ line: 1, column: '', message: 'The CSV is empty: it needs a header line.' }],
    };
  const errors: ImportError[] = [];
  const columns = header.cells.map((name) => name.toLowerCase());
  const seen = new Set<string>();
  for (const name of columns) {
    if (!isCsvColumn(name)) {
      errors.push({
        line: header.line,
        column: name,
        message: `Unknown column "${name}"; the columns are: ${csvColumns.join(', ')}.`,
      });
    } else if (seen.has(name)) {
      errors.push({ line: header.line, column: name, message: `Column "${name}" appears twice.` });
    }
    seen.add(name);
  }
  for (const name of requiredCsvColumns) {
    if (!seen.has(name)) {
      errors.push({ line: header.line, column: name, message: `The required column "${name}" is missing.` });
    }
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: CsvRow[] = [];
  for (const record of data) {
    if (record.cells.length !== columns.length) {
      errors.push({
        line: record.line,
        column: '',
        message: `This line has ${record.cells.length} cells; the header has ${columns.length}.`,
      });
      continue;
    }
    const cells = new Map<CsvColumn, string>();
    columns.forEach((name, index) => {
      const cell = record.cells[index] ?? '';
      cells.set(name as CsvColumn, guarded.has(name) ? unescapeFormulaCell(cell) : cell);
    });
    const row = readRow(record.line, cells, currency, errors);
    if (row) rows.push(row);
  }
  return { rows, errors };
}

function readRow(
  line: number,
  cells: Map<CsvColumn, string>,
  currency: string,
  errors: ImportError[],
): CsvRow | null {
  const before = errors.length;
  const fail = (column: CsvColumn, message: string) => errors.push({ line, column, message });
  const row: CsvRow = { line, sku: cells.get('sku') ?? '', product: cells.get('product') ?? '', cells };
  if (row.sku === '') fail('sku', 'The SKU is empty; every row needs one.');
  else {
    const sku = skuSchema.safeParse(row.sku);
    if (!sku.success) fail('sku', `SKU "${row.sku}": ${sku.error.issues[0]?.message ?? 'not a valid SKU'}.`);
  }
  if (row.product === '') fail('product', 'The product name is empty.');
  else if (row.product.length > 200) fail('product', 'The product name is longer than 200 characters.');

  const text = (column: CsvColumn) => cells.get(column);
  const variant = text('variant');
  if (variant !== undefined) {
    if (variant.length > 100) fail('variant', 'The variant name is longer than 100 characters.');
    row.variant = variant;
  }
  const barcodes = text('barcodes');
  if (barcodes !== undefined) {
    row.barcodes = [];
    for (const raw of barcodes.split(barcodeSeparator)) {
      if (raw.trim() === '') continue;
      const check = checkBarcode(raw);
      if (!check.ok) fail('barcodes', check.reason);
      else if (!row.barcodes.includes(check.code)) row.barcodes.push(check.code);
    }
  }
  const category = text('category');
  if (category !== undefined) {
    if (category.length > 80) fail('category', 'The category name is longer than 80 characters.');
    row.category = category;
  }
  const taxClass = text('tax_class');
  if (taxClass) {
    if (taxClass.length > 80) fail('tax_class', 'The tax class name is longer than 80 characters.');
    row.taxClass = taxClass;
  }
  const price = text('price');
  if (price) {
    try {
      row.priceMinor = decimalStringToMinor(price, currency);
      if (row.priceMinor < 0n) fail('price', `The price "${price}" is negative.`);
    } catch (error) {
      if (!(error instanceof TillpointError)) throw error;
      fail('price', `The price in ${currency}: ${error.message}`);
    }
  }
  for (const column of ['track_stock', 'active'] as const) {
    const cell = text(column);
    if (!cell) continue;
    const value = parseBooleanCell(cell);
    if (value === null) fail(column, `"${cell}" is not true or false (or yes/no, 1/0).`);
    else if (column === 'active') row.active = value;
    else row.trackStock = value;
  }
  const stock = text('stock');
  if (stock) {
    if (!/^-?\d{1,10}$/.test(stock) || Math.abs(Number(stock)) > stockLimit) {
      fail('stock', `The stock "${stock}" is not a whole number of units (within ±${stockLimit}).`);
    } else {
      row.stock = Number(stock);
    }
  }
  const description = text('description');
  if (description !== undefined) {
    if (description.length > 4000) fail('description', 'The description is longer than 4000 characters.');
    row.description = description;
  }
  return errors.length === before ? row : null;
}
