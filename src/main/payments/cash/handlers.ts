/**
 * The `payments.cash` and `payments.quickAmounts` handlers. A cash payment is planned by the cash
 * adapter, then written in one transaction with everything it causes: the payment row, its tender
 * transfer, and, when nothing is left to pay, the order becoming paid (the sale's postings linked to
 * the tender, stock, totals frozen), and the audit entry. A retry with the same paymentId returns the
 * first result and writes nothing.
 */
import { monotonicFactory } from 'ulid';
import { type ApiOutput } from '../../../shared/api';
import { TillpointError } from '../../../shared/api/errors';
import { type AuditService } from '../../audit';
import { type CallContext, type StaffIdentity } from '../../core/context';
import { type PartialHandlerImpls } from '../../core/dispatch';
import { type CoreDeps } from '../../core/services';
import { type TransferInput } from '../../ledger';
import { type PaymentRecord } from '../paymentsStore';
import { type PaymentsService } from '../service';
import { cashAmountDue, quickAmounts } from './cashRules';

type OrderView = ApiOutput<'orders.get'>['order'];

/** What the payments handlers need from the orders domain. */
export interface OrderSettlementPort {
  /** The shift that takes the payment; throws conflict when none is open. */
  requireOpenShift(): { id: string };
  /** What the order still owes; throws when it cannot take a payment (not open, empty). */
  dueFor(orderId: string): { currency: string; dueMinor: bigint; cashRoundingIncrementMinor: bigint };
  /**
   * Inside the payment's transaction: makes the order paid (totals frozen, stock, audit) and returns
   * the sale's transfers, to be linked with the payment's tender transfer.
   */
  settle(
    orderId: string,
    settlement: { paymentId: string; roundingMinor: bigint; staff: StaffIdentity; shiftId: string },
  ): TransferInput[];
  view(orderId: string): OrderView;
  /** After the commit: tells the clients the order changed, and after a payment the change it gave. */
  announce(orderId: string, payment?: { changeMinor: bigint | null }): void;
}

export interface PaymentHandlerServices {
  readonly deps: CoreDeps;
  readonly payments: PaymentsService;
  readonly audit: AuditService;
  readonly orders: OrderSettlementPort;
}

function actorOf(ctx: CallContext): StaffIdentity {
  if (!ctx.staff)
    throw new TillpointError('unauthorized', 'Log in with your PIN first (no valid staff session).');
  return ctx.staff;
}

export function createPaymentHandlers(services: PaymentHandlerServices): PartialHandlerImpls {
  const { deps, payments, audit, orders } = services;
  const ulid = monotonicFactory();

  const result = (record: PaymentRecord) => {
    const order = orders.view(record.orderId);
    const payment = order.payments.find((p) => p.id === record.id);
    if (!payment) throw new Error(`Payment ${record.id} is missing from its order's view.`);
    return { payment, changeMinor: (record.changeMinor ?? 0n).toString(), order };
  };

  const replay = (existing: PaymentRecord, orderId: string, request: string) => {
    if (existing.orderId !== orderId || existing.request !== request) {
      throw new TillpointError(
        'conflict',
        `Payment id ${existing.id} was already used for another payment; make a new id for a new payment.`,
        { paymentId: existing.id, reason: 'payment_id_reused' },
      );
    }
    return result(existing);
  };

  return {
    'payments.cash': async (input, ctx) => {
      const staff = actorOf(ctx);
      const paymentId = input.paymentId ?? ulid(deps.now().getTime());
      const request = JSON.stringify({
        kind: 'cash',
        tendered: input.tendered,
        amount: input.amount ?? null,
      });
      const existing = payments.get(paymentId);
      if (existing) return replay(existing, input.orderId, request);

      const shift = orders.requireOpenShift();
      const due = orders.dueFor(input.orderId);
      const update = await payments.adapter('cash').start({
        paymentId,
        orderId: input.orderId,
        currency: due.currency,
        dueMinor: due.dueMinor,
        amountMinor: input.amount === undefined ? undefined : BigInt(input.amount),
        tenderedMinor: BigInt(input.tendered),
        cashRoundingIncrementMinor: due.cashRoundingIncrementMinor,
        staffId: staff.staffId,
        shiftId: shift.id,
      });

      const written = deps.db.transaction(() => {
        const again = payments.get(paymentId);
        if (again) return { record: again, fresh: false };
        const shiftNow = orders.requireOpenShift();
        const dueNow = orders.dueFor(input.orderId);
        if (shiftNow.id !== shift.id || dueNow.dueMinor !== due.dueMinor) {
          throw new TillpointError(
            'conflict',
            'The order changed while the payment was being taken; take it again.',
            {
              orderId: input.orderId,
              reason: 'order_changed',
            },
          );
        }
        const linked = update.settles
          ? orders.settle(input.orderId, {
              paymentId,
              roundingMinor: update.roundingMinor,
              staff,
              shiftId: shift.id,
            })
          : [];
        const record = payments.record({
          update,
          currency: due.currency,
          staffId: staff.staffId,
          shiftId: shift.id,
          request: JSON.parse(request) as Record<string, unknown>,
          linked,
        });
        audit.record({
          staffId: staff.staffId,
          action: 'payments.cash',
          ref: input.orderId,
          details: {
            paymentId,
            shiftId: shift.id,
            amountMinor: update.amountMinor,
            tenderedMinor: update.tenderedMinor ?? null,
            changeMinor: update.changeMinor ?? null,
            settles: update.settles,
            roundingMinor: update.roundingMinor,
          },
        });
        return { record, fresh: true };
      })();
      if (!written.fresh) return replay(written.record, input.orderId, request);
      deps.events.emit('drawer.open', {
        cause: 'payment',
        shiftId: shift.id,
        staffId: staff.staffId,
        at: written.record.createdAt,
      });
      orders.announce(input.orderId, { changeMinor: written.record.changeMinor });
      return result(written.record);
    },

    'payments.quickAmounts': (input) => {
      const due = orders.dueFor(input.orderId);
      const cashDueMinor = cashAmountDue(due.dueMinor, due.cashRoundingIncrementMinor);
      return {
        cashAmountDueMinor: cashDueMinor.toString(),
        amountsMinor: quickAmounts(cashDueMinor, due.currency).map(String),
      };
    },
  };
}
