import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { openTestLedger, sampleAccounts, type SampleAccounts, type TestLedger } from './testLedger';
import { type HistoryEntry, type NewTransferInput } from './types';

let t: TestLedger;
let a: SampleAccounts;
const start = Date.parse('2026-11-21T12:00:00.000Z');
const at = (ms: number) => new Date(start + ms);
const rounds = 30;

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

/**
 * Round i (1..30) at start + 10·i ms: the cash drawer is debited i; on odd rounds it is also
 * credited 1 (a payout); every third round holds 5 pending on it, voided the round after.
 */
beforeEach(() => {
  t = openTestLedger();
  a = sampleAccounts(t.ledger);
  for (let i = 1; i <= rounds; i += 1) {
    t.clock.set(at(10 * i));
    const group: NewTransferInput[] = [usd(`d${i}`, a.cash, a.revenue, BigInt(i), { ref: `order:${i}` })];
    if (i % 2 === 1) group.push(usd(`c${i}`, a.tips, a.cash, 1n, { code: 'payout', ref: `order:${i}` }));
    if (i % 3 === 0) group.push(usd(`p${i}`, a.cash, a.revenue, 5n, { pending: true, ref: `order:${i}` }));
    t.ledger.submitOne(group);
    if (i % 3 === 1 && i > 1) t.ledger.submitOne([{ id: `v${i - 1}`, voidPendingId: `p${i - 1}` }]);
  }
});
afterEach(() => t.close());

/** The drawer's balances after round k, summed here from the plan above. */
function expectedAfterRound(k: number) {
  let debitsPosted = 0n;
  let creditsPosted = 0n;
  let debitsPending = 0n;
  for (let i = 1; i <= k; i += 1) {
    debitsPosted += BigInt(i);
    if (i % 2 === 1) creditsPosted += 1n;
    if (i % 3 === 0) debitsPending += 5n;
    if (i % 3 === 1 && i > 1) debitsPending -= 5n;
  }
  return {
    debitsPending,
    debitsPosted,
    creditsPending: 0n,
    creditsPosted,
    net: debitsPosted - creditsPosted,
  };
}

describe('balance', () => {
  it('now is the stored balance', () => {
    expect(t.ledger.balance(a.cash)).toEqual(expectedAfterRound(rounds));
  });

  it.each(Array.from({ length: rounds + 1 }, (_, k) => k))(
    'at the end of round %i sums the transfers up to then',
    (k) => {
      expect(t.ledger.balance(a.cash, { at: at(10 * k) })).toEqual(expectedAfterRound(k));
      expect(t.ledger.balance(a.cash, { at: at(10 * k + 9) })).toEqual(expectedAfterRound(k));
    },
  );

  it('before anything and far in the future', () => {
    expect(t.ledger.balance(a.cash, { at: new Date('2020-01-01T00:00:00Z') })).toEqual(expectedAfterRound(0));
    expect(t.ledger.balance(a.cash, { at: new Date('2099-01-01T00:00:00Z') })).toEqual(
      expectedAfterRound(rounds),
    );
  });

  it('refuses an unknown account and an invalid date', () => {
    expect(() => t.ledger.balance('nope')).toThrow(TillpointError);
    expect(() => t.ledger.balance(a.cash, { at: new Date('nope') })).toThrow(/valid date/);
  });
});

