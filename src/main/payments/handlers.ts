/**
 * The `payments.*` handlers. Each runs the payments flow (service.ts) and answers with the payment
 * and its order as they are now; `payments.cash` is `payments.start` with the cash tender.
 */
import { monotonicFactory } from 'ulid';
import { type StaffCallContext, type PartialHandlerImpls } from '../kernel';
import { type PaymentRecord } from './paymentsStore';
import { type PaymentsCore } from './service';
import { TillpointError } from '../../shared/api/errors';
import { cashAmountDue, planCashTender, quickAmounts } from './cash/cashRules';

/** A cash plan, or the sentence of the rule that refuses it (any other failure is thrown). */
function tryPlan<T>(make: () => T): { ok: true; value: T } | { ok: false; problem: string } {
  try {
    return { ok: true, value: make() };
  } catch (error) {
    if (error instanceof TillpointError) return { ok: false, problem: error.message };
    throw error;
  }
}

export function createPaymentHandlers(core: PaymentsCore): PartialHandlerImpls {
  const ulid = monotonicFactory();
  const { deps } = core;

  const viewOf = (record: PaymentRecord) => {
    const order = core.orders().view(record.orderId);
    const payment = order.payments.find((p) => p.id === record.id);
    if (!payment) throw new Error(`Payment ${record.id} is missing from its order's view.`);
    return { payment, order };
  };
  const result = (record: PaymentRecord) => ({
    ...viewOf(record),
    changeMinor: (record.changeMinor ?? 0n).toString(),
  });

  const start = async (
    ctx: StaffCallContext,
    input: {
      orderId: string;
      paymentId?: string | undefined;
      tender: string;
      amount?: string | undefined;
      tendered?: string | undefined;
      options?: Record<string, string | number | boolean> | undefined;
    },
  ) => {
    const staff = ctx.staff;
    const paymentId = input.paymentId ?? ulid(deps.now().getTime());
    const { payment: record, fresh } = await core.start({
      orderId: input.orderId,
      paymentId,
      kind: input.tender,
      amountMinor: input.amount === undefined ? undefined : BigInt(input.amount),
      tenderedMinor: input.tendered === undefined ? undefined : BigInt(input.tendered),
      options: input.options,
      staffId: staff.staffId,
      request: {
        kind: input.tender,
        tendered: input.tendered ?? null,
        amount: input.amount ?? null,
        // Absent when none, so a retry of a call made before options existed still matches.
        ...(input.options
          ? {
              options: Object.fromEntries(Object.entries(input.options).sort(([a], [b]) => (a < b ? -1 : 1))),
            }
          : {}),
      },
    });
    if (fresh && record.kind === 'cash' && record.status === 'succeeded') {
      deps.events.emit('drawer.open', {
        cause: 'payment',
        shiftId: record.shiftId,
        staffId: staff.staffId,
        at: record.createdAt,
      });
    }
    return result(record);
  };

  return {
    'payments.tenders': () => ({ tenders: core.registry.describe() }),
    'payments.start': (input, ctx) => start(ctx, input),
    'payments.cash': (input, ctx) => start(ctx, { ...input, tender: 'cash' }),
    'payments.get': (input) => {
      const record = core.require(input.paymentId);
      return { payment: viewOf(record).payment, orderId: record.orderId };
    },
    'payments.cancel': async (input, ctx) => {
      const staff = ctx.staff;
      const record = await core.cancel(input.paymentId, staff.staffId);
      return viewOf(record);
    },
    'payments.inFlight': (input) => ({
      payments: core.inFlight(input.shiftId).map((record) => {
        const { payment, order } = viewOf(record);
        return { ...payment, orderId: record.orderId, orderNumber: order.number, carried: record.carried };
      }),
    }),
    'payments.quickAmounts': (input) => {
      const due = core.orders().dueFor(input.orderId);
      const cashDueMinor = cashAmountDue(due.dueMinor, due.cashRoundingIncrementMinor);
      const amountMinor = input.amount === undefined ? undefined : BigInt(input.amount);
      // The change of each amount is planned as payments.cash would take it (planCashTender).
      const plan = (tenderedMinor: bigint) =>
        planCashTender({
          dueMinor: due.dueMinor,
          incrementMinor: due.cashRoundingIncrementMinor,
          tenderedMinor,
          amountMinor,
          currency: due.currency,
        });
      const amounts = quickAmounts(cashDueMinor, due.currency);
      const options: { tenderedMinor: string; changeMinor: string }[] = [];
      const split = amountMinor !== undefined && amountMinor > 0n && amountMinor < cashDueMinor;
      for (const tenderedMinor of split ? quickAmounts(amountMinor, due.currency) : amounts) {
        const planned = tryPlan(() => plan(tenderedMinor));
        if (planned.ok) {
          options.push({
            tenderedMinor: tenderedMinor.toString(),
            changeMinor: planned.value.changeMinor.toString(),
          });
        }
      }
      let typed = null;
      if (input.tendered !== undefined) {
        const tenderedMinor = BigInt(input.tendered);
        const planned = tryPlan(() => plan(tenderedMinor));
        typed = planned.ok
          ? {
              ok: true as const,
              tenderedMinor: input.tendered,
              changeMinor: planned.value.changeMinor.toString(),
            }
          : { ok: false as const, tenderedMinor: input.tendered, problem: planned.problem };
      }
      return {
        cashAmountDueMinor: cashDueMinor.toString(),
        amountsMinor: amounts.map(String),
        options,
        typed,
      };
    },
  };
}
