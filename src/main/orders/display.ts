/**
 * What the customer display shows of an order: the `display.updated` event, emitted after every
 * committed change of a sale the customer watches — its cart (lines, discounts, tip), a payment (with
 * the change a cash payment gave), the order paid, or voided. It is built from the same priced order
 * as `orders.get` and the receipt (the renderer computes nothing), and holds nothing secret: the order
 * number, the lines' names and quantities, amounts, the store's currency and locale.
 */
import { type EventPayload } from '../../shared/api';
import { customerNoteOf, type OrdersContext } from './context';
import { getOrder, orderLines, type OrderRecord } from './ordersStore';
import { amountDueOf, paidMinorOf } from './orderView';
import { priceOrder } from './priced';

export type DisplayUpdate = EventPayload<'display.updated'>;

/** What happened just before the announcement that the display needs to say. */
export interface DisplayCause {
  /** A payment was taken: the change it gave back (null for a tender without change). */
  readonly changeMinor?: bigint | null;
}

/** The display's state for an order, or null when the display has nothing to show of it (refunds). */
function displayStateOf(status: OrderRecord['status'], lineCount: number): DisplayUpdate['state'] | null {
  switch (status) {
    case 'open':
      return lineCount === 0 ? 'idle' : 'cart';
    case 'paid':
      return 'paid';
    case 'voided':
      return 'voided';
    case 'partially_refunded':
    case 'refunded':
      return null;
  }
}

/** The hooks' sentence for the order's customer (their coin balance), when there is one. */
function customerNoteField(oc: OrdersContext, orderId: string): { customerNote?: string } {
  const note = customerNoteOf(oc.hooks, orderId);
  return note === null ? {} : { customerNote: note };
}

/** The customer's view of an order now, or null when the display shows nothing of it. */
export function displayUpdateOf(
  oc: OrdersContext,
  orderId: string,
  cause: DisplayCause = {},
): DisplayUpdate | null {
  const { db } = oc.deps;
  const order = getOrder(db, orderId);
  const lines = orderLines(db, orderId);
  const state = displayStateOf(order.status, lines.length);
  if (state === null) return null;
  const settings = oc.settings.get();
  const priced = priceOrder(order, lines, settings);
  const { result } = priced;
  const payments = oc.payments.listForOrder(orderId);
  const change = cause.changeMinor ?? null;
  return {
    state,
    orderNumber: order.number,
    currency: order.currency,
    locale: settings.locale,
    timeZone: settings.timeZone,
    taxIncluded: priced.taxMode === 'inclusive',
    // As the receipt prints them: each line after its own discount, the order discount apart.
    lines: lines.map((line, index) => {
      const p = result.lines[index];
      if (!p || p.lineId !== line.id)
        throw new Error(`Priced line ${index} of order ${order.id} does not match its row.`);
      return {
        name: line.name,
        quantity: line.quantity,
        totalMinor: (p.grossMinor - p.lineDiscountMinor).toString(),
      };
    }),
    subtotalMinor: (result.subtotalMinor - result.lineDiscountTotalMinor).toString(),
    discountMinor: result.orderDiscountMinor.toString(),
    taxMinor: result.taxTotalMinor.toString(),
    tipMinor: result.tipMinor.toString(),
    totalMinor: result.totalMinor.toString(),
    paidMinor: paidMinorOf(payments).toString(),
    ...(change !== null ? { changeMinor: change.toString() } : {}),
    amountDueMinor: amountDueOf(order, priced, payments).toString(),
    ...customerNoteField(oc, orderId),
  };
}

/** After a committed change: tells the customer display, when it has something to show. */
export function announceDisplay(oc: OrdersContext, orderId: string, cause: DisplayCause = {}): void {
  const update = displayUpdateOf(oc, orderId, cause);
  if (update) oc.deps.events.emit('display.updated', update);
}
