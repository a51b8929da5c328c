/**
 * Lines worth less when refunded than when sold: another domain's hook (`OrderHooks.refundValue`)
 * may lower what an untaxed line's refunded units give back (a top-up whose coins are partly spent
 * gives back only the unspent part). The rest is forfeited: it stays with the store, and the refund
 * that completes the order gives back what is left of the payments minus every forfeited amount, so
 * an order's refunds add up to its payments minus what was forfeited.
 */
import { type OrderHooks } from './context';
import { type planLineRefund } from './refundRules';
import { type RefundLineRecord } from './refundsStore';

type LinePlan = ReturnType<typeof planLineRefund>;

/** The plan with the hooks' lower values applied to untaxed lines (never raised, never below 0). */
export function applyRefundValues(hooks: readonly OrderHooks[], orderId: string, plan: LinePlan): LinePlan {
  if (!hooks.some((h) => h.refundValue)) return plan;
  const lines = plan.lines.map((line) => {
    if (line.taxes.some((tax) => tax.amountMinor !== 0n)) return line;
    let value = line.netMinor;
    for (const hook of hooks) {
      const lowered = hook.refundValue?.({
        orderId,
        lineId: line.lineId,
        quantity: line.quantity,
        netMinor: value,
      });
      if (lowered !== undefined && lowered !== null && lowered >= 0n && lowered < value) value = lowered;
    }
    return value === line.netMinor ? line : { ...line, netMinor: value, amountMinor: value };
  });
  return {
    ...plan,
    lines,
    netMinor: lines.reduce((sum, line) => sum + line.netMinor, 0n),
    linesMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0n),
  };
}

/**
 * What the order's refunds forfeit, this one included: for each line refunded in full, what it was
 * worth minus what its refunds gave back (0 for every line no hook lowered: the last units of a line
 * take exactly what is left of it).
 */
export function forfeitedMinor(
  priced: readonly { lineId: string; quantity: number; amountMinor: bigint }[],
  earlier: ReadonlyMap<string, RefundLineRecord>,
  now: readonly { lineId: string; quantity: number; amountMinor: bigint }[],
): bigint {
  let total = 0n;
  for (const line of priced) {
    const before = earlier.get(line.lineId);
    const planned = now.find((p) => p.lineId === line.lineId);
    const quantity = (before?.quantity ?? 0) + (planned?.quantity ?? 0);
    if (quantity < line.quantity) continue;
    const given = (before?.amountMinor ?? 0n) + (planned?.amountMinor ?? 0n);
    if (line.amountMinor > given) total += line.amountMinor - given;
  }
  return total;
}
