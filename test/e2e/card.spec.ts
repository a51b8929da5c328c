/**
 * Card on the demo's simulated reader, in Chromium against the real host: sell, pick Card, the
 * reader waits with the amount, a declined test card says why and offers to try again, an approved
 * one pays the sale. (Demo mode runs the Stripe simulator in the host's own process.)
 *
 * Espresso 3.25 → tax 0.29 (8.875 %, half-up) → total 3.54.
 */
import {
  approveAs,
  demoStaff,
  goTo,
  loginByPin,
  openShiftWithFloat,
  payWithTender,
  startSaleWithTender,
} from './helpers';
import { expect, shot, test } from './fixtures';

test('a card payment on the simulated reader: declined once, then approved', async ({ page, host }) => {
  await startSaleWithTender(page, host, 'Card', { total: '$3.54' });
  const card = page.getByRole('dialog', { name: 'Card' });
  await expect(card.getByTestId('inflight-amount')).toHaveText('$3.54');
  await expect(card.getByTestId('inflight-status')).toHaveText('Waiting for the customer…');
  await expect(card.getByText('Present the card on the reader.')).toBeVisible();
  const reader = card.getByRole('group', { name: 'Simulated reader: tap a test card' });
  await shot(page, 'card-waiting');

  await reader.getByRole('button', { name: 'Declined' }).click();
  await expect(card.getByTestId('inflight-status')).toHaveText('Declined');
  await expect(card.getByText(/generic_decline/)).toBeVisible();
  await shot(page, 'card-declined');

  await card.getByRole('button', { name: 'Try again' }).click();
  await expect(card.getByTestId('inflight-status')).toHaveText('Waiting for the customer…');
  await card
    .getByRole('group', { name: 'Simulated reader: tap a test card' })
    .getByRole('button', { name: 'Visa: approved' })
    .click();

  const done = page.getByRole('dialog', { name: 'Paid' });
  await expect(done.getByText(/^Sale #\d+ paid · \$3\.54$/)).toBeVisible();
  await shot(page, 'card-paid');
});

test('pay by phone: the QR code of the payment link, paid on the page, and the sale is paid', async ({
  page,
  host,
}) => {
  await startSaleWithTender(page, host, 'Pay by phone');
  const phone = page.getByRole('dialog', { name: 'Pay by phone' });
  await expect(phone.getByTestId('inflight-status')).toHaveText('Waiting for the customer…');
  await expect(phone.getByRole('img', { name: 'QR code of the payment link' })).toBeVisible();
  await shot(page, 'phone-qr');
  const url = await phone.getByRole('link', { name: 'Open the payment page' }).getAttribute('href');
  expect(url).toMatch(/\/checkout\/pay\/cs_test_/);
  // The customer's phone pays on the page.
  const paid = await page.request.post(url ?? '', { form: { number: '4242424242424242' } });
  expect(await paid.text()).toMatch(/Paid/);
  const done = page.getByRole('dialog', { name: 'Paid' });
  await expect(done.getByText(/^Sale #\d+ paid · \$3\.54$/)).toBeVisible();
});

test('Settings › Payments: the demo’s Stripe, a connection test, and a second simulated reader', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Payments' }).click();
  const stripe = page.getByRole('region', { name: 'Stripe' });
  await expect(stripe.getByText('Demo mode’s simulated Stripe')).toBeVisible();
  await expect(stripe.getByText('Test', { exact: true })).toBeVisible();
  await stripe.getByRole('button', { name: 'Test the connection' }).click();
  await expect(page.getByText('Stripe answers.')).toBeVisible();

  const readers = page.getByRole('list', { name: 'Readers' });
  await expect(readers.getByRole('listitem')).toHaveCount(1);
  await expect(readers.getByRole('listitem').first()).toContainText('Demo reader');
  await expect(readers.getByRole('listitem').first()).toContainText('This till');
  await page.getByRole('textbox', { name: 'Registration code' }).fill('simulated-wpe');
  await page
    .getByRole('region', { name: 'Readers' })
    .getByRole('textbox', { name: 'Name (optional)' })
    .fill('Back counter');
  await page.getByRole('button', { name: 'Register reader' }).click();
  await expect(readers.getByRole('listitem')).toHaveCount(2);
  const back = readers.getByRole('listitem').filter({ hasText: 'Back counter' });
  await expect(back).toContainText('This till');
  await readers
    .getByRole('listitem')
    .filter({ hasText: 'Demo reader' })
    .getByRole('button', { name: 'Use this reader' })
    .click();
  await expect(readers.getByRole('listitem').filter({ hasText: 'Demo reader' })).toContainText('This till');
  await expect(
    page.getByRole('region', { name: 'Paystack' }).getByText('Demo mode', { exact: true }),
  ).toBeVisible();
  await shot(page, 'settings-payments');
});

test('a card sale: paid on the simulated reader, the receipt with the card’s details, refunded through Stripe', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  // What the browser is asked to print (the hidden receipt frame's HTML).
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
  await startSaleWithTender(page, host, 'Card');
  const card = page.getByRole('dialog', { name: 'Card' });
  await expect(card.getByTestId('inflight-status')).toHaveText('Waiting for the customer…');
  await card
    .getByRole('group', { name: 'Simulated reader: tap a test card' })
    .getByRole('button', { name: 'Visa: approved' })
    .click();
  const done = page.getByRole('dialog', { name: 'Paid' });
  await expect(done.getByText(/^Sale #\d+ paid · \$3\.54$/)).toBeVisible();

  // The printed receipt carries what card brands require, as Stripe's charge gave it.
  await done.getByRole('button', { name: 'Print receipt' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed.join('\n')))
    .toContain('Visa •••• 4242');
  const printed = await page.evaluate(() => (window as unknown as { printed: string[] }).printed.join('\n'));
  expect(printed).toContain('A0000000031010'); // AID
  expect(printed).toContain('123456'); // authorisation code
  expect(printed).toMatch(/Contactless|Chip|Tap/i); // entry mode
  await done.getByRole('button', { name: 'New sale' }).click();

  // Refund it from the order: a cashier needs a manager's PIN; the refund goes back through Stripe,
  // which processes it a moment later (the demo's simulator keeps card refunds pending 3 s).
  await goTo(page, 'Orders');
  await page
    .getByRole('button', { name: /\$3\.54/ })
    .first()
    .click();
  const receipt = page.frameLocator('iframe[title="Receipt preview"]');
  await expect(receipt.locator('body')).toContainText('Visa •••• 4242');
  await expect(receipt.locator('body')).toContainText('A0000000031010');
  await page.getByRole('button', { name: 'Refund', exact: true }).click();
  const refundDialog = page.getByRole('dialog', { name: /refund/i });
  await refundDialog.getByRole('textbox', { name: 'Reason' }).fill('Changed their mind');
  await refundDialog.getByRole('button', { name: 'Refund', exact: true }).click();
  await approveAs(page, demoStaff.manager);
  await expect(page.getByText('refund on its way', { exact: false }).first()).toBeVisible();
  const refunds = page.getByRole('region', { name: 'Refunds' });
  await expect(refunds.getByTestId('refund-status')).toHaveText('Refunded', { timeout: 30_000 });
  await expect(refunds).toContainText('Card');
  await expect(page.getByRole('heading', { name: /Sale #\d+/ })).toContainText('Refunded');
  await expect(receipt.locator('body')).toContainText(/refund/i);
  await shot(page, 'card-refunded');
});

test('the reader picker: several readers at the location, their state, the till’s pick remembered', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Payments' }).click();
  await page.getByRole('textbox', { name: 'Registration code' }).fill('simulated-wpe');
  await page
    .getByRole('region', { name: 'Readers' })
    .getByRole('textbox', { name: 'Name (optional)' })
    .fill('Back counter');
  await page.getByRole('button', { name: 'Register reader' }).click();
  await expect(page.getByRole('list', { name: 'Readers' }).getByRole('listitem')).toHaveCount(2);

  await openShiftWithFloat(page, '100.00');
  for (const round of [1, 2]) {
    await goTo(page, 'Checkout');
    await payWithTender(page, 'Card');
    const picker = page.getByRole('dialog', { name: 'Card reader' });
    const readers = picker.getByRole('list', { name: 'Card readers' });
    await expect(readers.getByRole('button')).toHaveCount(2);
    // Registered last, Back counter is the till's reader at first; after the first sale, Demo reader is.
    const mine = round === 1 ? 'Back counter' : 'Demo reader';
    await expect(readers.getByRole('button', { name: `${mine}: Online, this till’s reader` })).toBeVisible();
    if (round === 1) await shot(page, 'card-reader-picker');
    await readers.getByRole('button', { name: /^Demo reader: Online/ }).click();

    const card = page.getByRole('dialog', { name: 'Card' });
    await expect(card.getByTestId('inflight-status')).toHaveText('Waiting for the customer…');
    await card
      .getByRole('group', { name: 'Simulated reader: tap a test card' })
      .getByRole('button', { name: 'Visa: approved' })
      .click();
    const done = page.getByRole('dialog', { name: 'Paid' });
    await expect(done.getByText(/^Sale #\d+ paid · \$3\.54$/)).toBeVisible();
    await done.getByRole('button', { name: 'New sale' }).click();
  }
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Payments' }).click();
  await expect(
    page.getByRole('list', { name: 'Readers' }).getByRole('listitem').filter({ hasText: 'Demo reader' }),
  ).toContainText('This till');
});

test('the JS SDK adapter: the page may load Stripe’s script only while it is on', async ({ page, host }) => {
  test.setTimeout(120_000);
  const policy = async () => (await page.request.get(host.url)).headers()['content-security-policy'] ?? '';
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  expect(await policy()).not.toContain('js.stripe.com');
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Payments' }).click();
  await page.getByRole('switch', { name: /Drive the reader from this page/ }).click();
  await expect(page.getByText(/The page drives the reader/)).toBeVisible();
  expect(await policy()).toContain("script-src 'self' https://js.stripe.com");

  // js.stripe.com cannot be reached here: the card step says so instead of waiting for ever.
  await openShiftWithFloat(page, '100.00');
  await goTo(page, 'Checkout');
  await payWithTender(page, 'Card');
  const card = page.getByRole('dialog', { name: 'Card' });
  await expect(card.getByTestId('inflight-status')).toHaveText('Waiting for the customer…');
  await expect(
    card.getByRole('status', { name: 'Reader (Stripe Terminal JS)' }).getByRole('alert'),
  ).toBeVisible({
    timeout: 60_000,
  });
  await card.getByRole('button', { name: 'Cancel payment' }).click();
  await expect(card.getByTestId('inflight-status')).toHaveText('Cancelled');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();

  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Payments' }).click();
  await page.getByRole('switch', { name: /Drive the reader from this page/ }).click();
  await expect(page.getByText('The till drives the reader.')).toBeVisible();
  expect(await policy()).not.toContain('js.stripe.com');
});
