import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestLedger, sampleAccounts, type SampleAccounts, type TestLedger } from './testLedger';
import { type LedgerErrorCode, type NewTransferInput, type SubmitResult, type TransferInput } from './types';

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

function errorOf(result: SubmitResult | undefined) {
  if (result?.status !== 'error') throw new Error(`expected an error, got ${JSON.stringify(result?.status)}`);
  return result;
}

describe('submit', () => {
  it('writes a linked sale and moves both sides of every transfer', () => {
    const results = t.ledger.submit([
      [
        usd('s1', a.cash, a.revenue, 1000n),
        usd('s2', a.cash, a.tax, 83n, { code: 'tax' }),
        usd('s3', a.card, a.tips, 200n, { code: 'tip' }),
      ],
    ]);
    expect(results).toEqual([{ status: 'ok' }]);
    expect(t.ledger.balance(a.cash)).toMatchObject({ debitsPosted: 1083n, creditsPosted: 0n, net: 1083n });
    expect(t.ledger.balance(a.revenue)).toMatchObject({ creditsPosted: 1000n, net: -1000n });
    expect(t.ledger.getAccount(a.tips)).toMatchObject({ creditsPosted: 200n, debitsPosted: 0n });
    expect(t.ledger.transfersByRef('order:1').map((x) => x.id)).toEqual(['s1', 's2', 's3']);
    expect(t.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
  });

  type Case = [LedgerErrorCode, (() => void) | null, () => TransferInput[]];
  const cases: Case[] = [
    ['invalid_id', null, () => [usd('', a.cash, a.revenue, 1n)]],
    ['invalid_field', null, () => [usd('x', a.cash, a.revenue, 1n, { code: '' })]],
    ['amount_must_be_positive', null, () => [usd('x', a.cash, a.revenue, 0n)]],
    ['accounts_must_be_different', null, () => [usd('x', a.cash, a.cash, 1n)]],
    ['account_not_found', null, () => [usd('x', a.cash, 'no-such-account', 1n)]],
    ['asset_mismatch', null, () => [usd('x', a.cash, a.btcWallet, 1n)]],
    ['asset_mismatch', null, () => [usd('x', a.cash, a.revenue, 1n, { asset: 'EUR' })]],
    ['timeout_requires_pending', null, () => [usd('x', a.cash, a.revenue, 1n, { timeoutMs: 10 })]],
    [
      'flags_are_mutually_exclusive',
      null,
      () => [usd('x', a.cash, a.revenue, 1n, { pending: true, reversesId: 'y' })],
    ],
    [
      'exists_with_different_amount',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 5n)]),
      () => [usd('x', a.cash, a.revenue, 6n)],
    ],
    [
      'exists_with_different_debit_account',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 5n)]),
      () => [usd('x', a.card, a.revenue, 5n)],
    ],
    [
      'exists_with_different_credit_account',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 5n)]),
      () => [usd('x', a.cash, a.tax, 5n)],
    ],
    [
      'exists_with_different_code',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 5n)]),
      () => [usd('x', a.cash, a.revenue, 5n, { code: 'tip' })],
    ],
    [
      'exists_with_different_ref',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 5n)]),
      () => [usd('x', a.cash, a.revenue, 5n, { ref: 'order:2' })],
    ],
    [
      'exists_with_different_flags',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 5n)]),
      () => [usd('x', a.cash, a.revenue, 5n, { pending: true })],
    ],
    [
      'external_key_exists',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 5n, { externalKey: 'stripe:evt_1' })]),
      () => [usd('y', a.cash, a.revenue, 5n, { externalKey: 'stripe:evt_1' })],
    ],
    ['exceeds_credits', null, () => [coins('x', a.customerCoins, a.coinsLiability, 1n)]],
    [
      'exceeds_credits',
      () => t.ledger.submitOne([coins('top', a.coinsLiability, a.customerCoins, 10n)]),
      () => [coins('x', a.customerCoins, a.coinsLiability, 11n)],
    ],
    [
      'exceeds_credits',
      () => t.ledger.submitOne([coins('top', a.coinsLiability, a.customerCoins, 10n, { pending: true })]),
      () => [coins('x', a.customerCoins, a.coinsLiability, 1n)],
    ],
    ['exceeds_debits', null, () => [usd('x', a.cash, a.vendorAdvance, 1n)]],
    ['pending_not_found', null, () => [{ id: 'x', postPendingId: 'nope' }]],
    [
      'pending_transfer_not_pending',
      () => t.ledger.submitOne([usd('p', a.card, a.revenue, 5n)]),
      () => [{ id: 'x', postPendingId: 'p' }],
    ],
    [
      'pending_already_posted',
      () =>
        t.ledger.submitOne([usd('p', a.card, a.revenue, 5n, { pending: true })]) &&
        t.ledger.submitOne([{ id: 'post', postPendingId: 'p' }]),
      () => [{ id: 'x', postPendingId: 'p' }],
    ],
    [
      'pending_already_voided',
      () =>
        t.ledger.submitOne([usd('p', a.card, a.revenue, 5n, { pending: true })]) &&
        t.ledger.submitOne([{ id: 'void', voidPendingId: 'p' }]),
      () => [{ id: 'x', voidPendingId: 'p' }],
    ],
    [
      'pending_expired',
      () => {
        t.ledger.submitOne([usd('p', a.card, a.revenue, 5n, { pending: true, timeoutMs: 1000 })]);
        t.clock.advance(1000);
      },
      () => [{ id: 'x', postPendingId: 'p' }],
    ],
    [
      'pending_expired',
      () => {
        t.ledger.submitOne([usd('p', a.card, a.revenue, 5n, { pending: true, timeoutMs: 1000 })]);
        t.clock.advance(5000);
        t.ledger.expirePending();
      },
      () => [{ id: 'x', voidPendingId: 'p' }],
    ],
    [
      'post_amount_exceeds_pending',
      () => t.ledger.submitOne([usd('p', a.card, a.revenue, 5n, { pending: true })]),
      () => [{ id: 'x', postPendingId: 'p', amount: 6n }],
    ],
    [
      'void_amount_must_match_pending',
      () => t.ledger.submitOne([usd('p', a.card, a.revenue, 5n, { pending: true })]),
      () => [{ id: 'x', voidPendingId: 'p', amount: 4n }],
    ],
    [
      'pending_different_debit_account',
      () => t.ledger.submitOne([usd('p', a.card, a.revenue, 5n, { pending: true })]),
      () => [{ id: 'x', postPendingId: 'p', debitAccountId: a.cash }],
    ],
    ['reversal_target_not_found', null, () => [usd('x', a.revenue, a.cash, 5n, { reversesId: 'nope' })]],
    [
      'cannot_reverse_pending',
      () => t.ledger.submitOne([usd('p', a.cash, a.revenue, 5n, { pending: true })]),
      () => [usd('x', a.revenue, a.cash, 5n, { reversesId: 'p' })],
    ],
    [
      'reversal_amount_mismatch',
      () => t.ledger.submitOne([usd('o', a.cash, a.revenue, 5n)]),
      () => [usd('x', a.revenue, a.cash, 4n, { reversesId: 'o' })],
    ],
    [
      'reversal_accounts_mismatch',
      () => t.ledger.submitOne([usd('o', a.cash, a.revenue, 5n)]),
      () => [usd('x', a.cash, a.revenue, 5n, { reversesId: 'o' })],
    ],
    [
      'already_reversed',
      () => t.ledger.submitOne([usd('o', a.cash, a.revenue, 5n)]) && t.ledger.reverse('o', { id: 'r1' }),
      () => [usd('r2', a.revenue, a.cash, 5n, { reversesId: 'o' })],
    ],
  ];

  it.each(cases)('refuses with %s and writes nothing', (code, setup, group) => {
    setup?.();
    const before = snapshot();
    const [result] = t.ledger.submit([group()]);
    const error = errorOf(result);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.transfers).toEqual([{ id: group()[0]?.id, code }]);
    expect(snapshot()).toEqual(before);
    expect(t.ledger.checkInvariants().ok).toBe(true);
  });

  it('refuses an empty group', () => {
    expect(errorOf(t.ledger.submit([[]])[0]).code).toBe('group_must_not_be_empty');
  });

  it('tells the required and available amounts when a flag would be breached', () => {
    t.ledger.submitOne([coins('top', a.coinsLiability, a.customerCoins, 10n)]);
    const error = errorOf(t.ledger.submit([[coins('spend', a.customerCoins, a.coinsLiability, 25n)]])[0]);
    expect(error.details).toEqual({
      transferId: 'spend',
      accountId: a.customerCoins,
      requiredMinor: '25',
      availableMinor: '10',
    });
  });
});

