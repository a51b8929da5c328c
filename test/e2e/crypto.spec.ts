/**
 * Crypto in demo mode, in Chromium against the real host (the simulated chains run in the host's
 * process and the real watchers read them): sell, pay by crypto, the invoice's QR decodes (jsQR) to
 * the payment request shown beside it, pay from the simulated wallet, the status moves to paid, and
 * the printed receipt carries the transaction id.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { demoStaff, goTo, loginByPin, openShiftWithFloat } from './helpers';
import { expect, shot, test } from './fixtures';

test('a BTC invoice paid from the simulated wallet: QR, status, paid, receipt with the txid', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const printed: string[] = [];
    (window as unknown as { printed: string[] }).printed = printed;
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes)
          if (node instanceof HTMLIFrameElement && node.title === 'Receipt for printing')
            printed.push(node.srcdoc);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(host.url);
  await loginByPin(page, demoStaff.cashier);
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await page
    .getByRole('button', { name: /^Espresso\b/ })
    .first()
    .click();
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page
    .getByRole('dialog', { name: 'Take payment' })
    .getByRole('button', { name: 'Crypto', exact: true })
    .click();
  const crypto = page.getByRole('dialog', { name: 'Crypto' });
  await crypto.getByRole('button', { name: 'BTC on Bitcoin (demo)' }).click();
  const panel = crypto.getByTestId('invoice-panel');
  await expect(panel.getByTestId('invoice-status')).toHaveText('Waiting for payment');
  await expect(panel.getByTestId('invoice-amount')).toHaveText(/^0\.\d+ BTC$/);
  await expect(panel.getByTestId('invoice-countdown')).toHaveText(/^1[45]:\d\d left$/);

  // The QR decodes to the payment request shown as text.
  const qr = panel.getByTestId('invoice-qr');
  await expect(qr.getByRole('img')).toBeVisible();
  const uri =
    (await panel.locator('.copy-row', { hasText: 'Payment request' }).locator('code').textContent()) ?? '';
  expect(uri).toMatch(/^bitcoin:bcrt1q[0-9a-z]+\?amount=0\.\d+$/);
  const png = PNG.sync.read(await qr.screenshot());
  expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(uri);
  await shot(page, 'crypto-invoice');

  // The address alone, with what the customer must check.
  await panel.getByRole('radio', { name: 'Address only' }).click();
  await expect(panel.getByTestId('invoice-check-hint')).toContainText('send exactly');
  const address =
    (await panel.locator('.copy-row', { hasText: 'Address' }).locator('code').textContent()) ?? '';
  const addressPng = PNG.sync.read(await qr.screenshot());
  expect(jsQR(new Uint8ClampedArray(addressPng.data), addressPng.width, addressPng.height)?.data).toBe(
    address,
  );

  await panel.getByRole('button', { name: 'Pay in full' }).click();
  await expect(panel.getByTestId('invoice-status')).toHaveText(/Seen|Confirming/, { timeout: 30_000 });
  await shot(page, 'crypto-confirming');
  const done = page.getByRole('dialog', { name: 'Paid' });
  await expect(done.getByText(/^Sale #\d+ paid · \$3\.54$/)).toBeVisible({ timeout: 60_000 });
  await done.getByRole('button', { name: 'Print receipt' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed.join('\n')))
    .toContain('BTC');
  const printed = await page.evaluate(() => (window as unknown as { printed: string[] }).printed.join('\n'));
  expect(printed.replace(/<[^>]+>|\s+/g, '')).toMatch(/[0-9a-f]{64}/);
  expect(printed).toContain('Transaction');
  await shot(page, 'crypto-paid');
});
