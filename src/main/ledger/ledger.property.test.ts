/**
 * Property tests: random sequences of ledger operations (accounts, linked groups of valid and
 * invalid transfers, replays, pending / post / void / expiry, reversals, flagged accounts). A model
 * kept here, independently of the ledger's code, sums the transfers the ledger accepted; after
 * every operation the ledger's balances must equal the model's and checkInvariants must hold.
 * Where the model can tell the outcome (a group of new transfers, a post, a void, a reversal), the
 * ledger must agree with it: no false refusals, no missed limit breaches.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { Model, type ModelAccount, type ModelTransfer } from './ledgerModel';
import { openTestLedger, type TestLedger } from './testLedger';
import { type NewTransferInput, type TransferInput } from './types';

interface TransferSpec {
  debit: number;
  credit: number;
  /** 0: credit an account of another asset; 1: credit the debited account; else a proper pair. */
  pairing: number;
  amount: bigint;
  pending: boolean;
  timeoutMs: number | null;
  /** Reuse the id (and fields) of an earlier attempted transfer instead of a new one. */
  reuse: number | null;
  /** When reusing: change the amount (must be refused). */
  tweak: boolean;
  externalKey: number | null;
}

type Op =
  | { type: 'ensure'; asset: number; code: number; flag: number }
  | { type: 'submit'; groups: TransferSpec[][] }
  | { type: 'resolve'; pick: number; post: boolean; amount: bigint | null }
  | { type: 'reverse'; pick: number }
  | { type: 'advance'; ms: number; expire: boolean };

const assets = ['USD', 'COINS', 'ETH'];
const codes = ['cash_drawer', 'sales_revenue', 'customer_coins', 'vendor_payable'];

const amountArb = fc.oneof(
  { weight: 24, arbitrary: fc.bigInt({ min: 1n, max: 500n }) },
  { weight: 1, arbitrary: fc.constantFrom(0n, -3n) },
  { weight: 1, arbitrary: fc.bigInt({ min: 10n ** 19n, max: 10n ** 22n }) },
);

/** `arbitrary` once in `oneIn` draws, else null. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

const specArb: fc.Arbitrary<TransferSpec> = fc.record({
  debit: fc.nat({ max: 50 }),
  credit: fc.nat({ max: 50 }),
  pairing: fc.nat({ max: 24 }),
  amount: amountArb,
  pending: fc.boolean(),
  timeoutMs: fc.constantFrom(null, null, 500, 3_000),
  reuse: rarely(fc.nat({ max: 200 }), 8),
  tweak: fc.nat({ max: 3 }).map((n) => n === 0),
  externalKey: rarely(fc.nat({ max: 6 }), 6),
});

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('ensure' as const),
      asset: fc.nat({ max: 2 }),
      code: fc.nat({ max: 3 }),
      flag: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('submit' as const),
      groups: fc.array(fc.array(specArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('resolve' as const),
      pick: fc.nat({ max: 200 }),
      post: fc.boolean(),
      amount: fc.option(fc.bigInt({ min: 1n, max: 600n }), { freq: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('reverse' as const), pick: fc.nat({ max: 200 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('advance' as const),
      ms: fc.nat({ max: 4_000 }),
      expire: fc.boolean(),
    }),
  },
);

/** Ensures an account in the ledger and the model; other flags for an existing one are a conflict. */
function ensure(t: TestLedger, model: Model, asset: string, code: string, ref: string, flag: number): void {
  const flags = { debitsMustNotExceedCredits: flag === 1, creditsMustNotExceedDebits: flag === 2 };
  try {
    model.addAccount(t.ledger.ensureAccount({ asset, code, ref, flags }).id, asset, flag);
  } catch (error) {
    expect(error).toBeInstanceOf(TillpointError);
    expect((error as TillpointError).code).toBe('conflict');
  }
}

function buildInput(model: Model, spec: TransferSpec): TransferInput {
  if (spec.reuse !== null && model.attempted.length > 0) {
    const earlier = model.attempted[spec.reuse % model.attempted.length] as TransferInput;
    if (!spec.tweak) return earlier;
    return { ...earlier, amount: (earlier.amount ?? 1n) + 1n } as TransferInput;
  }
  const accounts = model.accountList();
  const debit = accounts[spec.debit % accounts.length] as ModelAccount;
  const others =
    spec.pairing === 0
      ? accounts.filter((x) => x.asset !== debit.asset)
      : spec.pairing === 1
        ? [debit]
        : accounts.filter((x) => x.asset === debit.asset && x !== debit);
  const credit = (others.length > 0 ? others[spec.credit % others.length] : debit) as ModelAccount;
  return {
    id: model.freshId(),
    debitAccountId: debit.id,
    creditAccountId: credit.id,
    amount: spec.amount,
    asset: debit.asset,
    code: 'test',
    ref: 'order:prop',
    ...(spec.pending ? { pending: true } : {}),
    ...(spec.pending && spec.timeoutMs !== null ? { timeoutMs: spec.timeoutMs } : {}),
    ...(spec.externalKey !== null ? { externalKey: `ext:${spec.externalKey}` } : {}),
  };
}

function checkAgainstModel(t: TestLedger, model: Model): void {
  const report = t.ledger.checkInvariants();
  expect(report.problems).toEqual([]);
  for (const expected of model.accounts.values()) {
    const actual = t.ledger.getAccount(expected.id);
    expect({
      debitsPending: actual?.debitsPending,
      debitsPosted: actual?.debitsPosted,
      creditsPending: actual?.creditsPending,
      creditsPosted: actual?.creditsPosted,
    }).toEqual({
      debitsPending: expected.debitsPending,
      debitsPosted: expected.debitsPosted,
      creditsPending: expected.creditsPending,
      creditsPosted: expected.creditsPosted,
    });
  }
}

