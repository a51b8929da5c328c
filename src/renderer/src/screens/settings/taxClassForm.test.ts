import { describe, expect, it } from 'vitest';
import {
  emptyRate,
  emptyTaxClass,
  renameRate,
  type TaxClassForm,
  taxClassRequest,
  taxClassToForm,
  taxIdFromName,
} from './taxClassForm';

describe('taxIdFromName', () => {
  it.each([
    ['NYC sales tax', 'nyc_sales_tax'],
    ['  State Tax 8.875% ', 'state_tax_8.875'],
    ['TVA (réduite)', 'tva_reduite'],
    ['—', ''],
    ['A'.repeat(50), 'a'.repeat(40)],
  ])('%j → %j', (name, id) => {
    expect(taxIdFromName(name)).toBe(id);
  });
});

describe('renameRate', () => {
  it('makes the code from the name until the code is edited', () => {
    const row = renameRate(emptyRate(), 'City tax');
    expect(row.taxId).toBe('city_tax');
    const edited = { ...row, taxId: 'nyc', taxIdEdited: true };
    expect(renameRate(edited, 'New York City tax').taxId).toBe('nyc');
  });
});

describe('taxClassRequest', () => {
  const standard: TaxClassForm = taxClassToForm({
    id: '01M809M58C72P151GJC1YQW3NZ',
    name: 'Standard',
    rates: [{ taxId: 'nyc_sales_tax', name: 'NYC sales tax', ratePercent: '8.875' }],
    createdAt: '2026-11-22T00:00:00.000Z',
    updatedAt: '2026-11-22T00:00:00.000Z',
  });

  it('sends the class with its id and trimmed rates', () => {
    expect(taxClassRequest(standard)).toEqual({
      ok: true,
      input: {
        id: '01M809M58C72P151GJC1YQW3NZ',
        name: 'Standard',
        rates: [{ taxId: 'nyc_sales_tax', name: 'NYC sales tax', ratePercent: '8.875' }],
      },
    });
  });

  it('makes a new class without an id', () => {
    const form = { ...emptyTaxClass(), name: 'Food' };
    form.rates = [{ ...renameRate(form.rates[0]!, 'Reduced'), ratePercent: '5' }];
    expect(taxClassRequest(form)).toEqual({
      ok: true,
      input: { name: 'Food', rates: [{ taxId: 'reduced', name: 'Reduced', ratePercent: '5' }] },
    });
  });

  it.each([
    [{ name: ' ' }, { name: 'Give the tax class a name.' }],
    [{ rates: [] }, { rates: 'A tax class needs at least one rate (use 0 for a zero-rated class).' }],
  ])('refuses %o', (change, expected) => {
    const result = taxClassRequest({ ...standard, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject(expected);
  });

  it.each([
    [{ ratePercent: '' }, { ratePercent: 'Enter the rate, e.g. 8.875.' }],
    [{ ratePercent: '8,875' }, { ratePercent: 'Must be a percentage like "8.875" (at most 6 decimals).' }],
    [{ ratePercent: '101' }, { ratePercent: 'Must be between 0 and 100.' }],
    [{ taxId: 'NYC' }, { taxId: 'Lower-case letters, digits, "_", "." or "-", at most 40.' }],
    [{ taxId: '' }, { taxId: 'Give the rate a code.' }],
    [{ name: '' }, { name: 'Name the rate, e.g. “State sales tax”.' }],
  ])('refuses a rate with %o', (change, expected) => {
    const form = { ...standard, rates: [{ ...standard.rates[0]!, ...change }] };
    const result = taxClassRequest(form);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.byRate[standard.rates[0]!.key]).toEqual(expected);
  });

  it('refuses two rates with one code', () => {
    const form = { ...standard, rates: [standard.rates[0]!, { ...standard.rates[0]!, key: 'other' }] };
    const result = taxClassRequest(form);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.byRate.other).toEqual({ taxId: 'Two rates have this code.' });
  });
});
