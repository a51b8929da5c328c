/**
 * The crypto invoice's lifecycle as ONE pure function (BTCPay's state machine, DESIGN.md "Payments"):
 * from the invoice, the payments the watcher shows now, the chain tip and the clock to the new state.
 *
 *   new ──paid in full (within tolerance)──▶ processing ──every payment confirmed──▶ settled
 *    │                                          │  (a payment taken back: back to new / expired)
 *    └──expiry passes, not paid in full──▶ expired ──paid in full before the monitoring window ends──▶
 *                                                     expired + paid_late (a manager accepts → settled)
 *   canceled at the till, nothing seen ──▶ invalid
 *
 * Exception marks: `paid_partial` (something paid, less than due − tolerance), `paid_over` (more than
 * due), `paid_late` (paid in full only by payments first seen after the expiry).
 *
 * A payment counts when the watcher still shows it (`payments` is the whole current set; one that is
 * gone was taken back by RBF, a double spend or a reorg) and it was first seen before the monitoring
 * window closed. `settled` and `invalid` are final: a settled invoice's payment is posted in the
 * ledger and nothing the chain does later moves it (a person looks at it).
 */

export const invoiceStatuses = ['new', 'processing', 'settled', 'expired', 'invalid'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];
export const invoiceExceptions = ['paid_partial', 'paid_over', 'paid_late'] as const;
export type InvoiceException = (typeof invoiceExceptions)[number];

/** What the screens say: waiting → seen → confirming k/n → paid. */
export const invoicePhases = ['waiting', 'seen', 'confirming', 'paid', 'expired', 'canceled'] as const;
export type InvoicePhase = (typeof invoicePhases)[number];

export interface LifecycleInvoice {
  readonly status: InvoiceStatus;
  readonly exception: InvoiceException | null;
  /** What the customer owes, in the asset's smallest unit. */
  readonly amountUnits: bigint;
  readonly expiresAtMs: number;
  /** Payments first seen after this are ignored, and the invoice is no longer watched. */
  readonly monitoringUntilMs: number;
  /** Confirmations a payment needs (0: settled once seen, unless it is replaceable). */
  readonly confirmationsRequired: number;
  /** Tolerance in basis points (100 = 1 %): paid ≥ amount × (1 − tolerance) counts as paid in full. */
  readonly toleranceBp: number;
  /** A manager accepted a late payment. */
  readonly acceptedLate: boolean;
  /** The cashier cancelled it. */
  readonly canceled: boolean;
}

export interface LifecyclePayment {
  readonly key: string;
  readonly amountUnits: bigint;
  /** Null while only in the mempool. */
  readonly blockHeight: number | null;
  /** What the watcher said (used when no tip is known). */
  readonly confirmations: number;
  readonly replaceable: boolean;
  /** When the till first saw it (kept in the store; a replay keeps the first time). */
  readonly firstSeenAtMs: number;
}

export interface LifecycleState {
  readonly status: InvoiceStatus;
  readonly exception: InvoiceException | null;
  readonly phase: InvoicePhase;
  /** Sum of the payments that count. */
  readonly paidUnits: bigint;
  /** Of which first seen before the expiry. */
  readonly paidInTimeUnits: bigint;
  /** What is still owed (0 when paid within tolerance). */
  readonly dueUnits: bigint;
  /** Paid beyond the amount (refundable). */
  readonly overUnits: bigint;
  /** The fewest confirmations among the counted payments (0 when none or one is unconfirmed). */
  readonly confirmations: number;
  readonly confirmationsRequired: number;
  /** The keys of the payments that count. */
  readonly countedKeys: readonly string[];
  /** Whether the watcher should still watch the address. */
  readonly watching: boolean;
}

/**
 * Confirmations of a payment: what the watcher said, never more than the tip allows (tip − height +
 * 1). The watcher's own count is the one checked against reorgs; a tip heard before the watcher has
 * re-checked its blocks (a reorg in progress) must not add confirmations to a block that may be gone.
 */
export function confirmationsOf(payment: LifecyclePayment, tipHeight: number | null): number {
  if (payment.blockHeight === null) return 0;
  const said = Math.max(0, payment.confirmations);
  if (tipHeight === null) return said;
  return Math.min(said, Math.max(0, tipHeight - payment.blockHeight + 1));
}

