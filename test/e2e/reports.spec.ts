/**
 * Reports in Chromium against the demo host: after sales on every tender (cash, card on the simulated
 * reader, pay by phone, store coins, foreign cash; rung through the API to keep the test short), the
 * owner's Reports screen shows them (summary, tender table with totals equal to the summary), the
 * four charts render, a day opens its orders, each export downloads, and the page reads in the dark
 * theme and at tablet sizes without sideways scrolling.
 */
import { type APIRequestContext } from '@playwright/test';
import { demoStaff, goTo, loginByPin } from './helpers';
import { artifactsDir, expect, shot, test, type RunningHost } from './fixtures';

type Data = Record<string, unknown>;

function apiOf(request: APIRequestContext, host: RunningHost) {
  return async (name: string, data: unknown, session?: string): Promise<Data> => {
    const response = await request.post(`${host.url}/api/${name}`, {
      headers: {
        authorization: `Bearer ${host.token}`,
        ...(session ? { 'x-tillpoint-session': session } : {}),
      },
      data,
    });
    const body = (await response.json()) as { data?: Data; error?: { message: string } };
    if (!response.ok()) throw new Error(`${name}: ${body.error?.message ?? response.status()}`);
    return body.data ?? {};
  };
}

const ulid = () => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let time = Date.now();
  let out = '';
  for (let i = 0; i < 10; i += 1) {
    out = alphabet[time % 32] + out;
    time = Math.floor(time / 32);
  }
  for (let i = 0; i < 16; i += 1) out += alphabet[Math.floor(Math.random() * 32)];
  return out;
};

async function ringEveryTender(request: APIRequestContext, host: RunningHost): Promise<void> {
  const api = apiOf(request, host);
  const staff = (await api('staff.list', {})).staff as { staffId: string; name: string }[];
  const login = async (who: { name: string; pin: string }) =>
    (await api('staff.login', { staffId: staff.find((s) => s.name === who.name)!.staffId, pin: who.pin }))
      .session as string;
  const cashier = await login(demoStaff.cashier);
  const manager = await login(demoStaff.manager);
  await api('shifts.open', { float: { amount: '10000' } }, manager);
  const variants = (
    (await api('catalog.products', {}, cashier)).products as { variants: { id: string }[] }[]
  ).map((p) => p.variants[0]!.id);
  const sale = async (index: number) => {
    const orderId = ((await api('orders.create', {}, cashier)).order as { id: string }).id;
    const view = (
      await api(
        'orders.addLine',
        { orderId, variantId: variants[index % variants.length], quantity: 1 },
        cashier,
      )
    ).order as { amountDueMinor: string };
    return { orderId, due: view.amountDueMinor };
  };
  const settled = async (paymentId: string) => {
    await expect
      .poll(
        async () =>
          ((await api('payments.get', { paymentId }, cashier)).payment as { status: string }).status,
        { timeout: 20_000 },
      )
      .toBe('succeeded');
  };
  const cash = await sale(0);
  await api('payments.cash', { orderId: cash.orderId, tendered: String(Number(cash.due) + 500) }, cashier);
  const card = await sale(1);
  const cardPayment = ulid();
  await api('payments.start', { orderId: card.orderId, paymentId: cardPayment, tender: 'card' }, cashier);
  await api('stripe.presentTestCard', { card: 'visa' }, cashier);
  await settled(cardPayment);
  const phone = await sale(2);
  const phonePayment = ulid();
  await api('payments.start', { orderId: phone.orderId, paymentId: phonePayment, tender: 'phone' }, cashier);
  const { url } = (await api('stripe.checkoutLink', { paymentId: phonePayment }, cashier)) as { url: string };
  await request.post(url, { form: { number: '4242424242424242' } });
  await settled(phonePayment);
  const customer = (
    (await api('customers.create', { name: 'Rita Reader' }, cashier)).customer as { id: string }
  ).id;
  const packages = (await api('coins.packages', {}, cashier)).packages as { id: string }[];
  const topUp = ((await api('orders.create', {}, cashier)).order as { id: string }).id;
  const topUpView = (
    await api('coins.addTopUp', { orderId: topUp, packageId: packages[1]!.id, customerId: customer }, cashier)
  ).order as { amountDueMinor: string };
  await api('payments.cash', { orderId: topUp, tendered: topUpView.amountDueMinor }, cashier);
  const coins = await sale(3);
  await api('orders.setCustomer', { orderId: coins.orderId, customerId: customer }, cashier);
  await api('payments.start', { orderId: coins.orderId, paymentId: ulid(), tender: 'coins' }, cashier);
  const left = (await api('orders.get', { orderId: coins.orderId }, cashier)).order as {
    status: string;
    amountDueMinor: string;
  };
  if (left.status === 'open')
    await api('payments.cash', { orderId: coins.orderId, tendered: left.amountDueMinor }, cashier);
  await api('fx.setRate', { currency: 'EUR', rate: '1.08' }, manager);
  const fx = await sale(4);
  await api('fx.cash', { orderId: fx.orderId, currency: 'EUR', tendered: '5000' }, cashier);
}

