/**
 * The tender interface: every way of paying (cash, a card reader, a crypto invoice, store coins)
 * implements `TenderAdapter` and registers it with the payments domain. An adapter talks to its
 * outside world (the drawer, Stripe, a chain watcher) and reports what happened as `TenderReport`s;
 * it writes nothing. The payments service owns the payments table and the ledger postings, so a new
 * tender plugs in without touching orders or the contract.
 *
 * The flow, the same for every tender: the service writes the payment as `pending` with a pending
 * ledger transfer, then asks the tender (`start`); the tender's report, now or later (`onUpdate`),
 * posts it or voids it. A tender that decides at once (cash) offers `decideAtOnce`, and the service
 * writes the pending transfer and its post in one transaction.
 */
import { type PaymentStatus } from './transitions';

export { type PaymentStatus } from './transitions';

/** A tender's registered name: cash, card, crypto, coins, ... (lower case, at most 32 characters). */
export type TenderKind = string;

export const tenderStates = ['ready', 'not_set_up', 'offline'] as const;
export type TenderState = (typeof tenderStates)[number];

/** Where a tender's money lands in the ledger (cash: the drawer of the shift that took it). */
export interface TenderAccount {
  readonly code: string;
  readonly ref: string;
}

/** What the order asks a tender for. */
export interface PaymentRequest {
  /** Client-made ULID: the idempotency key of the payment. */
  readonly paymentId: string;
  readonly orderId: string;
  readonly currency: string;
  /** What the order still owes before this payment (payments in flight counted), before cash rounding. */
  readonly dueMinor: bigint;
  /** Split tender: pay only this much of what is due; absent: pay everything due. */
  readonly amountMinor?: bigint | undefined;
  /** Cash: what the customer handed over. */
  readonly tenderedMinor?: bigint | undefined;
  /** Cash: settings.cashRoundingIncrementMinor (0n: no cash rounding). */
  readonly cashRoundingIncrementMinor?: bigint | undefined;
  readonly staffId: string;
  readonly shiftId: string;
  /** The tender's own options for this payment (only keys in its `optionKeys`; crypto: chainKey, asset). */
  readonly options?: Readonly<Record<string, TenderOptionValue>> | undefined;
}

export type TenderOptionValue = string | number | boolean;

/** What a payment will collect, worked out before anything is written. */
export interface PaymentPlan {
  /** What the tender collects (cash: tendered − change). */
  readonly amountMinor: bigint;
  /** Cash only: what the customer handed over, and what goes back. */
  readonly tenderedMinor?: bigint | undefined;
  readonly changeMinor?: bigint | undefined;
  /** What it collects minus what of the order it covers (cash rounding, signed; else 0). */
  readonly roundingMinor: bigint;
}

/** What a tender says about one payment. */
export interface TenderReport {
  readonly paymentId: string;
  readonly status: Exclude<PaymentStatus, 'refunded' | 'partially_refunded'>;
  /** The outside world's id (a Stripe PaymentIntent, a transaction hash). */
  readonly externalId?: string | undefined;
  /** For the cashier: why it failed, what the reader says. */
  readonly message?: string | undefined;
  /** The tender's own facts to keep with the payment (JSON-safe). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  /**
   * With `succeeded`: a tip the customer added on the tender's own device (a card reader's tip
   * screen), taken on top of the payment's amount; it becomes part of the order's tip.
   */
  readonly tipMinor?: bigint | undefined;
}

/** Money going back to the customer through the tender that took it: one share of a refund. */
export interface RefundRequest {
  /** The share's own id (the idempotency key of the give-back). */
  readonly shareId: string;
  readonly refundId: string;
  readonly paymentId: string;
  readonly orderId: string;
  readonly currency: string;
  readonly amountMinor: bigint;
  /** The payment's outside id, when the tender gave one. */
  readonly externalId: string | null;
  readonly staffId: string;
  /** The shift that hands the money back (cash: its drawer). */
  readonly shiftId: string;
}

