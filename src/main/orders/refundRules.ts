/**
 * How much a refund gives back, as pure functions. The money for refunded units is their share of
 * the lines' priced amounts (net revenue and each tax), so discounts and taxes come back exactly as
 * they were charged.
 *
 * Rounding: the share of `q` units out of the `left` units not yet refunded is the largest-remainder
 * part of what is left of the line (allocate(left amount, [q, left − q])); when the rest of the line
 * is refunded it gets exactly what is left. So the refunds of a line always add up to the line, never
 * a unit more or less, whatever the order of partial refunds.
 */
import { TillpointError } from '../../shared/api/errors';
import { allocate, divideRounded } from '../../shared/money';
import { type RefundLineRecord } from './refundsStore';

export interface RefundableLine {
  readonly lineId: string;
  readonly name: string;
  readonly quantity: number;
  /** The line's revenue: its priced total without tax. */
  readonly netMinor: bigint;
  readonly taxes: readonly { taxId: string; amountMinor: bigint }[];
}

export interface RefundRequestLine {
  readonly lineId: string;
  readonly quantity: number;
}

export interface LineRefundPlan {
  readonly lines: RefundLineRecord[];
  readonly netMinor: bigint;
  /** Per taxId, in the order the taxes first appear. */
  readonly taxes: { taxId: string; amountMinor: bigint }[];
  /** net + taxes of the refunded units. */
  readonly linesMinor: bigint;
  /** Whether every unit of every line has been refunded once this refund is done. */
  readonly completes: boolean;
}

function shareOf(leftMinor: bigint, leftQuantity: number, quantity: number): bigint {
  if (quantity === leftQuantity) return leftMinor;
  const [share] = allocate(leftMinor, [BigInt(quantity), BigInt(leftQuantity - quantity)]);
  return share ?? 0n;
}

/** What has been refunded of each line so far, summed from earlier refunds. */
export function refundedSoFar(
  earlier: readonly { lines: readonly RefundLineRecord[] }[],
): Map<string, RefundLineRecord> {
  const totals = new Map<string, RefundLineRecord>();
  for (const refund of earlier) {
    for (const line of refund.lines) {
      const before = totals.get(line.lineId);
      const taxes = new Map((before?.taxes ?? []).map((tax) => [tax.taxId, tax.amountMinor]));
      for (const tax of line.taxes) taxes.set(tax.taxId, (taxes.get(tax.taxId) ?? 0n) + tax.amountMinor);
      totals.set(line.lineId, {
        lineId: line.lineId,
        quantity: (before?.quantity ?? 0) + line.quantity,
        netMinor: (before?.netMinor ?? 0n) + line.netMinor,
        taxes: [...taxes].map(([taxId, amountMinor]) => ({ taxId, amountMinor })),
        amountMinor: (before?.amountMinor ?? 0n) + line.amountMinor,
      });
    }
  }
  return totals;
}

/**
 * The amounts of a refund of `requests` from `lines`, given what `earlier` refunds took. Refuses an
 * unknown line or a line named twice (bad_input) and more units than are left (conflict, with the
 * refundable quantity in details).
 */
