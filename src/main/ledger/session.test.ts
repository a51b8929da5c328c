import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { openTestLedger, sampleAccounts, type SampleAccounts, type TestLedger } from './testLedger';
import { type NewTransferInput } from './types';

let t: TestLedger;
let a: SampleAccounts;

beforeEach(() => {
  t = openTestLedger();
  a = sampleAccounts(t.ledger);
});
afterEach(() => t.close());

const usd = (
  id: string,
  debit: string,
  credit: string,
  amount: bigint,
  over: Partial<NewTransferInput> = {},
) =>
  ({
    id,
    debitAccountId: debit,
    creditAccountId: credit,
    amount,
    asset: 'USD',
    code: 'sale',
    ref: 'order:1',
    ...over,
  }) as NewTransferInput;
const coins = (
  id: string,
  debit: string,
  credit: string,
  amount: bigint,
  over: Partial<NewTransferInput> = {},
) => usd(id, debit, credit, amount, { asset: 'COINS', code: 'coins', ...over });

/** Everything the ledger holds, to check a refusal wrote nothing. */
function snapshot() {
  return {
    transfers: t.db.prepare('SELECT * FROM ledger_transfers ORDER BY seq').all(),
    accounts: t.db.prepare('SELECT * FROM ledger_accounts ORDER BY seq').all(),
    timeouts: t.db.prepare('SELECT * FROM ledger_pending_timeouts ORDER BY transfer_id').all(),
  };
}

describe('inside a caller’s transaction', () => {
  beforeEach(() => t.db.exec('CREATE TABLE test_orders (id TEXT PRIMARY KEY) STRICT'));
  const orders = () => t.db.prepare('SELECT id FROM test_orders').pluck().all();

  it('commits with the caller’s rows', () => {
    t.db.transaction(() => {
      t.db.prepare('INSERT INTO test_orders (id) VALUES (?)').run('o1');
      t.ledger.submitOne([usd('s1', a.cash, a.revenue, 10n, { ref: 'order:o1' })]);
    })();
    expect(orders()).toEqual(['o1']);
    expect(t.ledger.balance(a.cash).debitsPosted).toBe(10n);
  });

  it('leaves nothing when the caller rolls back', () => {
    t.ledger.submitOne([usd('s0', a.cash, a.revenue, 1n)]);
    const before = snapshot();
    expect(() =>
      t.db.transaction(() => {
        t.db.prepare('INSERT INTO test_orders (id) VALUES (?)').run('o1');
        t.ledger.submitOne([usd('s1', a.cash, a.revenue, 10n, { ref: 'order:o1' })]);
        t.ledger.submitOne([usd('s2', a.cash, a.revenue, 5n, { ref: 'order:o1' })]);
        throw new Error('the printer caught fire');
      })(),
    ).toThrow(/printer/);
    expect(orders()).toEqual([]);
    expect(snapshot()).toEqual(before);
    expect(t.ledger.balance(a.cash).debitsPosted).toBe(1n);
    t.ledger.submitOne([usd('s1', a.cash, a.revenue, 10n, { ref: 'order:o1' })]);
    expect(t.ledger.balance(a.cash).debitsPosted).toBe(11n);
    expect(t.ledger.checkInvariants().ok).toBe(true);
  });

  it('groups of one call inside it: the refused one drops out, the others commit with the caller', () => {
    t.db.transaction(() => {
      t.db.prepare('INSERT INTO test_orders (id) VALUES (?)').run('o1');
      const results = t.ledger.submit([
        [usd('g1', a.cash, a.revenue, 10n)],
        [coins('g2', a.customerCoins, a.coinsLiability, 1n)],
        [usd('g3', a.card, a.revenue, 20n)],
      ]);
      expect(results.map((r) => r.status)).toEqual(['ok', 'error', 'ok']);
    })();
    expect(orders()).toEqual(['o1']);
    expect(['g1', 'g2', 'g3'].map((id) => t.ledger.getTransfer(id) !== null)).toEqual([true, false, true]);
    expect(t.ledger.balance(a.revenue).creditsPosted).toBe(30n);
    expect(t.ledger.checkInvariants().ok).toBe(true);
  });

  it('a refused group does not abort the caller’s transaction', () => {
    t.db.transaction(() => {
      t.db.prepare('INSERT INTO test_orders (id) VALUES (?)').run('o1');
      expect(() => t.ledger.submitOne([coins('x', a.customerCoins, a.coinsLiability, 1n)])).toThrow(
        TillpointError,
      );
      t.ledger.submitOne([usd('s1', a.cash, a.revenue, 10n)]);
    })();
    expect(orders()).toEqual(['o1']);
    expect(t.ledger.getTransfer('x')).toBeNull();
    expect(t.ledger.getTransfer('s1')).not.toBeNull();
  });
});

describe('amounts and timestamps', () => {
  it('keeps wei amounts past 2^64 exact, as text in the database', () => {
    const eth = (code: string) => t.ledger.ensureAccount({ asset: 'ETH', code }).id;
    const wallet = eth('eth_wallet');
    const clearing = eth('eth_clearing');
    const tenEth = 10n * 10n ** 18n;
    t.ledger.submitOne([
      {
        id: 'e1',
        debitAccountId: wallet,
        creditAccountId: clearing,
        amount: tenEth,
        asset: 'ETH',
        code: 'receipt',
        ref: 'invoice:1',
      },
    ]);
    t.ledger.submitOne([
      {
        id: 'e2',
        debitAccountId: wallet,
        creditAccountId: clearing,
        amount: tenEth + 1n,
        asset: 'ETH',
        code: 'receipt',
        ref: 'invoice:2',
      },
    ]);
    expect(t.ledger.balance(wallet).debitsPosted).toBe(20_000_000_000_000_000_001n);
    expect(t.db.prepare('SELECT amount FROM ledger_transfers WHERE id = ?').pluck().get('e2')).toBe(
      '10000000000000000001',
    );
    expect(t.db.prepare('SELECT debits_posted FROM ledger_accounts WHERE id = ?').pluck().get(wallet)).toBe(
      '20000000000000000001',
    );
  });

  it('timestamps strictly increase, even when the clock stands still or steps back', () => {
    t.ledger.submitOne([usd('t1', a.cash, a.revenue, 1n), usd('t2', a.cash, a.revenue, 1n)]);
    t.clock.advance(-60_000);
    t.ledger.submitOne([usd('t3', a.cash, a.revenue, 1n)]);
    const stamps = ['t1', 't2', 't3'].map((id) => t.ledger.getTransfer(id)?.timestamp ?? '');
    expect(stamps[0]).toBe('2026-11-21T12:00:00.000000Z');
    expect(stamps[1]).toBe('2026-11-21T12:00:00.000001Z');
    expect(stamps[2]).toBe('2026-11-21T12:00:00.000002Z');
  });

  it('transfers are immutable in the database itself', () => {
    t.ledger.submitOne([usd('t1', a.cash, a.revenue, 1n)]);
    expect(() => t.db.prepare("UPDATE ledger_transfers SET amount = '2'").run()).toThrow(/immutable/);
    expect(() => t.db.prepare('DELETE FROM ledger_transfers').run()).toThrow(/immutable/);
    expect(() => t.db.prepare("UPDATE ledger_accounts SET code = 'x'").run()).toThrow(/cannot change/);
  });
});
