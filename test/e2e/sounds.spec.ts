/**
 * The counter's sounds, in Chromium against the real host: when a cash sale completes the page
 * starts its "paid" audio element (once, though the payment and the order both say so), and when
 * the cashier has turned sounds off in Settings › This till it starts none. A customer display on
 * another device (a tablet: its own browser) chimes too.
 *
 * HTMLMediaElement.prototype.play is wrapped before the app loads, so the test sees every sound
 * the page starts (the element's data-sound) whether or not the machine has a speaker.
 */
import { type Page } from '@playwright/test';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, mintLoginLink, signIn, test } from './fixtures';

const spyOnPlay = `
  window.__soundsPlayed = [];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    window.__soundsPlayed.push(this.dataset.sound || this.currentSrc || this.src);
    return play.call(this);
  };
`;

const played = (page: Page): Promise<string[]> =>
  page.evaluate(() => (globalThis as unknown as { __soundsPlayed: string[] }).__soundsPlayed);

async function cashSale(page: Page): Promise<void> {
  await goTo(page, 'Checkout');
  // Espresso 3.25 + tax 0.29 = 3.54, paid with 5.00 → change 1.46.
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await expect(page.getByTestId('cart-total')).toHaveText('$3.54');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page
    .getByRole('dialog', { name: 'Take payment' })
    .getByRole('button', { name: 'Cash', exact: true })
    .click();
  const cash = page.getByRole('dialog', { name: 'Cash' });
  await page.keyboard.type('5');
  await cash.getByRole('button', { name: 'Take cash' }).click();
  await expect(page.getByRole('dialog', { name: 'Paid' }).getByTestId('change-due')).toHaveText('$1.46');
}

test('the "paid" sound plays once when a cash sale completes', async ({ page, host, consoleErrors }) => {
  await page.addInitScript({ content: spyOnPlay });
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  expect(await played(page)).toEqual([]);

  await cashSale(page);
  await expect.poll(() => played(page)).toEqual(['paid']);
  // The order's own "paid" event follows the payment's: still one chime.
  await page.waitForTimeout(1_000);
  expect(await played(page)).toEqual(['paid']);
  expect(consoleErrors).toEqual([]);
});

test('no sound plays when sounds are off in Settings › This till', async ({ page, host, consoleErrors }) => {
  await page.addInitScript({ content: spyOnPlay });
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);

  await goTo(page, 'Settings');
  const sounds = page.getByRole('switch', { name: 'Play sounds' });
  await expect(sounds).toHaveAttribute('aria-checked', 'true');
  await sounds.click();
  await expect(sounds).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('slider', { name: 'Volume' })).toBeDisabled();

  await openShiftWithFloat(page, '100.00');
  await cashSale(page);
  // Give the payment's and the order's events time to arrive: they must start nothing.
  await page.waitForTimeout(1_500);
  expect(await played(page)).toEqual([]);

  // The choice is this device's, kept across a reload.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await goTo(page, 'Settings');
  await expect(page.getByRole('switch', { name: 'Play sounds' })).toHaveAttribute('aria-checked', 'false');
  expect(consoleErrors).toEqual([]);
});

test('a customer display on a tablet chimes "paid" too', async ({ page, host, browser, consoleErrors }) => {
  // The tablet is another browser: its own storage, signed in with its own login link.
  const tablet = await browser.newContext();
  const display = await tablet.newPage();
  await display.addInitScript({ content: spyOnPlay });
  await signIn(display, mintLoginLink(host));
  const listening = new Promise<void>((resolve) => {
    display.on('websocket', (socket) => {
      socket.on('framereceived', (frame) => {
        if (String(frame.payload).includes('"event":"ready"')) resolve();
      });
    });
  });
  await display.goto(`${host.url}/display.html`);
  await expect(display.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await listening;

  await page.addInitScript({ content: spyOnPlay });
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await cashSale(page);
  await expect(display.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect.poll(() => played(display)).toEqual(['paid']);
  await expect.poll(() => played(page)).toEqual(['paid']);
  await tablet.close();
  expect(consoleErrors).toEqual([]);
});