describe('idempotency', () => {
  it('the same transfer twice is exists, and counts once', () => {
    const sale = [
      usd('s1', a.cash, a.revenue, 700n, { externalKey: 'stripe:evt_1', staffId: 'st1', memo: 'hi' }),
    ];
    expect(t.ledger.submit([sale])).toEqual([{ status: 'ok' }]);
    expect(t.ledger.submit([sale])).toEqual([{ status: 'exists' }]);
    expect(t.ledger.submitOne(sale)).toBe('exists');
    expect(t.ledger.balance(a.cash).debitsPosted).toBe(700n);
    expect(t.ledger.transfersByRef('order:1')).toHaveLength(1);
  });

  it('a replay is exists even when its flag check would now fail', () => {
    const spend = [coins('spend', a.customerCoins, a.coinsLiability, 10n)];
    t.ledger.submitOne([coins('top', a.coinsLiability, a.customerCoins, 10n)]);
    expect(t.ledger.submitOne(spend)).toBe('ok');
    expect(t.ledger.submitOne(spend)).toBe('exists');
  });

  it('a replayed post or void is exists', () => {
    t.ledger.submitOne([
      usd('p1', a.card, a.revenue, 50n, { pending: true }),
      usd('p2', a.card, a.revenue, 9n, { pending: true }),
    ]);
    t.ledger.submitOne([{ id: 'post', postPendingId: 'p1', amount: 30n }]);
    t.ledger.submitOne([{ id: 'void', voidPendingId: 'p2' }]);
    expect(
      t.ledger.submit([
        [{ id: 'post', postPendingId: 'p1', amount: 30n }],
        [{ id: 'void', voidPendingId: 'p2' }],
      ]),
    ).toEqual([{ status: 'exists' }, { status: 'exists' }]);
    expect(errorOf(t.ledger.submit([[{ id: 'post', postPendingId: 'p1' }]])[0]).code).toBe(
      'exists_with_different_amount',
    );
  });

  it('a group where only some transfers exist writes the new ones and is ok', () => {
    t.ledger.submitOne([usd('s1', a.cash, a.revenue, 1n)]);
    expect(t.ledger.submit([[usd('s1', a.cash, a.revenue, 1n), usd('s2', a.cash, a.revenue, 2n)]])).toEqual([
      { status: 'ok' },
    ]);
    expect(t.ledger.balance(a.cash).debitsPosted).toBe(3n);
  });

  it('the same id twice in one group counts once; with another amount the group fails', () => {
    expect(t.ledger.submit([[usd('d', a.cash, a.revenue, 4n), usd('d', a.cash, a.revenue, 4n)]])).toEqual([
      { status: 'ok' },
    ]);
    expect(t.ledger.balance(a.cash).debitsPosted).toBe(4n);
    const error = errorOf(
      t.ledger.submit([[usd('e', a.cash, a.revenue, 4n), usd('e', a.cash, a.revenue, 5n)]])[0],
    );
    expect(error.code).toBe('exists_with_different_amount');
    expect(t.ledger.getTransfer('e')).toBeNull();
  });
});