/** amount × (10000 − bp) / 10000, rounded UP (the merchant's favour: tolerance never grows by rounding). */
export function fullyPaidThreshold(amountUnits: bigint, toleranceBp: number): bigint {
  const bp = BigInt(Math.min(Math.max(Math.trunc(toleranceBp), 0), 10_000));
  const numerator = amountUnits * (10_000n - bp);
  return (numerator + 9_999n) / 10_000n;
}

export function invoiceLifecycle(
  invoice: LifecycleInvoice,
  payments: readonly LifecyclePayment[],
  tipHeight: number | null,
  nowMs: number,
): LifecycleState {
  const counted = payments.filter((p) => p.amountUnits > 0n && p.firstSeenAtMs <= invoice.monitoringUntilMs);
  const paidUnits = counted.reduce((sum, p) => sum + p.amountUnits, 0n);
  const paidInTimeUnits = counted
    .filter((p) => p.firstSeenAtMs < invoice.expiresAtMs)
    .reduce((sum, p) => sum + p.amountUnits, 0n);
  const threshold = fullyPaidThreshold(invoice.amountUnits, invoice.toleranceBp);
  const fullyPaid = paidUnits >= threshold && paidUnits > 0n;
  const overUnits = paidUnits > invoice.amountUnits ? paidUnits - invoice.amountUnits : 0n;
  const dueUnits = fullyPaid ? 0n : invoice.amountUnits - paidUnits;
  const confirmations =
    counted.length === 0 ? 0 : Math.min(...counted.map((p) => confirmationsOf(p, tipHeight)));
  const needed = (p: LifecyclePayment) =>
    invoice.confirmationsRequired === 0 && p.replaceable ? 1 : invoice.confirmationsRequired;
  const allConfirmed = counted.every((p) => confirmationsOf(p, tipHeight) >= needed(p));
  const late = fullyPaid && paidInTimeUnits < threshold;

  const base = {
    paidUnits,
    paidInTimeUnits,
    dueUnits,
    overUnits,
    confirmations,
    confirmationsRequired: invoice.confirmationsRequired,
    countedKeys: counted.map((p) => p.key),
  };
  const exceptionNow = (): InvoiceException | null => {
    if (late && !invoice.acceptedLate) return 'paid_late';
    if (overUnits > 0n) return 'paid_over';
    if (!fullyPaid && paidUnits > 0n) return 'paid_partial';
    return null;
  };
  const phaseOf = (status: InvoiceStatus): InvoicePhase => {
    if (status === 'settled') return 'paid';
    if (status === 'invalid') return 'canceled';
    if (status === 'expired') return 'expired';
    if (paidUnits === 0n) return 'waiting';
    return confirmations === 0 ? 'seen' : 'confirming';
  };
  const monitoring = nowMs < invoice.monitoringUntilMs;

  // Final states: nothing the chain does moves them.
  if (invoice.status === 'settled' || invoice.status === 'invalid') {
    return {
      ...base,
      status: invoice.status,
      exception: invoice.exception,
      phase: phaseOf(invoice.status),
      watching: false,
    };
  }
  // Cancelled at the till: invalid when nothing was paid; with money seen it stays as it is
  // (expired, refundable) so the money is not forgotten.
  if (invoice.canceled && paidUnits === 0n) {
    return { ...base, status: 'invalid', exception: null, phase: 'canceled', watching: false };
  }
  if (fullyPaid && (!late || invoice.acceptedLate) && !invoice.canceled) {
    const status: InvoiceStatus = allConfirmed ? 'settled' : 'processing';
    return {
      ...base,
      status,
      exception: exceptionNow(),
      phase: phaseOf(status),
      watching: status !== 'settled' && (monitoring || status === 'processing'),
    };
  }
  const expired = nowMs >= invoice.expiresAtMs || invoice.canceled || late;
  const status: InvoiceStatus = expired ? 'expired' : 'new';
  return {
    ...base,
    status,
    exception: exceptionNow(),
    phase: phaseOf(status),
    watching: monitoring && !invoice.canceled,
  };
}

/** What the invoice's payment in the payments flow is told: posted when settled, voided when it ended unpaid. */
export function paymentReportFor(status: InvoiceStatus): 'pending' | 'succeeded' | 'expired' | 'canceled' {
  if (status === 'settled') return 'succeeded';
  if (status === 'expired') return 'expired';
  if (status === 'invalid') return 'canceled';
  return 'pending';
}
