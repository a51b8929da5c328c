/**
 * Foreign cash: the `foreign_cash` tender (decided at once) and the `fx.*` handlers.
 *
 * Rounding: the notes are credited at tendered × rate rounded UP to the store currency's minor unit
 * (the customer's favour); the exact value and the difference are kept per payment.
 *
 * Ledger, in one transaction with the payment: the flow's tender transfer `fx_clearing` (store
 * currency) ← receivable for what the payment covers; the notes `cash_foreign` (foreign asset) ←
 * `fx_clearing` (foreign asset); the change `fx_clearing` (store currency) ← this shift's drawer. So
 * `fx_clearing` holds, per asset, both legs of the exchange at the manager's rate: foreign notes owed
 * out against their value in the store currency. A refund goes back in the store currency from the
 * drawer (`fx_clearing` ← receivable, then the drawer pays `fx_clearing`).
 */
import Decimal from 'decimal.js';
import { monotonicFactory } from 'ulid';
import { type ApiOutput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { assetScale, convert, isFiatAsset } from '../../shared/money';
import { type AuditService } from '../audit';
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { type Account, type Ledger } from '../ledger';
import { type PaymentsService, type TenderAdapter, type TenderReport } from '../payments';

export const foreignCashKind = 'foreign_cash';

interface Intent {
  paymentId: string;
  orderId: string;
  currency: string;
  tendered: bigint;
  rate: string;
  exact: string;
  credited: bigint;
  difference: string;
  decided: boolean;
}

export interface FxPorts {
  readonly ledger: Ledger;
  readonly audit: AuditService;
  currency(): string;
  drawerAccount(shiftId: string): Account;
}

/** The notes' value in the store currency: exact (decimal text) and credited (rounded up). */
export function creditFor(tendered: bigint, currency: string, store: string, rate: string) {
  const exact = new Decimal(tendered.toString()).div(new Decimal(10).pow(assetScale(currency))).mul(rate);
  const credited = convert(tendered, currency, store, rate, 'up'); // the customer's favour
  const difference = new Decimal(credited.toString())
    .div(new Decimal(10).pow(assetScale(store)))
    .minus(exact);
  return { exact: exact.toFixed(), credited, difference: difference.toFixed() };
}

export interface FxModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly tender: TenderAdapter;
  connect(ports: {
    payments: PaymentsService;
    orderView(orderId: string): ApiOutput<'orders.get'>['order'];
  }): void;
}

