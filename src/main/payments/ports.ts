/**
 * What the payments domain needs from the orders domain, which implements it and hands it over once
 * both are built (`payments.service.setOrders`): orders know what is due and how a sale settles;
 * payments know how money moves.
 */
import { type ApiOutput } from '../../shared/api';
import { type TransferInput } from '../ledger';

export type OrderView = ApiOutput<'orders.get'>['order'];

export interface OrderSettlementPort {
  /** The shift that takes the payment; throws conflict when none is open. */
  requireOpenShift(): { id: string };
  /** The open or closing shift, or null. */
  currentShiftId(): string | null;
  /**
   * What the order still owes, payments in flight counted; throws when it cannot take a payment now
   * (not open, empty, a discount waiting for approval, a refund in flight).
   */
  dueFor(orderId: string): { currency: string; dueMinor: bigint; cashRoundingIncrementMinor: bigint };
  /**
   * Inside the transaction of a payment that just succeeded: when the order owes nothing and nothing
   * is in flight, makes it paid (totals frozen, stock, audit) and returns the sale's transfers to link
   * with the payment's; else null.
   */
  settleIfDue(
    orderId: string,
    settlement: { paymentId: string; staffId: string; shiftId: string },
  ): TransferInput[] | null;
  /**
   * Inside the transaction of the last answer of a refund's (or a void's) shares: finishes it (the
   * sale taken back, or the order voided) and returns the transfers to write with it.
   */
  finishGiveBack(refundId: string, outcome: { succeededMinor: bigint; failedMinor: bigint }): TransferInput[];
  /**
   * Inside the transaction of a payment that succeeded with a tip added on the reader: the order's tip
   * grows by it (the tip becomes a fixed amount), so what is due grows with what was taken.
   */
  addTip(orderId: string, tipMinor: bigint): void;
  view(orderId: string): OrderView;
  /** After the commit: tells the clients the order changed, and after a cash payment the change it gave. */
  announce(orderId: string, payment?: { changeMinor: bigint | null }): void;
}
