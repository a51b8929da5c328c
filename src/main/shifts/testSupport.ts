/**
 * For tests of the shifts, settings and demo domains: a real core on a temp folder with an owner, a
 * manager and a cashier logged in, a ledger on the same database to post sales directly, and helpers
 * that read the drawer's account.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createCore, type Core, type CoreConfigInput } from '../core';
import { createLedger, type Ledger } from '../ledger';
import { testPinHashParams } from '../staff';

export interface Member {
  staffId: string;
  session: string;
  pin: string;
}

export interface TestTill {
  core: Core;
  dir: string;
  ledger: Ledger;
  owner: Member;
  manager: Member;
  cashier: Member;
  close(): Promise<void>;
}

export async function startTestCore(config: CoreConfigInput = {}): Promise<TestTill> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-shifts-'));
  const core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: 'silent' }),
    config,
  });
  const setup = await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '482715' });
  const owner: Member = { staffId: setup.staff.staffId, session: setup.session, pin: '482715' };
  const member = async (name: string, role: 'manager' | 'cashier', pin: string): Promise<Member> => {
    const created = await core.call('staff.create', { name, role, pin }, owner.session);
    const login = await core.call('staff.login', { staffId: created.staffId, pin });
    return { staffId: created.staffId, session: login.session, pin };
  };
  const manager = await member('Mona Manager', 'manager', '739164');
  const cashier = await member('Carl Cashier', 'cashier', '615928');
  return {
    core,
    dir,
    ledger: createLedger(core.db, {}),
    owner,
    manager,
    cashier,
    async close() {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let transferCounter = 0;

/**
 * A cash payment as the sales plan posts it: drawer ← accounts_receivable, code `tender_cash`, for
 * tests that run before (or without) the orders domain.
 */
export function postCashTender(till: TestTill, shiftId: string, currency: string, amountMinor: bigint): void {
  const drawer = till.ledger.ensureAccount({ asset: currency, code: 'cash_drawer', ref: `shift:${shiftId}` });
  const receivable = till.ledger.ensureAccount({ asset: currency, code: 'accounts_receivable', ref: '' });
  transferCounter += 1;
  till.ledger.submitOne([
    {
      id: `test-tender-${Date.now()}-${transferCounter}`,
      debitAccountId: drawer.id,
      creditAccountId: receivable.id,
      amount: amountMinor,
      asset: currency,
      code: 'tender_cash',
      ref: `payment:test-${transferCounter}`,
    },
  ]);
}

/** A cash refund as the sales plan posts it: accounts_receivable ← drawer, code `refund`. */
export function postCashRefund(till: TestTill, shiftId: string, currency: string, amountMinor: bigint): void {
  const drawer = till.ledger.ensureAccount({ asset: currency, code: 'cash_drawer', ref: `shift:${shiftId}` });
  const receivable = till.ledger.ensureAccount({ asset: currency, code: 'accounts_receivable', ref: '' });
  transferCounter += 1;
  till.ledger.submitOne([
    {
      id: `test-refund-${Date.now()}-${transferCounter}`,
      debitAccountId: receivable.id,
      creditAccountId: drawer.id,
      amount: amountMinor,
      asset: currency,
      code: 'refund',
      ref: `refund:test-${transferCounter}`,
    },
  ]);
}

/** The posted balance (debits − credits) of a shift's drawer account. */
export function drawerBalance(till: TestTill, shiftId: string, currency = 'USD'): bigint {
  const account = till.ledger.findAccount(currency, 'cash_drawer', `shift:${shiftId}`);
  return account ? till.ledger.balance(account.id).net : 0n;
}

export function accountBalance(till: TestTill, code: string, currency = 'USD'): bigint {
  const account = till.ledger.findAccount(currency, code, '');
  return account ? till.ledger.balance(account.id).net : 0n;
}

/** Counts in the API's shape: `[[2000, 3], [25, 4]]` → `[{ denominationMinor: '2000', count: 3 }, ...]`. */
export function counts(
  pairs: readonly (readonly [number, number])[],
): { denominationMinor: string; count: number }[] {
  return pairs.map(([denomination, count]) => ({ denominationMinor: String(denomination), count }));
}