describe('linked groups', () => {
  it('a failing transfer fails its whole group, the others marked linked_event_failed', () => {
    const before = snapshot();
    const error = errorOf(
      t.ledger.submit([
        [
          coins('top', a.coinsLiability, a.customerCoins, 5n),
          coins('spend', a.customerCoins, a.coinsLiability, 5n),
          coins('overspend', a.customerCoins, a.coinsLiability, 1n),
        ],
      ])[0],
    );
    expect(error).toMatchObject({ code: 'exceeds_credits', transferId: 'overspend' });
    expect(error.transfers).toEqual([
      { id: 'top', code: 'linked_event_failed' },
      { id: 'spend', code: 'linked_event_failed' },
      { id: 'overspend', code: 'exceeds_credits' },
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('groups in one call commit together; a refused one leaves the others and their balances right', () => {
    const results = t.ledger.submit([
      [coins('top', a.coinsLiability, a.customerCoins, 10n)],
      [
        coins('big', a.customerCoins, a.coinsLiability, 8n),
        coins('bad', a.customerCoins, a.customerCoins, 1n),
      ],
      [coins('spend', a.customerCoins, a.coinsLiability, 10n)],
      [usd('sale', a.cash, a.revenue, 3n)],
    ]);
    expect(results.map((r) => r.status)).toEqual(['ok', 'error', 'ok', 'ok']);
    expect(t.ledger.getTransfer('big')).toBeNull();
    expect(t.ledger.balance(a.customerCoins)).toMatchObject({ debitsPosted: 10n, creditsPosted: 10n });
    expect(t.ledger.checkInvariants().ok).toBe(true);
  });

  it('a pending transfer can be made and posted in the same group', () => {
    expect(
      t.ledger.submit([
        [usd('p', a.card, a.revenue, 10n, { pending: true }), { id: 'post', postPendingId: 'p', amount: 7n }],
      ]),
    ).toEqual([{ status: 'ok' }]);
    expect(t.ledger.balance(a.card)).toMatchObject({ debitsPending: 0n, debitsPosted: 7n });
  });
});
