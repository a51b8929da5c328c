import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogFingerprint, expectApiError, openCatalogTill, type CatalogTill } from './catalogTestKit';

let till: CatalogTill;
beforeEach(async () => {
  till = await openCatalogTill();
});
afterEach(() => till.close());

const header = 'sku,barcodes,product,variant,category,tax_class,price,track_stock,stock,description,active';

function importCsv(csv: string, dryRun = false, currency = 'USD') {
  return till.core.call('catalog.importCsv', { csv, currency, dryRun }, till.session);
}

async function seedCatalog(): Promise<void> {
  const { category: drinks } = await till.core.call('catalog.saveCategory', { name: 'Drinks' }, till.session);
  const coffee = await till.saveProduct({
    name: 'Coffee',
    categoryId: drinks.id,
    description: 'Roasted "in house", daily\nSecond line',
    variants: [
      {
        name: 'Small',
        sku: 'COF-S',
        barcodes: ['4006381333931'],
        prices: [{ currency: 'USD', amount: '250' }],
        trackStock: true,
      },
      {
        name: 'Large',
        sku: 'COF-L',
        barcodes: ['036000291452', 'COF LARGE'],
        prices: [
          { currency: 'USD', amount: '375' },
          { currency: 'EUR', amount: '350' },
        ],
      },
    ],
  });
  till.service.recordStockMovement({
    variantId: coffee.variants[0]?.id ?? '',
    delta: 17,
    reason: 'receive',
    staffId: null,
  });
  const old = await till.saveProduct({
    name: 'Old cake',
    variants: [{ sku: 'CAKE', prices: [{ currency: 'EUR', amount: '100' }] }],
  });
  await till.core.call('catalog.archiveProduct', { productId: old.id }, till.session);
  // Two products may share a name; their SKUs keep them apart.
  await till.saveProduct({
    name: 'Mug',
    variants: [{ sku: 'MUG-1', prices: [{ currency: 'USD', amount: '1200' }] }],
  });
  await till.saveProduct({
    name: 'Mug',
    variants: [{ sku: 'MUG-2', prices: [{ currency: 'USD', amount: '1500' }] }],
  });
}

