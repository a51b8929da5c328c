import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, sampleAccounts, type SampleAccounts, type TestLedger } from './testLedger';
import { type NewTransferInput } from './types';

let t: TestLedger;
let a: SampleAccounts;

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

beforeEach(() => {
  t = openTestLedger();
  a = sampleAccounts(t.ledger);
  t.ledger.submitOne([
    usd('s1', a.cash, a.revenue, 1000n),
    usd('s2', a.card, a.tax, 80n, { pending: true, timeoutMs: 60_000 }),
    { ...usd('top', a.coinsLiability, a.customerCoins, 50n), asset: 'COINS' },
    { ...usd('spend', a.customerCoins, a.coinsLiability, 20n), asset: 'COINS' },
  ]);
});
afterEach(() => t.close());

const seqOf = (id: string) =>
  t.db.prepare('SELECT seq FROM ledger_accounts WHERE id = ?').pluck().get(id) as number;

/** Writes a transfer row behind the ledger's back, as a bug or a hand edit would. */
function insertRaw(
  id: string,
  debit: string,
  credit: string,
  amount: string,
  asset: string,
  timestamp: string,
) {
  t.db
    .prepare(
      `INSERT INTO ledger_transfers (id, kind, debit_account, credit_account, amount, asset, code, ref, timestamp)
       VALUES (?, 'single', ?, ?, ?, ?, 'hand', '', ?)`,
    )
    .run(id, seqOf(debit), seqOf(credit), amount, asset, timestamp);
}

function setBalance(id: string, column: string, value: string) {
  t.db.prepare(`UPDATE ledger_accounts SET ${column} = ? WHERE id = ?`).run(value, id);
}

describe('checkInvariants', () => {
  it('holds for what the ledger wrote', () => {
    expect(t.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
  });

  it.each<[string, () => void, RegExp[]]>([
    [
      'a stored balance that is not the sum of its transfers',
      () => setBalance(a.cash, 'debits_posted', '999'),
      [
        /stored debitsPosted 999 ≠ sum of transfers 1000/,
        /asset USD: posted debits 999 ≠ posted credits 1000/,
      ],
    ],
    [
      'pending totals that do not balance',
      () => setBalance(a.tax, 'credits_pending', '0'),
      [/stored creditsPending 0 ≠ sum of transfers 80/, /asset USD: pending debits 80 ≠ pending credits 0/],
    ],
    [
      'a flagged account past its limit',
      () => {
        insertRaw('hand', a.customerCoins, a.coinsLiability, '100', 'COINS', '2026-11-21T12:00:01.000000Z');
        setBalance(a.customerCoins, 'debits_posted', '120');
        setBalance(a.coinsLiability, 'credits_posted', '120');
      },
      [/exceeds credits \(flag breached\)/],
    ],
    [
      'a negative balance',
      () => {
        setBalance(a.cash, 'credits_pending', '-5');
        setBalance(a.revenue, 'debits_pending', '-5');
      },
      [/creditsPending is negative/],
    ],
    [
      "a transfer whose asset is not its accounts'",
      () => {
        insertRaw('hand', a.cash, a.revenue, '1', 'EUR', '2026-11-21T12:00:01.000000Z');
        setBalance(a.cash, 'debits_posted', '1001');
        setBalance(a.revenue, 'credits_posted', '1001');
      },
      [/transfer hand: asset EUR differs/],
    ],
    [
      'a timestamp that goes back',
      () => {
        insertRaw('hand', a.cash, a.revenue, '1', 'USD', '2026-11-21T11:00:00.000000Z');
        setBalance(a.cash, 'debits_posted', '1001');
        setBalance(a.revenue, 'credits_posted', '1001');
      },
      [/transfer hand: timestamp .* does not follow/],
    ],
    [
      'a timeout left for a resolved pending transfer',
      () => {
        t.ledger.submitOne([{ id: 'post', postPendingId: 's2' }]);
        t.db
          .prepare("INSERT INTO ledger_pending_timeouts (transfer_id, expires_at) VALUES ('s2', 'x')")
          .run();
      },
      [/pending timeout s2 is not an open pending transfer/],
    ],
  ])('finds %s', (_label, tamper, expected) => {
    tamper();
    const report = t.ledger.checkInvariants();
    expect(report.ok).toBe(false);
    for (const pattern of expected)
      expect(report.problems.some((problem) => pattern.test(problem))).toBe(true);
  });
});