export function createFxModule(deps: CoreDeps, ports: FxPorts): FxModule {
  const { db } = deps;
  const { ledger } = ports;
  const ulid = monotonicFactory();
  const newId = () => ulid(deps.now().getTime());
  let linked: Parameters<FxModule['connect']>[0] | null = null;
  const account = (asset: string, code: string) => ledger.ensureAccount({ asset, code, ref: '' });

  /** Intents of fx.cash calls in progress: the plan and the decision read them; nothing is written before. */
  const pending = new Map<string, Intent>();
  const intentOf = (paymentId: string): Intent | null => {
    const inProgress = pending.get(paymentId);
    if (inProgress) return inProgress;
    const r = db.prepare('SELECT * FROM fx_cash_payments WHERE payment_id = ?').get(paymentId) as
      Record<string, string | number> | undefined;
    if (!r) return null;
    return {
      paymentId: String(r.payment_id),
      orderId: String(r.order_id),
      currency: String(r.currency),
      tendered: BigInt(String(r.tendered)),
      rate: String(r.rate),
      exact: String(r.exact_value),
      credited: BigInt(String(r.credited)),
      difference: String(r.difference),
      decided: r.decided === 1,
    };
  };
  const rateOf = (currency: string) =>
    db.prepare('SELECT rate FROM fx_rates WHERE currency = ?').pluck().get(currency) as string | undefined;

  const requireIntent = (paymentId: string): Intent => {
    const intent = intentOf(paymentId);
    if (!intent) {
      throw new TillpointError(
        'bad_input',
        'Foreign cash is taken with fx.cash (the currency and the notes).',
        {
          reason: 'no_foreign_cash',
        },
      );
    }
    return intent;
  };

  const tender: TenderAdapter = {
    kind: foreignCashKind,
    label: 'Foreign cash',
    state: () =>
      (db.prepare('SELECT COUNT(*) FROM fx_rates').pluck().get() as number) > 0
        ? { state: 'ready', reason: null }
        : { state: 'not_set_up', reason: 'A manager sets the rate of a foreign currency first.' },
    account: () => ({ code: 'fx_clearing', ref: '' }),
    plan(request) {
      const intent = requireIntent(request.paymentId);
      const due = request.amountMinor ?? request.dueMinor;
      const applied = intent.credited < due ? intent.credited : due;
      return {
        amountMinor: applied,
        tenderedMinor: intent.credited,
        changeMinor: intent.credited - applied,
        roundingMinor: 0n,
      };
    },
    decideAtOnce: {
      payment(request, plan): TenderReport {
        const intent = requireIntent(request.paymentId);
        const store = request.currency;
        const change = plan.changeMinor ?? 0n;
        const drawer = ports.drawerAccount(request.shiftId);
        const held = drawer.debitsPosted - drawer.creditsPosted - drawer.creditsPending;
        if (change > held) {
          throw new TillpointError(
            'insufficient_funds',
            'The drawer does not hold the change in the store currency.',
            {
              accountId: drawer.id,
              requiredMinor: change.toString(),
              availableMinor: held.toString(),
            },
          );
        }
        const ref = `payment:${request.paymentId}`;
        ledger.submitOne([
          {
            id: newId(),
            debitAccountId: account(intent.currency, 'cash_foreign').id,
            creditAccountId: account(intent.currency, 'fx_clearing').id,
            amount: intent.tendered,
            asset: intent.currency,
            code: 'fx_cash_in',
            ref,
            staffId: request.staffId,
          },
          ...(change > 0n
            ? [
                {
                  id: newId(),
                  debitAccountId: account(store, 'fx_clearing').id,
                  creditAccountId: drawer.id,
                  amount: change,
                  asset: store,
                  code: 'fx_change',
                  ref,
                  staffId: request.staffId,
                },
              ]
            : []),
        ]);
        db.prepare(
          `INSERT INTO fx_cash_payments (payment_id, order_id, currency, tendered, rate, exact_value, credited,
             difference, created_at, decided) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        ).run(
          request.paymentId,
          intent.orderId,
          intent.currency,
          intent.tendered.toString(),
          intent.rate,
          intent.exact,
          intent.credited.toString(),
          intent.difference,
          deps.now().toISOString(),
        );
        return {
          paymentId: request.paymentId,
          status: 'succeeded',
          details: { currency: intent.currency, tendered: intent.tendered.toString(), rate: intent.rate },
        };
      },
      refund(request) {
        // Back in the store currency, from this shift's drawer.
        const store = request.currency;
        const drawer = ports.drawerAccount(request.shiftId);
        ledger.submitOne([
          {
            id: newId(),
            debitAccountId: account(store, 'fx_clearing').id,
            creditAccountId: drawer.id,
            amount: request.amountMinor,
            asset: store,
            code: 'fx_refund_cash',
            ref: `refund:${request.refundId}`,
            staffId: request.staffId,
          },
        ]);
        return { shareId: request.shareId, status: 'succeeded' };
      },
    },
    start: (request) => Promise.resolve({ paymentId: request.paymentId, status: 'succeeded' }),
    status: (payment) =>
      Promise.resolve({
        paymentId: payment.paymentId,
        status: payment.status === 'pending' ? 'failed' : (payment.status as TenderReport['status']),
      }),
    cancel: (payment) =>
      Promise.reject(
        new TillpointError('conflict', `Foreign cash payment ${payment.paymentId} was taken at once.`),
      ),
    refund: (request) =>
      Promise.resolve({ shareId: request.shareId, status: 'failed', message: 'Refunded at once.' }),
    refundStatus: (share) => Promise.resolve({ shareId: share.shareId, status: 'failed' }),
    onUpdate: () => () => undefined,
  };

  const rateView = (currency: string) =>
    db
      .prepare('SELECT currency, rate, set_by AS setBy, set_at AS setAt FROM fx_rates WHERE currency = ?')
      .get(currency) as {
      currency: string;
      rate: string;
      setBy: string;
      setAt: string;
    };

  return {
    tender,
    connect(p) {
      linked = p;
    },
    handlers: {
      'fx.setRate': (input, ctx) => {
        const staffId = ctx.staff.staffId;
        const store = ports.currency();
        if (input.currency === store || !isFiatAsset(input.currency)) {
          throw new TillpointError(
            'bad_input',
            `Foreign cash is a currency other than the store's (${store}).`,
            {
              currency: input.currency,
            },
          );
        }
        db.transaction(() => {
          db.prepare(
            `INSERT INTO fx_rates (currency, rate, set_by, set_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (currency) DO UPDATE SET rate = excluded.rate, set_by = excluded.set_by, set_at = excluded.set_at`,
          ).run(input.currency, input.rate, staffId, deps.now().toISOString());
          ports.audit.record({
            staffId,
            action: 'fx.rateSet',
            ref: input.currency,
            details: { rate: input.rate },
          });
        })();
        return { rate: rateView(input.currency) };
      },
      'fx.rates': () => ({
        storeCurrency: ports.currency(),
        rates: (db.prepare('SELECT currency FROM fx_rates ORDER BY currency').pluck().all() as string[]).map(
          rateView,
        ),
      }),
      'fx.cash': async (input, ctx) => {
        const staffId = ctx.staff.staffId;
        if (!linked) throw new Error('The fx domain is not connected to payments.');
        const rate = rateOf(input.currency);
        if (rate === undefined) {
          throw new TillpointError(
            'bad_input',
            `This till takes no ${input.currency} cash: a manager sets its rate first.`,
            {
              currency: input.currency,
              reason: 'no_rate',
            },
          );
        }
        const paymentId = input.paymentId ?? newId();
        const tendered = BigInt(input.tendered);
        const existing = intentOf(paymentId);
        if (
          existing &&
          (existing.orderId !== input.orderId ||
            existing.currency !== input.currency ||
            existing.tendered !== tendered)
        ) {
          throw new TillpointError(
            'conflict',
            `Payment id ${paymentId} was already used for another payment.`,
            {
              paymentId,
              reason: 'payment_id_reused',
            },
          );
        }
        const credit = existing ?? { ...creditFor(tendered, input.currency, ports.currency(), rate), rate };
        if (!existing) {
          pending.set(paymentId, {
            paymentId,
            orderId: input.orderId,
            currency: input.currency,
            tendered,
            rate,
            exact: credit.exact,
            credited: credit.credited,
            difference: credit.difference,
            decided: false,
          });
        }
        let record: Awaited<ReturnType<PaymentsService['start']>>['payment'];
        try {
          ({ payment: record } = await linked.payments.start({
            orderId: input.orderId,
            paymentId,
            kind: foreignCashKind,
            staffId,
            request: { kind: foreignCashKind, currency: input.currency, tendered: input.tendered },
          }));
        } finally {
          pending.delete(paymentId);
        }
        const order = linked.orderView(input.orderId);
        const payment = order.payments.find((p) => p.id === record.id);
        if (!payment) throw new Error(`Payment ${record.id} is missing from its order's view.`);
        return {
          payment,
          order,
          creditedMinor: credit.credited.toString(),
          changeMinor: (record.changeMinor ?? 0n).toString(),
        };
      },
      'fx.position': () => ({
        positions: (
          db
            .prepare(
              `SELECT currency, tendered, credited, difference FROM fx_cash_payments WHERE decided = 1 ORDER BY currency`,
            )
            .all() as { currency: string; tendered: string; credited: string; difference: string }[]
        ).reduce<{ currency: string; heldMinor: string; creditedMinor: string; differenceTotal: string }[]>(
          (list, row) => {
            const found = list.find((p) => p.currency === row.currency);
            if (found) {
              found.heldMinor = (BigInt(found.heldMinor) + BigInt(row.tendered)).toString();
              found.creditedMinor = (BigInt(found.creditedMinor) + BigInt(row.credited)).toString();
              found.differenceTotal = new Decimal(found.differenceTotal).plus(row.difference).toFixed();
            } else {
              list.push({
                currency: row.currency,
                heldMinor: row.tendered,
                creditedMinor: row.credited,
                differenceTotal: row.difference,
              });
            }
            return list;
          },
          [],
        ),
      }),
    },
  };
}
