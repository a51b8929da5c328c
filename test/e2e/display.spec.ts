/**
 * The customer display, in Chromium against the real host: /display.html open in a second page
 * (as on a tablet facing the customer) follows the sale the cashier rings up in the app, from the
 * core's display.updated events: the lines with their amounts, the totals, then "Paid — change $X"
 * after a cash payment, and the welcome again a few seconds later.
 *
 * The expected figures are worked out by hand from the demo store (tax 8.875% added, rounded per
 * line, half-up):
 *   2 × Espresso 6.50 (tax 0.58) + Croissant 3.75 (tax 0.33) = 10.25; tax 0.91; total 11.16;
 *   paid with 20.00 → change 8.84.
 */
import { addProduct, demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

test('the customer display shows the sale as it is rung up, then the change', async ({
  page,
  context,
  host,
  consoleErrors,
}) => {
  test.setTimeout(120_000);
  const display = await context.newPage();
  // The display hears the till through the event socket: wait until the host says it is listening.
  const displayListening = new Promise<void>((resolve) => {
    display.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"event":"ready"')) resolve();
      });
    });
  });
  await display.goto(`${host.url}/display.html`);
  await expect(display.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await displayListening;
  // The till's page in front: Chromium draws frames only for the front page when no trace records a
  // screencast, and clicks wait for two frames.
  await page.bringToFront();

  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');

  // Each line shows on the display as soon as the cashier rings it up, with the total so far.
  const items = display.getByRole('list', { name: 'Your items' }).getByRole('listitem');
  await addProduct(page, 'Espresso');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveText(/1×\s*Espresso\s*\$3\.25/);
  await expect(display.getByTestId('display-total')).toHaveText('$3.54');

  await addProduct(page, 'Croissant');
  await addProduct(page, 'Espresso');
  await expect(page.getByTestId('cart-total')).toHaveText('$11.16');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveText(/2×\s*Espresso\s*\$6\.50/);
  await expect(items.nth(1)).toHaveText(/1×\s*Croissant\s*\$3\.75/);
  await expect(display.getByText('Order 1001 · 2 items')).toBeVisible();
  await expect(display.getByTestId('display-subtotal')).toHaveText('$10.25');
  await expect(display.getByTestId('display-tax')).toHaveText('$0.91');
  await expect(display.getByTestId('display-total')).toHaveText('$11.16');
  await shot(display, 'display-cart');

  // Cash: 20.00 for 11.16. The display says it is paid and gives the change the core worked out.
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('button', { name: /^Cash/ }).click();
  await page.keyboard.type('20');
  await page.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByTestId('change-due')).toHaveText('$8.84');
  await expect(display.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(display.getByText(/Paid — change \$8\.84/)).toBeVisible();
  await expect(display.getByTestId('display-change')).toHaveText('$8.84');
  await shot(display, 'display-paid');

  // A few seconds later the display welcomes the next customer.
  await expect(display.getByRole('heading', { name: 'Welcome' })).toBeVisible({ timeout: 15_000 });
  expect(consoleErrors).toEqual([]);
});