describe('history', () => {
  const all = () => t.ledger.history(a.cash, { limit: 1000 });

  it('lists every transfer of the account in order with the running balance', () => {
    const page = all();
    expect(page.nextCursor).toBeNull();
    expect(page.opening).toEqual(expectedAfterRound(0));
    // per round: a debit, a credit on odd rounds, a pending every third, a void the round after.
    expect(page.entries).toHaveLength(30 + 15 + 10 + 9);
    const timestamps = page.entries.map((e) => e.transfer.timestamp);
    expect([...timestamps].sort()).toEqual(timestamps);
    for (let k = 1; k <= rounds; k += 1) {
      const lastOfRound = page.entries
        .filter(
          (e) =>
            e.transfer.timestamp <
            at(10 * k + 1)
              .toISOString()
              .replace('Z', '000Z'),
        )
        .at(-1);
      expect(lastOfRound?.balanceAfter).toEqual(expectedAfterRound(k));
    }
    expect(page.entries.find((e) => e.transfer.id === 'c1')?.side).toBe('credit');
    expect(page.entries.find((e) => e.transfer.id === 'd1')?.side).toBe('debit');
    expect(page.entries.at(-1)?.balanceAfter).toEqual(t.ledger.balance(a.cash));
  });

  it('pages with a cursor, each page opening where the last one closed', () => {
    const entries: HistoryEntry[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = t.ledger.history(a.cash, { limit: 7, ...(cursor ? { after: cursor } : {}) });
      expect(page.opening).toEqual(entries.at(-1)?.balanceAfter ?? expectedAfterRound(0));
      expect(page.entries.length).toBeLessThanOrEqual(7);
      entries.push(...page.entries);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(64 / 7));
    expect(entries).toEqual(all().entries);
  });

  it('a page that ends exactly at the last transfer has no next cursor', () => {
    expect(t.ledger.history(a.cash, { limit: 64 }).nextCursor).toBeNull();
    expect(t.ledger.history(a.cash, { limit: 63 }).nextCursor).not.toBeNull();
  });

  it.each([
    [5, 12],
    [1, 30],
    [20, 20],
    [29, 31],
  ])(
    'from round %i to round %i opens with the balance before and ends with the balance after',
    (from, to) => {
      const page = t.ledger.history(a.cash, { from: at(10 * from), to: at(10 * to + 9), limit: 1000 });
      expect(page.opening).toEqual(expectedAfterRound(from - 1));
      expect(page.entries.at(-1)?.balanceAfter).toEqual(expectedAfterRound(Math.min(to, rounds)));
      expect(page.entries[0]?.transfer.id).toBe(`d${from}`);
    },
  );

  it('an empty range is an empty page', () => {
    const page = t.ledger.history(a.cash, { from: at(10_000), limit: 10 });
    expect(page.entries).toEqual([]);
    expect(page.opening).toEqual(expectedAfterRound(rounds));
    expect(page.nextCursor).toBeNull();
  });

  it.each([
    ['a zero page size', () => t.ledger.history(a.cash, { limit: 0 }), 'bad_input'],
    ['a page size past 1000', () => t.ledger.history(a.cash, { limit: 1001 }), 'bad_input'],
    ['a garbled cursor', () => t.ledger.history(a.cash, { after: 'not-a-cursor' }), 'bad_input'],
    [
      "another account's cursor",
      () => t.ledger.history(a.cash, { after: t.ledger.history(a.revenue, { limit: 1 }).nextCursor ?? '' }),
      'bad_input',
    ],
    ['an invalid date', () => t.ledger.history(a.cash, { from: new Date('x') }), 'bad_input'],
    ['an unknown account', () => t.ledger.history('nope'), 'not_found'],
  ])('refuses %s', (_label, call, code) => {
    try {
      call();
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(TillpointError);
      expect((error as TillpointError).code).toBe(code);
    }
  });
});

describe('transfers by ref and by id', () => {
  it('finds what one order caused, in order', () => {
    expect(t.ledger.transfersByRef('order:3').map((x) => x.id)).toEqual(['d3', 'c3', 'p3', 'v3']);
    expect(t.ledger.transfersByRef('order:none')).toEqual([]);
  });

  it('reads one transfer whole, or null', () => {
    expect(t.ledger.getTransfer('p3')).toEqual({
      id: 'p3',
      kind: 'pending',
      debitAccountId: a.cash,
      creditAccountId: a.revenue,
      amount: 5n,
      asset: 'USD',
      code: 'sale',
      ref: 'order:3',
      externalKey: null,
      staffId: null,
      memo: null,
      pending: true,
      timeoutMs: null,
      expiresAt: null,
      postPendingId: null,
      voidPendingId: null,
      pendingAmount: null,
      reversesId: null,
      timestamp: '2026-11-21T12:00:00.030002Z',
    });
    expect(t.ledger.getTransfer('nope')).toBeNull();
  });
});