test('Reports: the day’s sales on every tender, charts, drill-down, and every export', async ({
  page,
  host,
  request,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await ringEveryTender(request, host);
  await page.goto(host.url);
  await loginByPin(page, demoStaff.owner);
  await goTo(page, 'Reports');

  const figures = page.getByRole('list', { name: 'Summary' }).or(page.locator('dl[aria-label="Summary"]'));
  await expect(figures.locator('[data-figure="orders"] .reports-figure__value')).toHaveText('6');
  const net = await figures.locator('[data-figure="netMinor"] .reports-figure__value').innerText();
  expect(net).toMatch(/^\$\d+\.\d{2}$/);

  // The four charts draw their shapes.
  for (const chart of ['Sales over time', 'Tender mix', 'Top products', 'Busy hours']) {
    const figure = page.locator(`figure[data-chart="${chart}"]`);
    await expect(figure.locator('svg.recharts-surface').first()).toBeVisible();
    await expect(figure.locator('path, rect').first()).toBeAttached();
  }
  await expect(page.locator('figure[data-chart="Tender mix"] .recharts-pie-sector')).toHaveCount(5);

  // By tender: every tender, and the totals row equals the summary's collected figure.
  await page.getByRole('tab', { name: 'By tender' }).click();
  const tenders = page.locator('[data-report="by_tender"]');
  for (const name of ['Cash', 'Card', 'Pay by phone', 'Store coins', 'Foreign cash']) {
    await expect(tenders.getByRole('cell', { name, exact: true }).first()).toBeVisible();
  }
  const collected = await figures
    .locator('[data-figure="collectedMinor"] .reports-figure__value')
    .innerText();
  await expect(tenders.locator('tfoot td').last()).toHaveText(collected);
  // Sorting by a header turns the rows around.
  await tenders.getByRole('button', { name: 'Net' }).click();
  await expect(tenders.getByRole('columnheader', { name: /Net/ })).toHaveAttribute('aria-sort', 'descending');

  // By day: the net equals the summary; the day opens its orders.
  await page.getByRole('tab', { name: 'By day' }).click();
  const byDay = page.locator('[data-report="by_day"]');
  await expect(byDay.locator('tfoot td').nth(6)).toHaveText(net);
  await byDay.locator('tbody button').first().click();
  const orders = page.getByRole('dialog', { name: /^Orders of / });
  await expect(orders.getByRole('row')).toHaveCount(7);
  await shot(page, 'reports-day-orders');
  await orders.getByRole('button', { name: /close/i }).first().click();

  // Every export downloads.
  for (const [label, pattern] of [
    ['CSV', /-csv\.zip$/],
    ['Excel', /\.xlsx$/],
    ['PDF', /\.pdf$/],
    ['hledger', /\.journal$/],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: label, exact: true }).click();
    expect((await download).suggestedFilename()).toMatch(pattern);
  }
  await shot(page, 'reports-light');
  await page.locator('.reports-charts').screenshot({ path: `${artifactsDir}/reports-charts-light.png` });
  await page.locator('.reports-tables').screenshot({ path: `${artifactsDir}/reports-tables-light.png` });

  // Readable in the dark theme and on tablets: no sideways scrolling.
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await shot(page, 'reports-dark');
  for (const [width, height] of [
    [800, 1280],
    [1024, 768],
    [1280, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(
      page.locator('figure[data-chart="Sales over time"] svg.recharts-surface').first(),
    ).toBeVisible();
    // The charts follow their box once its resize observer fires: from a one-column layout to two
    // they are wider than their column for a frame or two, so the check waits for them to settle.
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            Math.max(
              ...[
                document.documentElement,
                document.querySelector('.shell__main'),
                ...document.querySelectorAll('.reports-chart'),
              ].map((el) => (el ? el.scrollWidth - el.clientWidth : 0)),
            ),
          ),
        { message: `sideways overflow at ${width}×${height}`, timeout: 5_000 },
      )
      .toBeLessThanOrEqual(0);
    await shot(page, `reports-${width}x${height}`);
    await page
      .locator('.reports-charts')
      .screenshot({ path: `${artifactsDir}/reports-charts-${width}x${height}.png` });
  }
  // (Another screen's attempt to load Stripe's Terminal script, refused by the CSP, is not this page's.)
  expect(consoleErrors.filter((e) => !e.includes('js.stripe.com'))).toEqual([]);
});
