import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { apiErrorCodeOf } from './ledger';
import { openTestLedger, sampleAccounts, type SampleAccounts, type TestLedger } from './testLedger';
import { type EnsureAccountInput, type NewTransferInput, type TransferInput } from './types';

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
    code: 'card',
    ref: 'payment:1',
    ...over,
  }) as NewTransferInput;

const coins = (id: string, debit: string, credit: string, amount: bigint) =>
  usd(id, debit, credit, amount, { asset: 'COINS', code: 'coins', ref: 'order:1' });

function thrown(fn: () => unknown): TillpointError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TillpointError) return error;
    throw error;
  }
  throw new Error('expected a TillpointError');
}

describe('accounts', () => {
  it('ensureAccount makes an account once and returns the same one after', () => {
    const first = t.ledger.ensureAccount({ asset: 'USD', code: 'vendor_payable', ref: 'v9' });
    const again = t.ledger.ensureAccount({ asset: 'USD', code: 'vendor_payable', ref: 'v9' });
    expect(again).toEqual(first);
    expect(first).toMatchObject({
      asset: 'USD',
      code: 'vendor_payable',
      ref: 'v9',
      flags: { debitsMustNotExceedCredits: false, creditsMustNotExceedDebits: false },
      createdAt: '2026-11-21T12:00:00.000Z',
      debitsPending: 0n,
      debitsPosted: 0n,
      creditsPending: 0n,
      creditsPosted: 0n,
    });
    expect(t.ledger.findAccount('USD', 'vendor_payable', 'v9')?.id).toBe(first.id);
    expect(t.ledger.findAccount('USD', 'vendor_payable')).toBeNull();
    expect(t.ledger.getAccount(first.id)?.id).toBe(first.id);
    expect(t.ledger.getAccount('nope')).toBeNull();
  });

  it('an account is one per (asset, code, ref)', () => {
    const usdCash = t.ledger.ensureAccount({ asset: 'USD', code: 'cash_drawer' });
    expect(usdCash.id).toBe(a.cash);
    expect(t.ledger.ensureAccount({ asset: 'EUR', code: 'cash_drawer' }).id).not.toBe(a.cash);
  });

  it('refuses other flags for an existing account as a conflict', () => {
    const error = thrown(() => t.ledger.ensureAccount({ asset: 'COINS', code: 'customer_coins', ref: 'c1' }));
    expect(error.code).toBe('conflict');
    expect(error.details).toMatchObject({ accountId: a.customerCoins });
  });

  it.each<[string, EnsureAccountInput]>([
    ['an empty asset', { asset: '', code: 'x' }],
    ['an asset with a space', { asset: 'U SD', code: 'x' }],
    ['an empty code', { asset: 'USD', code: '' }],
    ['a code with a space', { asset: 'USD', code: 'cash drawer' }],
    ['a ref past 200 characters', { asset: 'USD', code: 'x', ref: 'r'.repeat(201) }],
    [
      'both limits at once',
      {
        asset: 'USD',
        code: 'x',
        flags: { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: true },
      },
    ],
  ])('refuses %s as bad input and makes nothing', (_label, input) => {
    const count = t.ledger.listAccounts().length;
    expect(thrown(() => t.ledger.ensureAccount(input)).code).toBe('bad_input');
    expect(t.ledger.listAccounts()).toHaveLength(count);
  });

  it('lists accounts by asset, code and ref', () => {
    expect(t.ledger.listAccounts({ asset: 'BTC' }).map((x) => x.code)).toEqual([
      'btc_wallet',
      'btc_clearing',
    ]);
    expect(t.ledger.listAccounts({ code: 'customer_coins', ref: 'c1' }).map((x) => x.id)).toEqual([
      a.customerCoins,
    ]);
    expect(t.ledger.listAccounts({ asset: 'USD', code: 'nope' })).toEqual([]);
    expect(t.ledger.listAccounts()).toHaveLength(10);
  });
});

