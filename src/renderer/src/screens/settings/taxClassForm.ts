/**
 * The Taxes form, pure: a tax class as rows of rates (name, code, percentage), the code made from
 * the name until someone edits it, and the rows back to a catalog.saveTaxClass request with each
 * problem named by row and field. Percentages stay text, as the API carries them.
 */
import { ratePercentSchema, type SaveTaxClassInput, type TaxClass } from '../../../../shared/api/catalog';

export interface TaxRateRow {
  key: string;
  name: string;
  /** The rate's code in reports (`taxId`), e.g. "nyc_sales_tax". */
  taxId: string;
  /** True once someone typed a code: it then no longer follows the name. */
  taxIdEdited: boolean;
  ratePercent: string;
}

export interface TaxClassForm {
  key: string;
  id?: string;
  name: string;
  rates: TaxRateRow[];
}

export interface TaxClassErrors {
  name?: string;
  rates?: string;
  byRate: Record<string, { name?: string; taxId?: string; ratePercent?: string }>;
}

const taxIdPattern = /^[a-z0-9][a-z0-9_.-]{0,39}$/;

/** "NYC Sales Tax 8.875%" → "nyc_sales_tax_8.875"; "" when nothing usable is left. */
export function taxIdFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, '')
    .replace(/[^a-z0-9.-]+/g, '_')
    .replace(/^[^a-z0-9]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/[_.-]+$/, '');
}

let rowCounter = 0;
export function newRowKey(prefix: string): string {
  rowCounter += 1;
  return `${prefix}-${rowCounter}`;
}

export function emptyRate(): TaxRateRow {
  return { key: newRowKey('rate'), name: '', taxId: '', taxIdEdited: false, ratePercent: '' };
}

export function taxClassToForm(taxClass: TaxClass): TaxClassForm {
  return {
    key: taxClass.id,
    id: taxClass.id,
    name: taxClass.name,
    rates: taxClass.rates.map((rate, index) => ({
      key: `${taxClass.id}-${index}`,
      name: rate.name,
      taxId: rate.taxId,
      taxIdEdited: true,
      ratePercent: rate.ratePercent,
    })),
  };
}

export function emptyTaxClass(): TaxClassForm {
  return { key: newRowKey('class'), name: '', rates: [emptyRate()] };
}

/** A rate's name changed: its code follows while nobody has edited it. */
export function renameRate(row: TaxRateRow, name: string): TaxRateRow {
  return { ...row, name, taxId: row.taxIdEdited ? row.taxId : taxIdFromName(name) };
}

export function hasTaxErrors(errors: TaxClassErrors): boolean {
  return (
    Boolean(errors.name || errors.rates) ||
    Object.values(errors.byRate).some((rate) => Object.keys(rate).length > 0)
  );
}

export function taxClassRequest(
  form: TaxClassForm,
): { ok: true; input: SaveTaxClassInput } | { ok: false; errors: TaxClassErrors } {
  const errors: TaxClassErrors = { byRate: {} };
  const name = form.name.trim();
  if (!name) errors.name = 'Give the tax class a name.';
  else if (name.length > 80) errors.name = 'At most 80 characters.';
  if (form.rates.length === 0)
    errors.rates = 'A tax class needs at least one rate (use 0 for a zero-rated class).';
  else if (form.rates.length > 10) errors.rates = 'At most 10 rates.';

  const codes = new Map<string, number>();
  for (const rate of form.rates) codes.set(rate.taxId.trim(), (codes.get(rate.taxId.trim()) ?? 0) + 1);

  for (const rate of form.rates) {
    const rateErrors: TaxClassErrors['byRate'][string] = {};
    const rateName = rate.name.trim();
    if (!rateName) rateErrors.name = 'Name the rate, e.g. “State sales tax”.';
    else if (rateName.length > 80) rateErrors.name = 'At most 80 characters.';
    const taxId = rate.taxId.trim();
    if (!taxId) rateErrors.taxId = 'Give the rate a code.';
    else if (!taxIdPattern.test(taxId))
      rateErrors.taxId = 'Lower-case letters, digits, "_", "." or "-", at most 40.';
    else if ((codes.get(taxId) ?? 0) > 1) rateErrors.taxId = 'Two rates have this code.';
    const percent = ratePercentSchema.safeParse(rate.ratePercent);
    if (rate.ratePercent.trim() === '') rateErrors.ratePercent = 'Enter the rate, e.g. 8.875.';
    else if (!percent.success) {
      const message = percent.error.issues[0]?.message ?? 'not a percentage';
      rateErrors.ratePercent = message.charAt(0).toUpperCase() + message.slice(1) + '.';
    }
    if (Object.keys(rateErrors).length > 0) errors.byRate[rate.key] = rateErrors;
  }

  if (hasTaxErrors(errors)) return { ok: false, errors };
  return {
    ok: true,
    input: {
      ...(form.id ? { id: form.id } : {}),
      name,
      rates: form.rates.map((rate) => ({
        taxId: rate.taxId.trim(),
        name: rate.name.trim(),
        ratePercent: rate.ratePercent.trim(),
      })),
    },
  };
}
