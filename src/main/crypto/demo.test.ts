/**
 * Demo mode end to end in the core, with the REAL watchers on the simulated chains: the demo wallet
 * (public keys only), an invoice in BTC and one in the simulated USDC, paid from the simulated
 * wallet; the invoice goes waiting → seen → confirming → paid and the order is paid; a partial
 * payment leaves it underpaid. The QR of each invoice decodes (jsQR) to its URI, which parses back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import pino from 'pino';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePaymentUri } from '../../shared/paymentUri';
import { createCore, type Core } from '../core';
import { demoBitcoinAccountKey, demoEvmAccountKey } from './demo';
import { testPinHashParams } from '../staff';

let dir: string;
let core: Core;
let cashier: string;
let owner: string;

async function loginAs(name: string, pin: string): Promise<string> {
  const { staff } = await core.call('staff.list', {});
  const member = staff.find((s) => s.name === name);
  if (!member) throw new Error(`no demo member ${name}`);
  return (await core.call('staff.login', { staffId: member.staffId, pin })).session;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-crypto-demo-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
  });
  owner = await loginAs('Olivia Owner', '2580');
  cashier = await loginAs('Casey Cashier', '3690');
  await core.call('shifts.open', { float: { amount: '10000' } }, cashier);
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const newOrder = async () => {
  const variantId = core.db.prepare('SELECT id FROM catalog_variants LIMIT 1').pluck().get() as string;
  const { order } = await core.call('orders.create', {}, cashier);
  await core.call('orders.addLine', { orderId: order.id, variantId }, cashier);
  return order.id;
};
const invoiceOf = async (invoiceId: string) =>
  (await core.call('invoices.get', { invoiceId }, cashier)).invoice;

function decodePng(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('crypto in demo mode', () => {
  it('has the demo wallets (public keys only) and offers the simulated chains', async () => {
    const { wallets } = await core.call('wallets.list', {}, owner);
    expect(wallets.map((w) => w.publicKey).sort()).toEqual([demoBitcoinAccountKey, demoEvmAccountKey].sort());
    const { options, demo } = await core.call('invoices.options', {}, cashier);
    expect(demo).toBe(true);
    expect(options.map((o) => o.chainKey)).toEqual(['btc:regtest', 'evm:31337']);
    const tender = (await core.call('payments.tenders', {}, cashier)).tenders.find(
      (t) => t.kind === 'crypto',
    );
    expect(tender?.state).toBe('ready');
  });

  it('a BTC invoice paid in full from the simulated wallet settles and pays the order', async () => {
    const orderId = await newOrder();
    const { invoice } = await core.call(
      'invoices.create',
      { orderId, chainKey: 'btc:regtest', asset: 'BTC' },
      cashier,
    );
    expect(invoice.address.startsWith('bcrt1q')).toBe(true);
    expect(invoice.rateSource).toBe('demo');
    const qr = await core.call('invoices.qr', { invoiceId: invoice.id, format: 'png' }, cashier);
    expect(decodePng(qr.dataUrl)).toBe(invoice.uri);
    const parsed = parsePaymentUri(invoice.uri);
    expect(JSON.stringify(parsed, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).toContain(
      invoice.amountUnits,
    );

    const phases = new Set<string>();
    const stop = core.events.on('invoice.updated', (event) => phases.add(event.phase));
    const { txid } = await core.call('crypto.demoPay', { invoiceId: invoice.id, kind: 'full' }, cashier);
    expect(txid).toMatch(/^[0-9a-f]{64}$/);
    await expect
      .poll(async () => (await invoiceOf(invoice.id)).status, { timeout: 30_000, interval: 200 })
      .toBe('settled');
    stop();
    expect(phases.has('paid')).toBe(true);
    const order = (await core.call('orders.get', { orderId }, cashier)).order;
    expect(order.status).toBe('paid');
    const settled = await invoiceOf(invoice.id);
    expect(settled.payments[0]?.txid).toBe(txid);
    const { text } = await core.call('receipts.render', { orderId, format: 'text' }, cashier);
    expect(text?.replace(/\s+/g, '')).toContain(txid);
  });

  it('a USDC invoice paid partly stays underpaid; the rest tops it up on the same address', async () => {
    const orderId = await newOrder();
    const { invoice } = await core.call(
      'invoices.create',
      { orderId, chainKey: 'evm:31337', asset: 'USDC' },
      cashier,
    );
    expect(
      invoice.uri.startsWith(`ethereum:${invoice.tokenContract}@31337/transfer?address=${invoice.address}`),
    ).toBe(true);
    await core.call('crypto.demoPay', { invoiceId: invoice.id, kind: 'partial' }, cashier);
    await expect
      .poll(async () => (await invoiceOf(invoice.id)).exception, { timeout: 30_000, interval: 200 })
      .toBe('paid_partial');
    await core.call('crypto.demoPay', { invoiceId: invoice.id, kind: 'full' }, cashier);
    await expect
      .poll(async () => (await invoiceOf(invoice.id)).status, { timeout: 30_000, interval: 200 })
      .toBe('settled');
    expect((await core.call('orders.get', { orderId }, cashier)).order.status).toBe('paid');
  });
});