describe('two-phase transfers', () => {
  it('pending moves the pending balances; a post moves them to posted', () => {
    t.ledger.submitOne([usd('p', a.card, a.revenue, 500n, { pending: true })]);
    expect(t.ledger.balance(a.card)).toMatchObject({ debitsPending: 500n, debitsPosted: 0n, net: 0n });
    expect(t.ledger.balance(a.revenue)).toMatchObject({ creditsPending: 500n, creditsPosted: 0n });
    t.ledger.submitOne([{ id: 'post', postPendingId: 'p' }]);
    expect(t.ledger.balance(a.card)).toMatchObject({ debitsPending: 0n, debitsPosted: 500n, net: 500n });
    expect(t.ledger.balance(a.revenue)).toMatchObject({ creditsPending: 0n, creditsPosted: 500n });
    expect(t.ledger.getTransfer('post')).toMatchObject({
      kind: 'post_pending',
      postPendingId: 'p',
      voidPendingId: null,
      amount: 500n,
      pendingAmount: 500n,
      code: 'card',
      ref: 'payment:1',
      debitAccountId: a.card,
      creditAccountId: a.revenue,
    });
  });

  it('a partial post posts part and releases the rest', () => {
    t.ledger.submitOne([usd('p', a.card, a.revenue, 500n, { pending: true })]);
    t.ledger.submitOne([
      { id: 'post', postPendingId: 'p', amount: 320n, code: 'capture', ref: 'payment:1b' },
    ]);
    expect(t.ledger.balance(a.card)).toMatchObject({ debitsPending: 0n, debitsPosted: 320n });
    expect(t.ledger.balance(a.revenue)).toMatchObject({ creditsPending: 0n, creditsPosted: 320n });
    expect(t.ledger.getTransfer('post')).toMatchObject({
      amount: 320n,
      pendingAmount: 500n,
      code: 'capture',
      ref: 'payment:1b',
    });
    expect(t.ledger.checkInvariants().ok).toBe(true);
  });

  it('a void releases the whole pending amount', () => {
    t.ledger.submitOne([usd('p', a.card, a.revenue, 500n, { pending: true })]);
    t.ledger.submitOne([{ id: 'void', voidPendingId: 'p' }]);
    expect(t.ledger.balance(a.card)).toMatchObject({ debitsPending: 0n, debitsPosted: 0n });
    expect(t.ledger.getTransfer('void')).toMatchObject({
      kind: 'void_pending',
      voidPendingId: 'p',
      amount: 500n,
    });
  });

  it('pending debits hold a flagged balance until voided', () => {
    t.ledger.submitOne([{ ...usd('top', a.coinsLiability, a.customerCoins, 10n), asset: 'COINS' }]);
    t.ledger.submitOne([
      { ...usd('hold', a.customerCoins, a.coinsLiability, 8n, { pending: true }), asset: 'COINS' },
    ]);
    expect(
      thrown(() =>
        t.ledger.submitOne([{ ...usd('more', a.customerCoins, a.coinsLiability, 3n), asset: 'COINS' }]),
      ).details,
    ).toEqual({
      accountId: a.customerCoins,
      requiredMinor: '3',
      availableMinor: '2',
    });
    t.ledger.submitOne([{ id: 'release', voidPendingId: 'hold' }]);
    expect(
      t.ledger.submitOne([{ ...usd('more', a.customerCoins, a.coinsLiability, 3n), asset: 'COINS' }]),
    ).toBe('ok');
  });

  it('expirePending voids what timed out, once, and posting it afterwards fails', () => {
    t.ledger.submitOne([
      usd('short', a.card, a.revenue, 100n, { pending: true, timeoutMs: 1_000 }),
      usd('long', a.card, a.revenue, 200n, { pending: true, timeoutMs: 60_000 }),
      usd('forever', a.card, a.revenue, 300n, { pending: true }),
    ]);
    expect(t.ledger.getTransfer('short')).toMatchObject({
      timeoutMs: 1000,
      expiresAt: '2026-11-21T12:00:01.000000Z',
    });
    t.clock.advance(999);
    expect(t.ledger.expirePending()).toBe(0);
    t.clock.advance(1);
    expect(t.ledger.expirePending()).toBe(1);
    expect(t.ledger.expirePending()).toBe(0);
    expect(t.ledger.balance(a.card)).toMatchObject({ debitsPending: 500n, debitsPosted: 0n });
    const expiry = t.ledger.history(a.card).entries.at(-1)?.transfer;
    expect(expiry).toMatchObject({
      kind: 'expire_pending',
      voidPendingId: 'short',
      amount: 100n,
      code: 'card',
    });
    const error = thrown(() => t.ledger.submitOne([{ id: 'late', postPendingId: 'short' }]));
    expect(error.code).toBe('conflict');
    expect(error.details).toMatchObject({ ledgerCode: 'pending_expired' });

    expect(t.ledger.expirePending(new Date('2026-11-21T13:00:00Z'))).toBe(1);
    expect(t.ledger.balance(a.card).debitsPending).toBe(300n);
    expect(t.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });
  });

  it('a post in time takes the pending transfer off the expiry list', () => {
    t.ledger.submitOne([usd('p', a.card, a.revenue, 100n, { pending: true, timeoutMs: 1_000 })]);
    t.ledger.submitOne([{ id: 'post', postPendingId: 'p' }]);
    t.clock.advance(10_000);
    expect(t.ledger.expirePending()).toBe(0);
    expect(t.ledger.balance(a.card)).toMatchObject({ debitsPending: 0n, debitsPosted: 100n });
  });
});

