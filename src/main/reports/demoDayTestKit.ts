/**
 * For tests: a demo-mode core (the Stripe simulator in-process) and a day of sales with every tender
 * available: cash, card on the simulated reader, pay by phone, store coins (a top-up, then a coins
 * payment), foreign cash, a cash refund; the shift closed with its Z report. Used by tests only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ulid } from 'ulid';
import { createCore, type Core } from '../core';
import { testPinHashParams } from '../staff';

export interface DemoDay {
  readonly core: Core;
  readonly dir: string;
  readonly cashier: string;
  readonly manager: string;
  readonly owner: string;
  /** The store day of the sales. */
  readonly day: string;
  close(): Promise<void>;
}

export async function openDemoDay(): Promise<DemoDay> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-reports-demo-'));
  const core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
    card: { pollMs: 5 },
  });
  const login = async (name: string, pin: string) => {
    const { staff } = await core.call('staff.list', {});
    const member = staff.find((s) => s.name === name);
    if (!member) throw new Error(`no demo member ${name}`);
    return (await core.call('staff.login', { staffId: member.staffId, pin })).session;
  };
  const owner = await login('Olivia Owner', '2580');
  const manager = await login('Marco Manager', '1470');
  const cashier = await login('Casey Cashier', '3690');
  const { settings } = await core.call('settings.get', {}, owner);
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: settings.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  return {
    core,
    dir,
    cashier,
    manager,
    owner,
    day,
    async close() {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const variants = (core: Core) =>
  core.db.prepare('SELECT id FROM catalog_variants ORDER BY id LIMIT 4').pluck().all() as string[];

async function order(
  d: DemoDay,
  variantIndex: number,
  quantity = 1,
): Promise<{ orderId: string; dueMinor: bigint }> {
  const { order: made } = await d.core.call('orders.create', {}, d.cashier);
  const variantId = variants(d.core)[variantIndex % 4]!;
  const { order: view } = await d.core.call(
    'orders.addLine',
    { orderId: made.id, variantId, quantity },
    d.cashier,
  );
  return { orderId: made.id, dueMinor: BigInt(view.amountDueMinor) };
}

async function settled(d: DemoDay, paymentId: string): Promise<void> {
  for (let i = 0; i < 2000; i += 1) {
    const { payment } = await d.core.call('payments.get', { paymentId }, d.cashier);
    if (payment.status === 'succeeded') return;
    if (payment.status !== 'pending') throw new Error(`payment ${paymentId} ended ${payment.status}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`payment ${paymentId} is still pending`);
}

/** A day with a sale on every tender, a refund, and the shift closed. */
export async function ringDemoDay(d: DemoDay): Promise<void> {
  const { core, cashier, manager } = d;
  await core.call('shifts.open', { float: { amount: '10000' } }, manager);
  // Cash.
  const cash = await order(d, 0, 2);
  await core.call(
    'payments.cash',
    { orderId: cash.orderId, tendered: (cash.dueMinor + 500n).toString() },
    cashier,
  );
  // Card on the simulated reader.
  const card = await order(d, 1);
  const cardPayment = await core.call(
    'payments.start',
    { orderId: card.orderId, paymentId: ulid(), tender: 'card' },
    cashier,
  );
  await core.call('stripe.presentTestCard', { card: 'visa' }, cashier);
  await settled(d, cardPayment.payment.id);
  // Pay by phone: the customer pays on the Checkout page.
  const phone = await order(d, 2);
  const phonePayment = await core.call(
    'payments.start',
    { orderId: phone.orderId, paymentId: ulid(), tender: 'phone' },
    cashier,
  );
  const { url } = await core.call('stripe.checkoutLink', { paymentId: phonePayment.payment.id }, cashier);
  if (!url) throw new Error('no pay-by-phone link');
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'number=4242424242424242',
  });
  await settled(d, phonePayment.payment.id);
  // Store coins: a top-up paid in cash, then a sale paid with coins.
  const { customer } = await core.call('customers.create', { name: 'Rita Reader' }, cashier);
  const { packages } = await core.call('coins.packages', {}, cashier);
  const topUp = (await core.call('orders.create', {}, cashier)).order.id;
  const { order: topUpView } = await core.call(
    'coins.addTopUp',
    { orderId: topUp, packageId: packages[1]!.id, customerId: customer.id },
    cashier,
  );
  await core.call('payments.cash', { orderId: topUp, tendered: topUpView.amountDueMinor }, cashier);
  const coins = await order(d, 3);
  await core.call('orders.setCustomer', { orderId: coins.orderId, customerId: customer.id }, cashier);
  await core.call('payments.start', { orderId: coins.orderId, paymentId: ulid(), tender: 'coins' }, cashier);
  const coinsLeft = (await core.call('orders.get', { orderId: coins.orderId }, cashier)).order;
  if (coinsLeft.status === 'open') {
    await core.call('payments.cash', { orderId: coins.orderId, tendered: coinsLeft.amountDueMinor }, cashier);
  }
  // Foreign cash at a manager's rate.
  await core.call('fx.setRate', { currency: 'EUR', rate: '1.08' }, manager);
  const fx = await order(d, 0, 3);
  await core.call('fx.cash', { orderId: fx.orderId, currency: 'EUR', tendered: '5000' }, cashier);
  // A refund of one cash item.
  const paid = (await core.call('orders.get', { orderId: cash.orderId }, cashier)).order;
  const approval = (
    await core.call(
      'staff.approve',
      {
        staffId: (await core.call('staff.list', {})).staff.find((s) => s.name === 'Marco Manager')!.staffId,
        pin: '1470',
        action: 'refund',
        ref: cash.orderId,
      },
      cashier,
    )
  ).approval;
  await core.call(
    'orders.refund',
    {
      orderId: cash.orderId,
      lines: [{ lineId: paid.lines[0]!.id, quantity: 1 }],
      reason: 'returned',
      approval,
    },
    cashier,
  );
  // The shift closes with its count one dollar short.
  const { xReport } = await core.call('shifts.startClose', {}, manager);
  if (!xReport.cash) throw new Error('The X report holds its figures back (blind count).');
  const counted = BigInt(xReport.cash.expectedMinor) - 100n;
  await core.call(
    'shifts.close',
    {
      counts: [
        { denominationMinor: '100', count: Number(counted / 100n) },
        { denominationMinor: '1', count: Number(counted % 100n) },
      ],
    },
    manager,
  );
}
