/**
 * The cases of "every input bounded" (issue 7, items 2, 3 and 5) through the real host: malformed
 * amounts and percents answer 400 bad_input (never a 500, with or without a session), body limits
 * per handler, lines that stay within the maximum quantity, lone surrogates refused, names unique
 * after NFC normalisation and case folding, and a core that never throws out of invoke.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handlers, maxLineQuantity } from '../../shared/api';
import { createCore, type Core } from '../core';
import { createHostServer } from './server';
import { loadOrCreateToken } from './token';
import { testPinHashParams } from '../staff';

let dataDir: string;
let core: Core;
let token: string;
let baseUrl: string;
let close: () => Promise<void>;
let session: string;
let variantId: string;
let taxClassId: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-cases-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { door: 'host' },
  });
  token = loadOrCreateToken(dataDir);
  const app = await createHostServer({ core, token, rendererDir: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  close = async () => {
    await app.close();
    core.close();
  };
  session = (await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '48271593' })).session;
  const taxClass = await core.call(
    'catalog.saveTaxClass',
    { name: 'Standard', rates: [{ taxId: 'vat', name: 'VAT', ratePercent: '10' }] },
    session,
  );
  taxClassId = taxClass.taxClass.id;
  const product = await core.call(
    'catalog.saveProduct',
    { name: 'Coffee', taxClassId, variants: [{ sku: 'COF', prices: [{ currency: 'USD', amount: '350' }] }] },
    session,
  );
  variantId = product.product.variants[0]?.id ?? '';
  await core.call('shifts.open', { float: { amount: '10000' } }, session);
});

afterAll(async () => {
  await close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function post(
  name: string,
  body: unknown,
  withSession: boolean,
): Promise<{ status: number; code: string | undefined; message: string }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  };
  if (withSession) headers['x-tillpoint-session'] = session;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${baseUrl}/api/${name}`, { method: 'POST', headers, body: text });
  const json = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, code: json.error?.code, message: json.error?.message ?? '' };
}

const orderId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

describe('malformed amounts and percents answer bad_input, not 500', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      'a malformed discount amount',
      'orders.setDiscount',
      { orderId, discount: { kind: 'amount', amount: 'abc' } },
    ],
    [
      'a malformed discount percent',
      'orders.setDiscount',
      { orderId, discount: { kind: 'percent', percent: 'x%' } },
    ],
    [
      'a malformed line discount amount',
      'orders.updateLine',
      { orderId, lineId: orderId, discount: { kind: 'amount', amount: '1e5' } },
    ],
    ['a malformed tip amount', 'orders.setTip', { orderId, tip: { kind: 'amount', amount: '-5' } }],
    [
      'a malformed cash movement amount',
      'shifts.cashMovement',
      { kind: 'pay_in', amount: 'NaN', reason: 'x' },
    ],
    [
      'a malformed denomination at open',
      'shifts.open',
      { float: { counts: [{ denominationMinor: '١٢٣', count: 1 }] } },
    ],
    [
      'a malformed denomination at close',
      'shifts.close',
      { counts: [{ denominationMinor: '5.5', count: 1 }] },
    ],
    ['a malformed discount limit', 'settings.update', { discountLimitPercent: 'ten' }],
    ['malformed tip presets', 'settings.update', { tipPresetsPercent: ['abc', 'abc'] }],
  ];

  it.each(cases)(
    '%s answers bad_input, not 500 (with and without a session)',
    async (_label, name, input) => {
      for (const withSession of [false, true]) {
        const answer = await post(name, input, withSession);
        expect(answer.status, `${name} session=${withSession}`).toBe(400);
        expect(answer.code).toBe('bad_input');
      }
    },
  );

  it('a 10^80 pay-in is refused as too large', async () => {
    const answer = await post(
      'shifts.cashMovement',
      { kind: 'pay_in', amount: (10n ** 80n).toString(), reason: 'x' },
      true,
    );
    expect(answer).toMatchObject({ status: 400, code: 'bad_input' });
  });
});

describe('nothing throws out of the core', () => {
  it('core.invoke answers bad_input when a schema check throws', async () => {
    const input = handlers['system.info'].input;
    vi.spyOn(input, 'safeParse').mockImplementation(() => {
      throw new Error('a refinement that throws');
    });
    try {
      await expect(core.invoke('system.info', {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'bad_input' },
      });
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe('body limits per handler', () => {
  it('a body over the default limit answers 413', async () => {
    const answer = await post('system.info', { padding: 'x'.repeat(100 * 1024) }, false);
    expect(answer.status).toBe(413);
    expect(answer.message).toMatch(/larger than 65536 bytes/);
  });

  it('an image may be larger than the default limit', async () => {
    const answer = await post(
      'catalog.setImage',
      { productId: orderId, mimeType: 'image/png', dataBase64: 'A'.repeat(1024 * 1024) },
      true,
    );
    expect(answer.status).not.toBe(413);
  });

  it('a body sent in chunks without a length is counted too', async () => {
    const chunks = [new TextEncoder().encode(`{"padding":"${'x'.repeat(80 * 1024)}"}`)];
    const response = await fetch(`${baseUrl}/api/system.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('quantities', () => {
  it('the same variant added twice stays within the maximum quantity', async () => {
    const { order } = await core.call('orders.create', {}, session);
    await core.call('orders.addLine', { orderId: order.id, variantId, quantity: maxLineQuantity }, session);
    const answer = await post('orders.addLine', { orderId: order.id, variantId, quantity: 1 }, true);
    expect(answer).toMatchObject({ status: 400, code: 'bad_input' });
    expect(answer.message).toMatch(/at most 100000 items/);
    const after = await core.call('orders.get', { orderId: order.id }, session);
    expect(after.order.lines.map((line) => line.quantity)).toEqual([maxLineQuantity]);
  });
});

describe('text', () => {
  it('"Dup\\ud800" twice: a lone surrogate is refused, so nothing is stored', async () => {
    for (let i = 0; i < 2; i += 1) {
      const answer = await post('catalog.saveCategory', { name: 'Dup\ud800' }, true);
      expect(answer).toMatchObject({ status: 400, code: 'bad_input' });
      expect(answer.message).toMatch(/well-formed Unicode/);
    }
    const staff = await post('staff.create', { name: 'Dup\ud800', role: 'cashier', pin: '52719384' }, true);
    expect(staff).toMatchObject({ status: 400, code: 'bad_input' });
  });

  it.each([
    ['catalog.saveCategory', { name: 'Café' }, { name: 'CAFE\u0301' }],
    [
      'catalog.saveTaxClass',
      { name: 'Straße', rates: [{ taxId: 'a', name: 'A', ratePercent: '1' }] },
      { name: 'STRASSE', rates: [{ taxId: 'a', name: 'A', ratePercent: '1' }] },
    ],
    [
      'staff.create',
      { name: 'Zoë Lee', role: 'cashier', pin: '52719384' },
      { name: 'ZOE\u0308 LEE', role: 'cashier', pin: '63829105' },
    ],
  ])('%s: names are unique after NFC normalisation and case folding', async (name, first, second) => {
    expect((await post(name, first, true)).status).toBe(200);
    expect(await post(name, second, true)).toMatchObject({ status: 409, code: 'conflict' });
  });

  it('variant names of a product are unique after NFC normalisation and case folding', async () => {
    const answer = await post(
      'catalog.saveProduct',
      {
        name: 'Cake',
        taxClassId,
        variants: [
          { name: 'Crème', sku: 'CAKE-1' },
          { name: 'CRE\u0300ME', sku: 'CAKE-2' },
        ],
      },
      true,
    );
    expect(answer).toMatchObject({ status: 400, code: 'bad_input' });
  });
});
