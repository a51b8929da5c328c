import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectApiError, openCatalogTill, type CatalogTill } from './catalogTestKit';

let till: CatalogTill;
beforeEach(async () => {
  till = await openCatalogTill();
});
afterEach(() => till.close());

describe('categories and tax classes', () => {
  it('keeps names unique ignoring case, and sorts categories by sort order', async () => {
    await till.core.call('catalog.saveCategory', { name: 'Food', sortOrder: 2 }, till.session);
    const { category: drinks } = await till.core.call(
      'catalog.saveCategory',
      { name: 'Drinks', sortOrder: 1 },
      till.session,
    );
    await till.core.call('catalog.saveCategory', { name: 'Old', active: false }, till.session);
    const error = await expectApiError(
      till.core.call('catalog.saveCategory', { name: 'food' }, till.session),
      'conflict',
    );
    expect(error.message).toBe('A category named "food" already exists.');
    await till.core.call(
      'catalog.saveCategory',
      { id: drinks.id, name: 'DRINKS', sortOrder: 1 },
      till.session,
    );
    const active = await till.core.call('catalog.categories', {}, till.session);
    expect(active.categories.map((c) => c.name)).toEqual(['DRINKS', 'Food']);
    const all = await till.core.call('catalog.categories', { includeInactive: true }, till.session);
    expect(all.categories.map((c) => c.name)).toEqual(['Old', 'DRINKS', 'Food']);
  });

  it('saves tax classes with normalized rates and refuses bad ones', async () => {
    const { taxClass } = await till.core.call(
      'catalog.saveTaxClass',
      {
        name: 'Reduced',
        rates: [
          { taxId: 'state', name: 'State', ratePercent: '4.000' },
          { taxId: 'city', name: 'City', ratePercent: '0.50' },
        ],
      },
      till.session,
    );
    expect(taxClass.rates.map((r) => r.ratePercent)).toEqual(['4', '0.5']);
    const list = await till.core.call('catalog.taxClasses', {}, till.session);
    expect(list.taxClasses.map((t) => t.name)).toEqual(['Reduced', 'Standard']);
    await expectApiError(
      till.core.call('catalog.saveTaxClass', { name: 'Zero', rates: [] }, till.session),
      'bad_input',
    );
    await expectApiError(
      till.core.call(
        'catalog.saveTaxClass',
        { name: 'Big', rates: [{ taxId: 'x', name: 'X', ratePercent: '100.5' }] },
        till.session,
      ),
      'bad_input',
    );
    await expectApiError(
      till.core.call(
        'catalog.saveTaxClass',
        {
          name: 'Twice',
          rates: [
            { taxId: 'x', name: 'X', ratePercent: '1' },
            { taxId: 'x', name: 'Y', ratePercent: '2' },
          ],
        },
        till.session,
      ),
      'bad_input',
    );
    await expectApiError(
      till.core.call(
        'catalog.saveTaxClass',
        { name: 'standard', rates: [{ taxId: 'z', name: 'Z', ratePercent: '0' }] },
        till.session,
      ),
      'conflict',
    );
  });
});