describe('reverse', () => {
  it('writes the swapped transfer with code reversal, once', () => {
    t.ledger.submitOne([usd('sale', a.cash, a.revenue, 900n, { code: 'sale', ref: 'order:7' })]);
    expect(t.ledger.reverse('sale', { id: 'rev', staffId: 'manager-1', memo: 'wrong item' })).toBe('ok');
    expect(t.ledger.getTransfer('rev')).toMatchObject({
      kind: 'single',
      debitAccountId: a.revenue,
      creditAccountId: a.cash,
      amount: 900n,
      code: 'reversal',
      ref: 'order:7',
      reversesId: 'sale',
      staffId: 'manager-1',
      memo: 'wrong item',
    });
    expect(t.ledger.balance(a.cash).net).toBe(0n);
    expect(t.ledger.reverse('sale', { id: 'rev', staffId: 'manager-1', memo: 'wrong item' })).toBe('exists');
    const again = thrown(() => t.ledger.reverse('sale', { id: 'rev2' }));
    expect(again.code).toBe('conflict');
    expect(again.details).toMatchObject({ ledgerCode: 'already_reversed' });
  });

  it('refuses to reverse a pending transfer (void it) or a missing one', () => {
    t.ledger.submitOne([usd('p', a.card, a.revenue, 100n, { pending: true })]);
    expect(thrown(() => t.ledger.reverse('p', { id: 'r' })).code).toBe('conflict');
    expect(thrown(() => t.ledger.reverse('nope', { id: 'r' })).code).toBe('not_found');
    expect(t.ledger.getTransfer('r')).toBeNull();
  });

  it('refuses a reversal that would overdraw a flagged account', () => {
    t.ledger.submitOne([{ ...usd('top', a.coinsLiability, a.customerCoins, 10n), asset: 'COINS' }]);
    t.ledger.submitOne([{ ...usd('spend', a.customerCoins, a.coinsLiability, 8n), asset: 'COINS' }]);
    expect(thrown(() => t.ledger.reverse('top', { id: 'r' })).code).toBe('insufficient_funds');
    expect(t.ledger.reverse('spend', { id: 'r' })).toBe('ok');
    expect(t.ledger.reverse('top', { id: 'r2' })).toBe('ok');
    expect(t.ledger.balance(a.customerCoins)).toMatchObject({ debitsPosted: 18n, creditsPosted: 18n });
  });
});

describe('submitOne errors', () => {
  it.each<[string, () => void, () => TransferInput[], string, Record<string, unknown>]>([
    [
      'a changed replay is a conflict',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 1n)]),
      () => [usd('x', a.cash, a.revenue, 2n)],
      'conflict',
      { ledgerCode: 'exists_with_different_amount', transferId: 'x' },
    ],
    [
      'a reused external key is a conflict',
      () => t.ledger.submitOne([usd('x', a.cash, a.revenue, 1n, { externalKey: 'k' })]),
      () => [usd('y', a.cash, a.revenue, 1n, { externalKey: 'k' })],
      'conflict',
      { ledgerCode: 'external_key_exists' },
    ],
    [
      'a bad amount is bad input',
      () => undefined,
      () => [usd('x', a.cash, a.revenue, -1n)],
      'bad_input',
      { ledgerCode: 'amount_must_be_positive' },
    ],
    [
      'a missing account is not found',
      () => undefined,
      () => [usd('x', a.cash, 'nope', 1n)],
      'not_found',
      { ledgerCode: 'account_not_found', accountId: 'nope' },
    ],
  ])('%s', (_label, setup, group, code, details) => {
    setup();
    const error = (() => {
      try {
        t.ledger.submitOne(group());
      } catch (caught) {
        return caught;
      }
      throw new Error('submitOne did not throw');
    })();
    expect(error).toBeInstanceOf(TillpointError);
    expect((error as TillpointError).code).toBe(code);
    expect((error as TillpointError).details).toMatchObject(details);
  });

  it('a short coin balance is insufficient_funds with exactly the account, required and available amounts', () => {
    t.ledger.submitOne([coins('top', a.coinsLiability, a.customerCoins, 3n)]);
    try {
      t.ledger.submitOne([coins('x', a.customerCoins, a.coinsLiability, 5n)]);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(TillpointError);
      expect((error as TillpointError).code).toBe('insufficient_funds');
      expect((error as TillpointError).details).toEqual({
        accountId: a.customerCoins,
        requiredMinor: '5',
        availableMinor: '3',
      });
    }
  });

  it('refuses a non-list of groups as bad input', () => {
    expect(() => t.ledger.submit('nope' as never)).toThrow(TillpointError);
  });
});

describe('apiErrorCodeOf', () => {
  it.each([
    ['exists_with_different_amount', 'conflict'],
    ['exists_with_different_memo', 'conflict'],
    ['external_key_exists', 'conflict'],
    ['pending_already_posted', 'conflict'],
    ['exceeds_credits', 'insufficient_funds'],
    ['exceeds_debits', 'insufficient_funds'],
    ['account_not_found', 'not_found'],
    ['pending_not_found', 'not_found'],
    ['amount_must_be_positive', 'bad_input'],
    ['asset_mismatch', 'bad_input'],
    ['post_amount_exceeds_pending', 'bad_input'],
  ] as const)('%s → %s', (code, expected) => {
    expect(apiErrorCodeOf(code)).toBe(expected);
  });
});