function run(ops: Op[]): void {
  const t = openTestLedger();
  try {
    const model = new Model(t.clock.now, (id) => t.ledger.getTransfer(id)?.expiresAt ?? null);
    ensure(t, model, 'USD', 'cash_drawer', '', 0);
    ensure(t, model, 'USD', 'sales_revenue', '', 0);
    ensure(t, model, 'USD', 'tax_payable', '', 0);
    ensure(t, model, 'USD', 'customer_credit', 'c1', 1);
    ensure(t, model, 'USD', 'vendor_advance', 'v1', 2);
    ensure(t, model, 'COINS', 'customer_coins', 'c1', 1);
    ensure(t, model, 'COINS', 'coins_liability', '', 0);
    ensure(t, model, 'ETH', 'eth_wallet', '', 0);
    ensure(t, model, 'ETH', 'eth_clearing', '', 0);
    // Fund the flagged accounts a little, so random spending sometimes fits and sometimes not.
    const [cash, , , customerCredit, vendorAdvance, customerCoins, coinsLiability] = model
      .accountList()
      .map((x) => x.id);
    const fund = (
      id: string,
      debit: string | undefined,
      credit: string | undefined,
      asset: string,
    ): TransferInput => ({
      id,
      debitAccountId: debit as string,
      creditAccountId: credit as string,
      amount: 800n,
      asset,
      code: 'fund',
      ref: '',
    });
    const funding = [
      fund('fund1', cash, customerCredit, 'USD'),
      fund('fund2', vendorAdvance, cash, 'USD'),
      fund('fund3', coinsLiability, customerCoins, 'COINS'),
    ];
    expect(t.ledger.submit([funding])).toEqual([{ status: 'ok' }]);
    model.accept(funding);
    for (const op of ops) {
      if (op.type === 'ensure') {
        ensure(
          t,
          model,
          assets[op.asset] as string,
          codes[op.code] as string,
          op.code % 2 === 0 ? 'r1' : '',
          op.flag,
        );
      } else if (op.type === 'submit') {
        const groups = op.groups.map((group) => group.map((spec) => buildInput(model, spec)));
        const predictions = model.predictGroups(groups);
        const results = t.ledger.submit(groups);
        expect(results).toHaveLength(groups.length);
        groups.forEach((group, i) => {
          const result = results[i];
          if (predictions[i] !== null)
            expect(result?.status === 'error' ? 'error' : 'ok').toBe(predictions[i]);
          if (result?.status !== 'error') model.accept(group);
          model.attempted.push(...group);
        });
      } else if (op.type === 'resolve') {
        // Mostly an open pending transfer; now and then any pending one (already resolved, expired).
        const pendings = [...model.transfers.values()].filter(
          (x) => x.kind === 'pending' && (op.pick % 4 === 0 || !x.resolved),
        );
        if (pendings.length === 0 && op.pick % 8 !== 0) continue;
        const target =
          pendings.length > 0 ? (pendings[op.pick % pendings.length] as ModelTransfer).input.id : 'missing';
        const input: TransferInput = op.post
          ? {
              id: model.freshId(),
              postPendingId: target,
              ...(op.amount !== null ? { amount: op.amount } : {}),
            }
          : {
              id: model.freshId(),
              voidPendingId: target,
              ...(op.amount !== null ? { amount: op.amount } : {}),
            };
        const expected = model.predictResolve(target, op.post, op.amount);
        const [result] = t.ledger.submit([[input]]);
        expect(result?.status === 'error' ? 'error' : 'ok').toBe(expected);
        if (result?.status === 'ok') model.accept([input]);
        model.attempted.push(input);
      } else if (op.type === 'reverse') {
        const candidates = [...model.transfers.values()];
        if (candidates.length === 0) continue;
        const original = candidates[op.pick % candidates.length] as ModelTransfer;
        const input: NewTransferInput = {
          id: model.freshId(),
          debitAccountId: original.credit,
          creditAccountId: original.debit,
          amount: original.amount,
          asset: model.accounts.get(original.debit)?.asset as string,
          code: 'reversal',
          ref: original.input.ref ?? '',
          reversesId: original.input.id,
        };
        const reversible = (original.kind === 'single' || original.kind === 'post') && !original.reversed;
        const expected = reversible ? model.predictGroups([[input]])[0] : 'error';
        let outcome: 'ok' | 'error' = 'ok';
        try {
          t.ledger.reverse(original.input.id, { id: input.id });
        } catch (error) {
          expect(error).toBeInstanceOf(TillpointError);
          outcome = 'error';
        }
        expect(outcome).toBe(expected);
        if (outcome === 'ok') model.accept([input]);
        model.attempted.push(input);
      } else {
        t.clock.advance(op.ms);
        if (op.expire) {
          const due = model.expireDue();
          expect(t.ledger.expirePending()).toBe(due);
        }
      }
      checkAgainstModel(t, model);
    }
    for (const account of model.accounts.values()) {
      const history = t.ledger.history(account.id, { limit: 1000 });
      const last = history.entries.at(-1)?.balanceAfter ?? history.opening;
      expect(last).toEqual(t.ledger.balance(account.id));
      expect(t.ledger.balance(account.id, { at: new Date('2099-01-01T00:00:00Z') })).toEqual(last);
    }
  } finally {
    t.close();
  }
}

describe('ledger properties', () => {
  it('after any sequence of operations, invariants hold and balances equal the sum of accepted transfers', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => run(ops)),
      { numRuns: 80 },
    );
  });
});
