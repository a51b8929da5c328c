/**
 * Issue 8, finding 5: one clock. The device runs in Tokyo, the store (demo: America/New_York) is
 * 14 hours behind; every time shown — the shift's opening, the order list, the receipt, the Z
 * report, the activity log and the customer display's clock — is the store's, in its locale.
 */
import { type Page } from '@playwright/test';
import { addProduct, demoStaff, goTo, loginByPin, openShiftWithFloat, payCash } from './helpers';
import { expect, shot, test } from './fixtures';

test.use({ timezoneId: 'Asia/Tokyo' });

const storeZone = 'America/New_York';

/**
 * The time of day in `timeZone` a minute ago, now and in a minute ("3:05 PM"), to match whichever
 * minute it is; never inside a longer time ("1:05 PM" does not match in "11:05 PM": the store is
 * 14 hours behind the device, so at some hours one's time ends with the other's).
 */
function timesIn(timeZone: string): RegExp {
  const fmt = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone });
  const now = Date.now();
  const times = [now - 60_000, now, now + 60_000].map((ms) =>
    fmt.format(new Date(ms)).replace(/\u202f/g, ' '),
  );
  return new RegExp(`(?<!\\d)(?:${times.map((t) => t.replace(/ /g, '[\\s\\u202f]')).join('|')})`);
}

const storeTimes = () => timesIn(storeZone);
const deviceTimes = () => timesIn('Asia/Tokyo');

async function cashSale(page: Page): Promise<void> {
  await goTo(page, 'Checkout');
  await addProduct(page, 'Espresso');
  await payCash(page, '20');
}

test('screens, receipt, Z report, activity log and the display show the store’s time', async ({
  page,
  context,
  host,
}) => {
  test.setTimeout(120_000);
  const display = await context.newPage();
  await display.goto(`${host.url}/display.html`);
  // The till's page in front: Chromium draws frames only for the front page when no trace records a
  // screencast, and clicks wait for two frames.
  await page.bringToFront();

  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await openShiftWithFloat(page, '100.00');
  const opened = page.getByText(/^Opened .* by Olivia Owner$/);
  await expect(opened).toHaveText(storeTimes());
  await expect(opened).not.toHaveText(deviceTimes());
  await expect(page.getByRole('group', { name: 'Shift status' })).toHaveText(storeTimes());

  await cashSale(page);
  await goTo(page, 'Orders');
  const row = page.locator('.order-row__when').first();
  await expect(row).toHaveText(storeTimes());
  await row.click();
  const receipt = page.frameLocator('iframe[title="Receipt preview"]');
  await expect(receipt.locator('body')).toContainText(storeTimes());
  await shot(page, 'clock-order-receipt');

  // The customer display's clock (it learnt the store from the main window's remembered profile).
  await display.reload();
  await expect(display.locator('.display-clock__time')).toHaveText(storeTimes());

  await goTo(page, 'Staff');
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByRole('tabpanel')).toContainText(storeTimes());
  await expect(page.getByRole('tabpanel')).not.toContainText(deviceTimes());

  // Close the shift: the Z report prints the store's time.
  await goTo(page, 'Shift');
  await page.getByRole('button', { name: 'Close shift' }).click();
  await page
    .getByRole('radio', { name: /one amount/i })
    .check()
    .catch(() => undefined);
  const closeButton = page.getByRole('button', { name: 'Close shift' });
  await closeButton.click();
  const confirm = page.getByRole('dialog');
  if (await confirm.isVisible().catch(() => false)) {
    await confirm.getByRole('button').filter({ hasText: /close/i }).last().click();
  }
  await expect(page.getByText(/closed .* by Olivia Owner/)).toHaveText(storeTimes());
});