describe('CSV export and import', () => {
  it('round-trips: importing an export changes nothing', async () => {
    await seedCatalog();
    const { csv } = await till.core.call('catalog.exportCsv', { currency: 'USD' }, till.session);
    expect(csv.split('\n')[0]).toBe(header);
    expect(csv).toContain(
      'COF-S,4006381333931,Coffee,Small,Drinks,Standard,2.50,true,17,"Roasted ""in house"", daily\nSecond line",true',
    );
    expect(csv).toContain('CAKE,,Old cake,,,Standard,,false,0,,false');
    const before = catalogFingerprint(till.core);
    const announcedBefore = till.announced.length;
    const result = await importCsv(csv);
    expect(result).toEqual({
      applied: true,
      created: 0,
      updated: 0,
      unchanged: 5,
      createdCategories: [],
      createdTaxClasses: [],
      notices: [],
      errors: [],
    });
    expect(catalogFingerprint(till.core)).toBe(before);
    expect(till.announced.length).toBe(announcedBefore);
    expect((await till.core.call('catalog.exportCsv', { currency: 'USD' }, till.session)).csv).toBe(csv);
  });

  it('guards spreadsheet formulas in text cells, and reads them back unchanged', async () => {
    await till.saveProduct({
      name: '=HYPERLINK("http://evil.example","Click")',
      description: '-5% for staff',
      variants: [{ sku: 'EVIL-1', prices: [{ currency: 'USD', amount: '100' }] }],
    });
    const { csv } = await till.core.call('catalog.exportCsv', { currency: 'USD' }, till.session);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csv).toContain("'-5% for staff");
    const before = catalogFingerprint(till.core);
    expect(await importCsv(csv)).toMatchObject({ created: 0, updated: 0, unchanged: 1, errors: [] });
    expect(catalogFingerprint(till.core)).toBe(before);
  });

  it('creates products, categories and tax classes, reporting them; a dry run only tells', async () => {
    const csv = [
      header,
      '1001,5901234123457,Espresso,Single,Coffee bar,Standard,3.00,yes,20,Short and strong,',
      '1002,,Espresso,Double,Coffee bar,Standard,4.5,yes,,Short and strong,',
      'BAG-1,,Paper bag,,,Exempt,0.10,no,,,true',
    ].join('\r\n');
    const before = catalogFingerprint(till.core);
    const dry = await importCsv(csv, true);
    expect(dry).toMatchObject({ applied: false, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(dry.createdCategories).toEqual(['Coffee bar']);
    expect(dry.createdTaxClasses).toEqual(['Exempt']);
    expect(dry.notices).toEqual([
      'Tax class "Exempt" did not exist: it was created with a 0% rate. Set its rates before selling.',
    ]);
    expect(catalogFingerprint(till.core)).toBe(before);

    const result = await importCsv(csv);
    expect(result).toMatchObject({ applied: true, created: 3, createdCategories: ['Coffee bar'] });
    const { products } = await till.core.call('catalog.products', {}, till.session);
    expect(
      products.map((p) => [p.name, p.variants.map((v) => [v.sku, v.name, v.prices, v.onHand, v.trackStock])]),
    ).toEqual([
      [
        'Espresso',
        [
          ['1001', 'Single', [{ currency: 'USD', amount: '300' }], 20, true],
          ['1002', 'Double', [{ currency: 'USD', amount: '450' }], 0, true],
        ],
      ],
      ['Paper bag', [['BAG-1', '', [{ currency: 'USD', amount: '10' }], 0, false]]],
    ]);
    const single = products[0]?.variants[0]?.id ?? '';
    const { movements } = await till.core.call('catalog.stockMovements', { variantId: single }, till.session);
    expect(movements.map((m) => [m.reason, m.delta, m.staffId])).toEqual([['import', 20, till.ownerId]]);
    expect(movements[0]?.ref).toMatch(/^import:/);
    const { taxClasses } = await till.core.call('catalog.taxClasses', {}, till.session);
    expect(taxClasses.find((t) => t.name === 'Exempt')?.rates).toEqual([
      { taxId: 'exempt', name: 'Exempt', ratePercent: '0' },
    ]);
  });

  it('updates by SKU, counts what changed, and leaves out columns alone', async () => {
    await seedCatalog();
    const csv = [
      'SKU,Price,Stock,Barcodes,Product',
      'COF-S,2.75,17,4006381333931,Coffee', // price changes
      'COF-L,3.75,0,036000291452|COF LARGE,Coffee', // unchanged
      'MUG-2,15.00,4,,Mug', // stock and barcodes-none: stock changes
    ].join('\n');
    const result = await importCsv(csv);
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 1, errors: [] });
    const small = await till.core.call('catalog.lookupBarcode', { code: 'COF-S' }, till.session);
    expect(small.variant.prices).toEqual([{ currency: 'USD', amount: '275' }]);
    expect(small.product.description).toBe('Roasted "in house", daily\nSecond line');
    const large = await till.core.call('catalog.lookupBarcode', { code: 'COF-L' }, till.session);
    expect(large.variant.prices).toEqual([
      { currency: 'EUR', amount: '350' },
      { currency: 'USD', amount: '375' },
    ]);
    expect(
      (await till.core.call('catalog.lookupBarcode', { code: 'MUG-2' }, till.session)).variant.onHand,
    ).toBe(4);
  });

  it('joins a new SKU to the product of its name: the one in the file, else the only one in the catalog', async () => {
    await seedCatalog();
    const ambiguous = await importCsv('sku,product,price\nMUG-3,Mug,9.99');
    expect(ambiguous.errors).toEqual([
      {
        line: 2,
        column: 'product',
        message: '2 products are named "Mug"; a new SKU cannot tell which one it joins.',
      },
    ]);
    const joined = await importCsv(
      'sku,product,variant,price\nMUG-2,Mug,,15.00\nMUG-3,Mug,Big,9.99\nCOF-X,Coffee,Huge,5.00',
    );
    expect(joined).toMatchObject({ created: 2, updated: 0, unchanged: 1, errors: [] });
    const big = await till.core.call('catalog.lookupBarcode', { code: 'MUG-3' }, till.session);
    expect(big.product.variants.map((v) => v.sku)).toEqual(['MUG-2', 'MUG-3']);
    const huge = await till.core.call('catalog.lookupBarcode', { code: 'COF-X' }, till.session);
    expect(huge.product.variants.map((v) => v.sku)).toEqual(['COF-S', 'COF-L', 'COF-X']);
  });

  it('renames a product and moves a barcode from one product to another in one import', async () => {
    await seedCatalog();
    const csv = [
      'sku,product,barcodes',
      'COF-L,Filter coffee,036000291452',
      'COF-S,Filter coffee,4006381333931',
      'MUG-1,Mug,COF LARGE',
    ].join('\n');
    const result = await importCsv(csv);
    expect(result).toMatchObject({ updated: 3, errors: [] });
    const moved = await till.core.call('catalog.lookupBarcode', { code: 'COF LARGE' }, till.session);
    expect([moved.product.name, moved.variant.sku]).toEqual(['Mug', 'MUG-1']);
    expect(
      (await till.core.call('catalog.lookupBarcode', { code: 'COF-L' }, till.session)).product.name,
    ).toBe('Filter coffee');
  });

  it.each([
    [
      'a price with too many decimals',
      `${header}\nA1,,Tea,,,Standard,12.345,,,,`,
      [[2, 'price', /"12.345" has 3 decimals but USD has at most 2/]],
    ],
    [
      'a price that is not a plain decimal',
      `${header}\nA1,,Tea,,,Standard,$12,,,,`,
      [[2, 'price', /not a decimal amount/]],
    ],
    [
      'an unknown column',
      'sku,product,colour\nA1,Tea,red',
      [[1, 'colour', /Unknown column "colour"; the columns are: sku, barcodes/]],
    ],
    ['a missing sku column', 'product,price\nTea,1.00', [[1, 'sku', /The required column "sku" is missing/]]],
    [
      'a missing product column',
      'sku,price\nA1,1.00',
      [[1, 'product', /The required column "product" is missing/]],
    ],
    ['a column twice', 'sku,product,sku\nA1,Tea,A1', [[1, 'sku', /appears twice/]]],
    [
      'an empty sku',
      `sku,product,tax_class\nA1,Tea,Standard\n,Tea,Standard`,
      [[3, 'sku', /The SKU is empty/]],
    ],
    [
      'a duplicate sku in the file',
      'sku,product,variant,tax_class\nA1,Tea,Hot,Standard\nB1,Tea,Iced,Standard\na1,Tea,Cold,Standard',
      [[4, 'sku', /SKU "a1" is also on line 2/]],
    ],
    [
      'a bad barcode',
      'sku,product,tax_class,barcodes\nA1,Tea,Standard,5901234123457|4006381333932',
      [[2, 'barcodes', /should be 1/]],
    ],
    [
      'one barcode on two rows',
      'sku,product,variant,tax_class,barcodes\nA1,Tea,Hot,Standard,X-1\nB1,Tea,Iced,Standard,X-1',
      [[3, 'barcodes', /Barcode "X-1" is also on line 2 \(SKU "A1"\)/]],
    ],
    [
      'a barcode of a variant the file does not change',
      'sku,product,tax_class,barcodes\nA1,Tea,Standard,036000291452',
      [[2, 'barcodes', /already used by SKU "COF-L" \("Coffee"\)/]],
    ],
    [
      'a barcode that is another SKU',
      'sku,product,tax_class,barcodes\nA1,Tea,Standard,MUG-1',
      [[2, 'barcodes', /SKU of another variant \("MUG-1"\)/]],
    ],
    [
      'a bad boolean',
      'sku,product,tax_class,active\nA1,Tea,Standard,maybe',
      [[2, 'active', /"maybe" is not true or false/]],
    ],
    ['a bad stock', 'sku,product,tax_class,stock\nA1,Tea,Standard,2.5', [[2, 'stock', /not a whole number/]]],
    [
      'a new product without a tax class',
      'sku,product\nA1,Tea',
      [[2, 'tax_class', /"Tea" is a new product: it needs a tax class/]],
    ],
    ['a short line', 'sku,product,tax_class\nA1,Tea', [[2, '', /This line has 2 cells; the header has 3/]]],
    [
      'rows of one product that disagree',
      'sku,product,variant,tax_class,category\nA1,Tea,Hot,Standard,Drinks\nB1,Tea,Iced,Standard,Cold drinks',
      [[3, 'category', /agree on category: line 2 says "Drinks", this line says "Cold drinks"/]],
    ],
    [
      'errors after a quoted cell that spans lines',
      'sku,product,tax_class,description,price\nA1,Tea,Standard,"one\ntwo\nthree",1.00\nB1,Cake,Standard,,1.001',
      [[5, 'price', /3 decimals/]],
    ],
    [
      'errors after a quoted cell with CR LF line ends',
      'sku,product,tax_class,description,price\r\nA1,Tea,Standard,"one\r\ntwo",1.00\r\n\r\nB1,Cake,Standard,,1.001\r\n',
      [[5, 'price', /3 decimals/]],
    ],
    ['an unclosed quote', 'sku,product\nA1,"Tea', [[2, '', /The CSV cannot be read/]]],
    ['an empty file', '', [[1, '', /The CSV is empty/]]],
    [
      'several errors at once',
      `${header}\nA1,,Tea,,,Standard,1.999,,,,\n,,Cake,,,Standard,1.00,,,,\nC1,,Pie,,,Standard,1.00,sometimes,,,`,
      [
        [2, 'price', /3 decimals/],
        [3, 'sku', /empty/],
        [4, 'track_stock', /"sometimes"/],
      ],
    ],
  ] as const)('reports %s with its line and changes nothing', async (_what, csv, expected) => {
    await seedCatalog();
    const before = catalogFingerprint(till.core);
    for (const dryRun of [true, false]) {
      const result = await importCsv(csv, dryRun);
      expect(result.applied).toBe(false);
      expect(result.created + result.updated + result.unchanged).toBe(0);
      expect(result.errors.map((e) => [e.line, e.column])).toEqual(
        expected.map(([line, column]) => [line, column]),
      );
      result.errors.forEach((error, index) => expect(error.message).toMatch(expected[index]?.[2] ?? /./));
    }
    expect(catalogFingerprint(till.core)).toBe(before);
  });

  it('applies nothing when one row of many is bad', async () => {
    await seedCatalog();
    const before = catalogFingerprint(till.core);
    const rows = Array.from(
      { length: 50 },
      (_, i) => `NEW-${i},,Item ${i},,New category,New tax,1.00,true,5,,`,
    );
    rows.splice(30, 0, 'BAD,,Bad item,,,Standard,1.00,true,5,,perhaps');
    const result = await importCsv([header, ...rows].join('\n'));
    expect(result.errors).toEqual([
      { line: 32, column: 'active', message: '"perhaps" is not true or false (or yes/no, 1/0).' },
    ]);
    expect(catalogFingerprint(till.core)).toBe(before);
  });

  it('exports prices in the asked currency, and needs catalog.edit to import', async () => {
    await seedCatalog();
    const { csv } = await till.core.call('catalog.exportCsv', { currency: 'EUR' }, till.session);
    expect(csv).toContain('CAKE,,Old cake,,,Standard,1.00,false,0,,false');
    expect(csv).toContain('COF-S,4006381333931,Coffee,Small,Drinks,Standard,,true,17,');
    const cashier = await till.cashierSession();
    await expect(till.core.call('catalog.exportCsv', { currency: 'USD' }, cashier)).resolves.toBeTruthy();
    await expectApiError(
      till.core.call('catalog.importCsv', { csv, currency: 'EUR', dryRun: true }, cashier),
      'forbidden',
    );
    await expectApiError(till.core.call('catalog.exportCsv', { currency: 'usd' }, till.session), 'bad_input');
  });
});
