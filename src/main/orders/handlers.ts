/** The `orders.*` and `receipts.*` handlers: each runs its change, then answers with the order's view. */
import { type PartialHandlerImpls } from '../kernel';
import { addLine, createOrder, removeLine, setDiscount, setTip, updateLine } from './cart';
import { type OrdersContext } from './context';
import { listOrders } from './list';
import { orderLines } from './ordersStore';
import { buildOrderView, refundView } from './orderView';
import { printOrderReceipt, renderOrderReceipt } from './receipt';
import { quoteRefund, refundOrder } from './refund';
import { announceOrder } from './settle';
import { voidOrder } from './voidOrder';

export function createOrdersHandlers(oc: OrdersContext): PartialHandlerImpls {
  const { events } = oc.deps;
  /**
   * After a committed change: tell the clients (the customer display too, unless `display` is false:
   * an empty new order or a refund), and answer with the order as it is now.
   */
  const changed = (orderId: string, display = true) => {
    announceOrder(oc, orderId, display ? {} : null);
    return { order: buildOrderView(oc, orderId) };
  };
  return {
    'orders.create': (input, ctx) => changed(createOrder(oc, ctx, input), false),
    'orders.get': (input) => ({ order: buildOrderView(oc, input.orderId) }),
    'orders.list': (input) => listOrders(oc, input),
    'orders.addLine': (input, ctx) => {
      addLine(oc, ctx, input);
      return changed(input.orderId);
    },
    'orders.updateLine': (input, ctx) => {
      updateLine(oc, ctx, input);
      return changed(input.orderId);
    },
    'orders.removeLine': (input, ctx) => {
      removeLine(oc, ctx, input);
      return changed(input.orderId);
    },
    'orders.setDiscount': (input, ctx) => {
      setDiscount(oc, ctx, input);
      return changed(input.orderId);
    },
    'orders.setTip': (input, ctx) => {
      setTip(oc, ctx, input);
      return changed(input.orderId);
    },
    'orders.void': async (input, ctx) => {
      const { cashBackMinor, shiftId } = await voidOrder(oc, ctx, input);
      if (cashBackMinor > 0n) {
        events.emit('drawer.open', {
          cause: 'refund',
          shiftId,
          staffId: ctx.staff?.staffId ?? null,
          at: oc.nowIso(),
        });
      }
      return changed(input.orderId);
    },
    'orders.refund': async (input, ctx) => {
      const refund = await refundOrder(oc, ctx, input);
      if (refund.tender === 'cash' && refund.amountMinor > 0n) {
        events.emit('drawer.open', {
          cause: 'refund',
          shiftId: refund.shiftId,
          staffId: refund.createdBy,
          at: refund.createdAt,
        });
      }
      const { order } = changed(input.orderId, false);
      return { order, refund: refundView(oc, refund, orderLines(oc.deps.db, input.orderId)) };
    },
    'orders.refundQuote': (input) => quoteRefund(oc, input),
    'receipts.render': (input) => renderOrderReceipt(oc, input),
    'receipts.print': (input) => printOrderReceipt(oc, input),
  };
}