export interface RefundReport {
  readonly shareId: string;
  readonly status: 'pending' | 'succeeded' | 'failed';
  readonly externalId?: string | undefined;
  readonly message?: string | undefined;
}

export type TenderUpdate = { readonly payment: TenderReport } | { readonly refund: RefundReport };
export type TenderUpdateListener = (update: TenderUpdate) => void;

/** A payment as the service hands it to its tender (to reconcile or cancel it). */
export interface PaymentSnapshot {
  readonly paymentId: string;
  readonly orderId: string;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly status: PaymentStatus;
  readonly externalId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

export interface RefundShareSnapshot {
  readonly shareId: string;
  readonly refundId: string;
  readonly paymentId: string;
  readonly amountMinor: bigint;
  readonly externalId: string | null;
}

export interface TenderAdapter {
  readonly kind: TenderKind;
  /** What the cashier reads on the tender button. */
  readonly label: string;
  /** How long the payments service waits for a payment before it asks the tender to cancel it (expired). */
  readonly paymentTimeoutMs?: number;
  /** The `payments.start` options this tender takes; any other option is refused (bad_input). */
  readonly optionKeys?: readonly string[];
  /** Whether it can take a payment now, and if not why (worded for the cashier). */
  state(): { state: TenderState; reason: string | null };
  /** The ledger account this tender's money lands in when a payment is taken in `shiftId`. */
  account(shiftId: string): TenderAccount;
  /** Checks a payment and works out what it collects, before anything is written; throws bad_input. */
  plan(request: PaymentRequest): PaymentPlan;
  /**
   * Optional: what must be settled with the outside world before the payment is written, so that a
   * refusal writes nothing (crypto locks its rate here: no rate, no pending payment). Called after
   * `plan`, before the write; `abandon` is called when the write then does not happen.
   */
  prepare?(request: PaymentRequest, plan: PaymentPlan): Promise<void>;
  /** Forgets what `prepare` kept for a payment that was not written after all. */
  abandon?(paymentId: string): void;
  /**
   * A tender that decides at once (cash): its report for a payment and for a refund share, known
   * without waiting, so the service writes the payment (or share) and its outcome in one transaction.
   */
  readonly decideAtOnce?: {
    payment(request: PaymentRequest, plan: PaymentPlan): TenderReport;
    refund(request: RefundRequest): RefundReport;
  };
  /** Asks the outside world to collect a written pending payment; resolves with its first report. */
  start(request: PaymentRequest, plan: PaymentPlan): Promise<TenderReport>;
  /** What the outside world says of a payment now (start-up reconciliation, expiry). */
  status(payment: PaymentSnapshot): Promise<TenderReport>;
  /** Stops a payment in flight; resolves with its report (still `pending` when it cannot stop yet). */
  cancel(payment: PaymentSnapshot): Promise<TenderReport>;
  /** Gives money back through this tender (a written pending share). */
  refund(request: RefundRequest): Promise<RefundReport>;
  /** What the outside world says of a refund share now (start-up reconciliation). */
  refundStatus(share: RefundShareSnapshot): Promise<RefundReport>;
  /**
   * What a receipt calls a taken payment ("Visa •••• 4242"), from what the tender kept with it
   * (`TenderReport.details`); absent: its label.
   */
  receiptLabel?(details: Readonly<Record<string, unknown>>): string;
  /**
   * The lines a receipt prints under it (a card: entry mode, application, AID, account type, auth code);
   * `qr`: a public https link (at most 200 characters) the receipt prints as a QR code under the line.
   */
  receiptLines?(details: Readonly<Record<string, unknown>>): { label: string; value: string; qr?: string }[];
  /** Reports that arrive later (a card read, a chain confirmation); returns the stop function. */
  onUpdate(listener: TenderUpdateListener): () => void;
}
