/**
 * Products, as the owner, in Chromium against the real host: a new product with a barcode and
 * tracked stock, seen in the list; its barcode scanned at the checkout by a keyboard wedge; an
 * import CSV refused whole for one bad row, then applied once fixed; the export carrying the new
 * SKU; and a delivery of 10 units received into stock.
 *
 * The barcode is an EAN-13 made here by hand: the store prefix 200 (restricted circulation, as the
 * demo's own codes) and the item number 123456789 give the first 12 digits 200123456789. GS1 check
 * digit: weights 3, 1, 3, 1… from the rightmost digit leftwards:
 *   9·3 + 8·1 + 7·3 + 6·1 + 5·3 + 4·1 + 3·3 + 2·1 + 1·3 + 0·1 + 0·3 + 2·1
 *   = 27 + 8 + 21 + 6 + 15 + 4 + 9 + 2 + 3 + 0 + 0 + 2 = 97 → 100 − 97 = 3 → 2001234567893.
 *
 * At the checkout the product sells at 6.50; the demo store adds 8.875% tax per line, half-up:
 *   6.50 × 0.08875 = 0.576875 → 0.58; total 6.50 + 0.58 = 7.08.
 */
import fs from 'node:fs';
import { type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

/** The GS1 check digit, as worked out above; the test checks its own arithmetic against the comment. */
function gs1CheckDigit(first: string): number {
  let sum = 0;
  for (let i = 0; i < first.length; i += 1) {
    sum += Number(first[first.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

const product = {
  name: 'Pour-Over Filter Pack',
  sku: 'MER-PFP',
  barcode: `200123456789${gs1CheckDigit('200123456789')}`,
  category: 'Merch',
  taxClass: 'Standard (8.875%)',
  price: '6.50',
} as const;

test.beforeAll(() => {
  expect(product.barcode).toBe('2001234567893');
});

/** Products › New product: fills the form, saves, and lands on the saved product's page. */
async function createProduct(page: Page): Promise<void> {
  await goTo(page, 'Products');
  await page.getByRole('main').getByRole('button', { name: 'New product' }).first().click();
  await expect(page.getByRole('heading', { name: 'New product' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(product.name);
  await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: product.category });
  await page.getByRole('combobox', { name: 'Tax class' }).selectOption({ label: product.taxClass });
  await page.getByRole('textbox', { name: 'SKU', exact: true }).fill(product.sku);
  await page.getByRole('textbox', { name: 'Price', exact: true }).fill(product.price);
  await page.getByRole('textbox', { name: /^Barcodes/ }).fill(product.barcode);
  const track = page.getByRole('switch', { name: 'Track stock' });
  await track.click();
  await expect(track).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'Save product' }).click();
  // Saved: the address becomes the product's, the title its name, and the stock shows 0 on hand.
  await expect(page).toHaveURL(/\/products\/[0-9A-Z]{26}$/);
  await expect(page.getByRole('heading', { name: product.name })).toBeVisible();
  await expect(page.locator('.onhand')).toHaveText('0 on hand');
}

/** The list's row whose Product cell is exactly `name`. */
function productRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Products' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name, exact: true }) });
}

test('an owner creates a product, sees it in the list, and receives 10 units into stock', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await createProduct(page);
  await shot(page, 'products-new-saved');

  await page.getByRole('main').getByRole('button', { name: 'Products', exact: true }).click();
  const row = productRow(page, product.name);
  await expect(row.getByRole('cell')).toHaveText([
    product.name,
    product.category,
    product.sku,
    '0Out',
    '$6.50',
  ]);
  await shot(page, 'products-list-new');

  // Receive a delivery of 10 units: 0 → 10 on hand, with the movement in the history.
  await row.click();
  await page.getByRole('button', { name: `Stock of ${product.sku}` }).click();
  const stock = page.getByRole('dialog', { name: `Stock: ${product.name}` });
  await expect(stock.getByTestId('stock-on-hand')).toHaveText('0');
  await expect(stock.getByRole('radio', { name: 'Receive' })).toHaveAttribute('aria-checked', 'true');
  await stock.getByRole('textbox', { name: 'Units received' }).fill('10');
  await stock.getByRole('textbox', { name: 'Note (optional)' }).fill('Invoice 4417');
  await stock.getByRole('button', { name: 'Receive stock' }).click();
  await expect(stock.getByTestId('stock-on-hand')).toHaveText('10');
  const movement = stock.getByRole('table', { name: 'Stock movements' }).getByRole('row').nth(1);
  await expect(movement.getByRole('cell').nth(1)).toHaveText('Received');
  await expect(movement.getByRole('cell').nth(2)).toHaveText('+10');
  await expect(movement.getByRole('cell').nth(3)).toHaveText('10');
  await expect(movement.getByRole('cell').nth(4)).toContainText('Invoice 4417');
  await shot(page, 'products-stock-received');
  await stock.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(stock).toBeHidden();
  await expect(page.locator('.onhand')).toHaveText('10 on hand');

  await page.getByRole('main').getByRole('button', { name: 'Products', exact: true }).click();
  await expect(productRow(page, product.name).getByRole('cell').nth(3)).toHaveText('10');
});

test('a keyboard-wedge scan of the new barcode rings the product up at its price', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await createProduct(page);
  await openShiftWithFloat(page, '100.00');

  await goTo(page, 'Checkout');
  await expect(page.getByRole('heading', { name: 'New sale' })).toBeVisible();
  // Nothing focused (a tap on the cart's title), then the scanner's burst of digits and Enter.
  await page.getByRole('heading', { name: 'New sale' }).click();
  await page.keyboard.type(product.barcode);
  await page.keyboard.press('Enter');

  const lines = page.getByRole('list', { name: 'Items in the sale' }).getByRole('listitem');
  await expect(lines).toHaveCount(1);
  await expect(lines.first().getByRole('button', { name: `Edit ${product.name}` })).toHaveText(
    `${product.name}1 × $6.50`,
  );
  await expect(lines.first().locator('.cart-line__total')).toHaveText('$6.50');
  await expect(page.getByTestId('cart-total')).toHaveText('$7.08');
  // The scanned digits went nowhere else: the search box is still empty.
  await expect(page.getByRole('searchbox', { name: 'Search products' })).toHaveValue('');
  await shot(page, 'checkout-scanned');
});

test('Import CSV refuses a file with one bad row and applies nothing, then applies the fixed file', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Products');

  const header = 'sku,product,category,tax_class,price,track_stock';
  // Line 1 is the header; line 3 has a price with three decimals, which USD cannot hold.
  const bad = [
    header,
    'MER-CDL-S,Harbor Candle,Merch,Standard,12.00,false',
    'MER-CDL-L,Harbor Candle Jar,Merch,Standard,12.345,false',
  ].join('\n');
  const fixed = bad.replace('12.345', '12.35');

  const chooseFile = async (name: string, csv: string) => {
    const dialog = page.getByRole('dialog', { name: 'Import products from CSV' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: /Choose (a|another) CSV file/ }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    return dialog;
  };

  await page.getByRole('button', { name: 'Import CSV' }).click();
  let dialog = await chooseFile('candles-bad.csv', bad);
  await expect(dialog.getByTestId('import-errors')).toHaveText('1');
  await expect(dialog.getByTestId('import-created')).toHaveText('0');
  const errors = dialog.getByRole('table', { name: 'Errors by line' });
  await expect(errors.getByRole('row')).toHaveCount(2);
  await expect(errors.getByRole('row').nth(1).getByRole('cell')).toHaveText([
    '3',
    'price',
    'The price in USD: "12.345" has 3 decimals but USD has at most 2.',
  ]);
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await shot(page, 'products-import-error');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Nothing was applied: not even the good row.
  await page.getByRole('searchbox', { name: 'Search products' }).fill('Harbor Candle');
  await expect(page.getByText('0 products match')).toBeVisible();

  await page.getByRole('button', { name: 'Import CSV' }).click();
  dialog = await chooseFile('candles.csv', fixed);
  await expect(dialog.getByTestId('import-errors')).toHaveText('0');
  await expect(dialog.getByTestId('import-created')).toHaveText('2');
  await expect(dialog.getByText('The file is ready to import.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 2 variants' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('2 added, 0 updated, 0 unchanged.')).toBeVisible();

  await expect(page.getByText('2 products match')).toBeVisible();
  await expect(productRow(page, 'Harbor Candle Jar').getByRole('cell').nth(4)).toHaveText('$12.35');
  await expect(productRow(page, 'Harbor Candle').getByRole('cell').nth(4)).toHaveText('$12.00');
  await shot(page, 'products-imported');
});

test('Export CSV downloads the catalog with the new SKU', async ({ page, host }) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await createProduct(page);
  await page.getByRole('main').getByRole('button', { name: 'Products', exact: true }).click();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await file.path(), 'utf8');
  const lines = csv.split(/\r?\n/);
  expect(lines[0]).toBe(
    'sku,barcodes,product,variant,category,tax_class,price,track_stock,stock,description,active',
  );
  expect(lines).toContain(
    `${product.sku},${product.barcode},${product.name},,Merch,Standard,6.50,true,0,,true`,
  );
});
