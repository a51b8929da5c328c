import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { createCore, type Core } from '../core';
import { createLedger } from './ledger';
import { manualClock } from './testLedger';
import { type Ledger } from './types';
import { testPinHashParams } from '../staff';

let dir: string;
let core: Core;
let ledger: Ledger;
let owner: string;
const clock = manualClock();

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-ledger-module-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: 'silent' }),
    now: clock.now,
  });
  // A second Ledger on the core's connection writes what the sales domain would.
  ledger = createLedger(core.db, { now: clock.now });
  owner = (await core.call('staff.setupOwner', { name: 'Olive Owner', pin: '4826' })).session;
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function apiError(call: Promise<unknown>): Promise<ApiCallError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
  throw new Error('the call did not fail');
}

function ringSales(): { wallet: string; clearing: string; cash: string } {
  const cash = ledger.ensureAccount({ asset: 'USD', code: 'cash_drawer' }).id;
  const revenue = ledger.ensureAccount({ asset: 'USD', code: 'sales_revenue' }).id;
  const wallet = ledger.ensureAccount({ asset: 'ETH', code: 'eth_wallet' }).id;
  const clearing = ledger.ensureAccount({ asset: 'ETH', code: 'eth_clearing' }).id;
  const sale = (id: string, amount: bigint) => ({
    id,
    debitAccountId: cash,
    creditAccountId: revenue,
    amount,
    asset: 'USD',
    code: 'sale',
    ref: `order:${id}`,
  });
  ledger.submitOne([sale('s1', 1250n), sale('s2', 300n), sale('s3', 45n)]);
  ledger.submitOne([
    {
      id: 'e1',
      debitAccountId: wallet,
      creditAccountId: clearing,
      amount: 12_000_000_000_000_000_000n,
      asset: 'ETH',
      code: 'receipt',
      ref: 'invoice:1',
      externalKey: 'evm:1:0xabc:3',
    },
  ]);
  return { wallet, clearing, cash };
}

describe('ledger.accounts', () => {
  it('lists accounts with balances as decimal strings of minor units', async () => {
    const { wallet } = ringSales();
    const { accounts } = await core.call('ledger.accounts', {}, owner);
    expect(accounts.map((x) => x.code)).toEqual([
      'cash_drawer',
      'sales_revenue',
      'eth_wallet',
      'eth_clearing',
    ]);
    expect(accounts.find((x) => x.code === 'cash_drawer')).toMatchObject({
      asset: 'USD',
      ref: '',
      debitsPosted: '1595',
      creditsPosted: '0',
      net: '1595',
      flags: { debitsMustNotExceedCredits: false, creditsMustNotExceedDebits: false },
    });
    expect(accounts.find((x) => x.code === 'sales_revenue')?.net).toBe('-1595');
    const eth = await core.call('ledger.accounts', { asset: 'ETH', code: 'eth_wallet' }, owner);
    expect(eth.accounts).toEqual([
      expect.objectContaining({ id: wallet, debitsPosted: '12000000000000000000' }),
    ]);
  });

  it('needs a session with reports.read', async () => {
    expect((await apiError(core.call('ledger.accounts', {}))).code).toBe('unauthorized');
    const cashier = await core.call(
      'staff.create',
      { name: 'Cal Cashier', role: 'cashier', pin: '7351' },
      owner,
    );
    const session = (await core.call('staff.login', { staffId: cashier.staffId, pin: '7351' })).session;
    expect((await apiError(core.call('ledger.accounts', {}, session))).code).toBe('forbidden');
  });
});

describe('ledger.history', () => {
  it('pages through an account with the running balance', async () => {
    const { cash } = ringSales();
    const first = await core.call('ledger.history', { accountId: cash, limit: 2 }, owner);
    expect(first.account).toMatchObject({ id: cash, debitsPosted: '1595' });
    expect(first.opening.debitsPosted).toBe('0');
    expect(first.entries.map((e) => [e.id, e.side, e.amount, e.balanceAfter.net])).toEqual([
      ['s1', 'debit', '1250', '1250'],
      ['s2', 'debit', '300', '1550'],
    ]);
    expect(first.entries[0]).toMatchObject({
      kind: 'single',
      code: 'sale',
      ref: 'order:s1',
      pendingId: null,
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await core.call(
      'ledger.history',
      { accountId: cash, limit: 2, after: first.nextCursor ?? '' },
      owner,
    );
    expect(second.opening.net).toBe('1550');
    expect(second.entries.map((e) => e.id)).toEqual(['s3']);
    expect(second.nextCursor).toBeNull();
  });

  it('takes a time range', async () => {
    const { cash } = ringSales();
    const page = await core.call(
      'ledger.history',
      { accountId: cash, from: '2026-11-21T12:00:00.000Z', to: '2026-11-21T12:00:00.000Z' },
      owner,
    );
    expect(page.entries).toHaveLength(3);
    const later = await core.call(
      'ledger.history',
      { accountId: cash, from: '2026-11-21T12:00:01.000Z' },
      owner,
    );
    expect(later.entries).toEqual([]);
    expect(later.opening.net).toBe('1595');
  });

  it.each([
    ['an unknown account', { accountId: 'nope' }, 'not_found'],
    ['a page size of zero', { accountId: 'x', limit: 0 }, 'bad_input'],
    ['a date that is not ISO', { accountId: 'x', from: 'yesterday' }, 'bad_input'],
    ['an unknown field', { accountId: 'x', colour: 'red' }, 'bad_input'],
  ])('refuses %s', async (_label, input, code) => {
    ringSales();
    expect((await apiError(core.call('ledger.history', input as never, owner))).code).toBe(code);
  });
});
