/**
 * What the orders screen shows, pure: the words and tone of each order status, the filters, and the
 * refund form's rules (how many of each line may still be refunded, what is picked, the lines the
 * refund call takes).
 */
import { type Tone } from '../../ui/Badge';

export const orderStatuses = ['open', 'paid', 'partially_refunded', 'refunded', 'voided'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderStatusLabels: Record<OrderStatus, string> = {
  open: 'Open',
  paid: 'Paid',
  partially_refunded: 'Partly refunded',
  refunded: 'Refunded',
  voided: 'Voided',
};

export const orderStatusTones: Record<OrderStatus, Tone> = {
  open: 'info',
  paid: 'success',
  partially_refunded: 'warning',
  refunded: 'neutral',
  voided: 'danger',
};

export type StatusFilter = 'all' | OrderStatus;

export const statusFilters: readonly { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  ...orderStatuses.map((status) => ({ value: status, label: orderStatusLabels[status] })),
];

export const paymentKindLabels: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  crypto: 'Crypto',
  coins: 'Store coins',
};

/** Whether an order can be refunded now: paid (or partly refunded) with something left to refund. */
export function canRefund(order: {
  status: OrderStatus;
  lines: readonly { refundableQuantity: number }[];
}): boolean {
  return (
    (order.status === 'paid' || order.status === 'partially_refunded') &&
    order.lines.some((line) => line.refundableQuantity > 0)
  );
}

/** The search box takes an order number: "#1042" and " 1042 " both mean 1042. */
export function normalizeOrderSearch(text: string): string {
  return text.trim().replace(/^#\s*/, '');
}

/** How many of each line are picked for the refund, by line id. */
export type RefundPick = Record<string, number>;

interface RefundableLine {
  id: string;
  refundableQuantity: number;
}

/** Nothing picked. */
export function emptyPick(lines: readonly RefundableLine[]): RefundPick {
  return Object.fromEntries(lines.filter((line) => line.refundableQuantity > 0).map((line) => [line.id, 0]));
}

/** Everything that is left to refund. */
export function pickAll(lines: readonly RefundableLine[]): RefundPick {
  return Object.fromEntries(
    lines.filter((line) => line.refundableQuantity > 0).map((line) => [line.id, line.refundableQuantity]),
  );
}

/** Sets one line's quantity, kept between 0 and what is still refundable. */
export function setPicked(pick: RefundPick, line: RefundableLine, quantity: number): RefundPick {
  const bounded = Math.max(0, Math.min(line.refundableQuantity, Math.trunc(quantity)));
  return { ...pick, [line.id]: Number.isFinite(bounded) ? bounded : 0 };
}

/** The lines for orders.refund: those picked, in the order's line order. */
export function refundLines(
  lines: readonly RefundableLine[],
  pick: RefundPick,
): { lineId: string; quantity: number }[] {
  return lines
    .map((line) => ({ lineId: line.id, quantity: Math.min(pick[line.id] ?? 0, line.refundableQuantity) }))
    .filter((entry) => entry.quantity > 0);
}

/** How many items are picked in all. */
export function pickedCount(pick: RefundPick): number {
  return Object.values(pick).reduce((sum, quantity) => sum + quantity, 0);
}