export function planLineRefund(
  lines: readonly RefundableLine[],
  earlier: ReadonlyMap<string, RefundLineRecord>,
  requests: readonly RefundRequestLine[],
): LineRefundPlan {
  const byId = new Map(lines.map((line) => [line.lineId, line]));
  const seen = new Set<string>();
  const planned: RefundLineRecord[] = [];
  const taxTotals = new Map<string, bigint>();
  for (const request of requests) {
    const line = byId.get(request.lineId);
    if (!line) {
      throw new TillpointError('bad_input', `Line ${request.lineId} is not on this order.`, {
        lineId: request.lineId,
      });
    }
    if (seen.has(line.lineId)) {
      throw new TillpointError(
        'bad_input',
        `Line "${line.name}" is named twice: give each line once with its quantity.`,
        {
          lineId: line.lineId,
        },
      );
    }
    seen.add(line.lineId);
    if (!Number.isSafeInteger(request.quantity) || request.quantity < 1) {
      throw new TillpointError('bad_input', `Refund a whole number of units of "${line.name}", at least 1.`, {
        lineId: line.lineId,
        quantity: request.quantity,
      });
    }
    const before = earlier.get(line.lineId);
    const leftQuantity = line.quantity - (before?.quantity ?? 0);
    if (request.quantity > leftQuantity) {
      throw new TillpointError(
        'conflict',
        leftQuantity === 0
          ? `"${line.name}" is already fully refunded.`
          : `Only ${leftQuantity} of "${line.name}" can still be refunded, not ${request.quantity}.`,
        { lineId: line.lineId, requestedQuantity: request.quantity, refundableQuantity: leftQuantity },
      );
    }
    const netMinor = shareOf(line.netMinor - (before?.netMinor ?? 0n), leftQuantity, request.quantity);
    const taxes = line.taxes.map((tax) => {
      const taxBefore = before?.taxes.find((t) => t.taxId === tax.taxId)?.amountMinor ?? 0n;
      const amountMinor = shareOf(tax.amountMinor - taxBefore, leftQuantity, request.quantity);
      taxTotals.set(tax.taxId, (taxTotals.get(tax.taxId) ?? 0n) + amountMinor);
      return { taxId: tax.taxId, amountMinor };
    });
    const amountMinor = netMinor + taxes.reduce((sum, tax) => sum + tax.amountMinor, 0n);
    planned.push({ lineId: line.lineId, quantity: request.quantity, netMinor, taxes, amountMinor });
  }
  const completes = lines.every((line) => {
    const refunded =
      (earlier.get(line.lineId)?.quantity ?? 0) +
      (planned.find((p) => p.lineId === line.lineId)?.quantity ?? 0);
    return refunded >= line.quantity;
  });
  const netMinor = planned.reduce((sum, line) => sum + line.netMinor, 0n);
  const taxes = [...taxTotals].map(([taxId, amountMinor]) => ({ taxId, amountMinor }));
  return {
    lines: planned,
    netMinor,
    taxes,
    linesMinor: planned.reduce((sum, line) => sum + line.amountMinor, 0n),
    completes,
  };
}

export interface RefundMoneyInput {
  /** What the refunded units (and, when it completes the order, the tip) were worth. */
  readonly owedMinor: bigint;
  /** Whether this refund gives back everything left of the order. */
  readonly completes: boolean;
  /** What the order's payments took. */
  readonly paidMinor: bigint;
  /** What earlier refunds gave back. */
  readonly refundedMinor: bigint;
  /** The cash rounding increment when the money goes back in cash, else 0n. */
  readonly cashIncrementMinor: bigint;
}

/**
 * The money a refund hands back, and its difference from what was owed (the cash rounding of the
 * refund, posted to `cash_rounding`).
 *
 * Rounding: the refund that completes the order gives back exactly what is left of what was paid, so
 * the refunds of an order add up to its payments. Before that, a cash refund is rounded up to the cash
 * increment (in the customer's favour, as DESIGN.md asks of refunds), never beyond what is left.
 */
export function refundMoney(input: RefundMoneyInput): { amountMinor: bigint; roundingMinor: bigint } {
  const leftMinor = input.paidMinor - input.refundedMinor;
  let amountMinor: bigint;
  if (input.completes) {
    amountMinor = leftMinor;
  } else {
    amountMinor =
      input.cashIncrementMinor > 0n
        ? divideRounded(input.owedMinor, input.cashIncrementMinor, 'up') * input.cashIncrementMinor
        : input.owedMinor;
    if (amountMinor > leftMinor) amountMinor = leftMinor;
  }
  if (amountMinor < 0n) amountMinor = 0n;
  return { amountMinor, roundingMinor: amountMinor - input.owedMinor };
}
