/**
 * Crypto in demo mode, in Chromium against the real host (the simulated chains run in the host's
 * process and the real watchers read them): sell, pay by crypto, the invoice's QR decodes (jsQR) to
 * the payment request shown beside it, pay from the simulated wallet, the status moves to paid, and
 * the printed receipt carries the transaction id.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { demoStaff, goTo, loginByPin, startSaleWithTender } from './helpers';
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
  await startSaleWithTender(page, host, 'Crypto');
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

test('the invoice fits at 1280×800, 1024×768 and 800×1280', async ({ page, host }) => {
  test.setTimeout(120_000);
  await startSaleWithTender(page, host, 'Crypto');
  const crypto = page.getByRole('dialog', { name: 'Crypto' });
  await crypto.getByRole('button', { name: 'USDC on Ethereum (demo)' }).click();
  const panel = crypto.getByTestId('invoice-panel');
  await expect(panel.getByTestId('invoice-status')).toHaveText('Waiting for payment');
  await expect(panel.locator('.copy-row', { hasText: 'Token' })).toBeVisible();
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
    [800, 1280],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(panel.getByTestId('invoice-qr').getByRole('img')).toBeVisible();
    const overflow = await panel.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const outside = [...element.querySelectorAll('*')].filter((child) => {
        const r = child.getBoundingClientRect();
        return r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
      });
      return { scroll: element.scrollWidth > element.clientWidth + 1, outside: outside.length };
    });
    expect(overflow, `${width}×${height}`).toEqual({ scroll: false, outside: 0 });
    await shot(page, `crypto-invoice-${width}x${height}`);
  }
  await crypto.getByRole('button', { name: 'Cancel invoice' }).click();
  await expect(panel.getByTestId('invoice-status')).toHaveText('Cancelled');
});

test('Settings › Payments: the demo wallets with their first addresses, and a network’s connection test', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Payments' }).click();
  const wallets = page.getByRole('list', { name: 'Crypto wallets' });
  await expect(wallets.getByRole('listitem').filter({ hasText: 'Demo Bitcoin wallet' })).toContainText(
    'bcrt1q',
  );
  await expect(wallets.getByRole('listitem').filter({ hasText: 'Demo EVM wallet' })).toContainText(
    '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
  );
  // A seed phrase is refused and not kept in the field.
  await page
    .getByRole('textbox', { name: 'Extended public key' })
    .fill('abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about');
  await page.getByRole('button', { name: 'Add wallet' }).click();
  await expect(page.getByText(/That is a seed phrase/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Extended public key' })).toHaveValue('');
  const chain = page.getByTestId('chain-btc:regtest');
  await chain.getByRole('button', { name: 'Test the connection' }).click();
  await expect(chain.getByText(/^Connected: block \d+\.$/)).toBeVisible();
  await shot(page, 'crypto-settings');
});

test('the customer display shows the invoice (QR, amount, what to check), then thanks', async ({
  page,
  context,
  host,
}) => {
  test.setTimeout(120_000);
  const display = await context.newPage();
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

  await startSaleWithTender(page, host, 'Crypto');
  const crypto = page.getByRole('dialog', { name: 'Crypto' });
  await crypto.getByRole('button', { name: 'BTC on Bitcoin (demo)' }).click();
  const panel = crypto.getByTestId('invoice-panel');
  await expect(panel.getByTestId('invoice-status')).toHaveText('Waiting for payment');
  const address =
    (await panel.locator('.copy-row', { hasText: 'Address' }).locator('code').textContent()) ?? '';

  await expect(display.getByText('Pay with BTC (Bitcoin (demo))')).toBeVisible();
  await expect(display.getByRole('img', { name: /QR code to pay with BTC/ })).toBeVisible();
  await expect(display.getByText(address)).toBeVisible();
  await expect(display.getByText('Waiting for your payment')).toBeVisible();
  await shot(display, 'crypto-display');

  await panel.getByRole('button', { name: 'Pay in full' }).click();
  await expect(display.getByRole('heading', { name: 'Thank you!' })).toBeVisible({ timeout: 60_000 });
});
