/**
 * The tender interface: every way of paying (cash, a card reader, a crypto invoice, store coins)
 * implements `TenderAdapter`, and the order screen and the payments service only know this
 * interface. An adapter talks to its outside world (the drawer, Stripe, a chain watcher) and reports
 * what happened as `PaymentUpdate`s; it writes nothing. The payments service owns the payments table
 * and posts every tender to the ledger, so a new tender plugs in without touching orders.
 */

export const tenderKinds = ['cash', 'card', 'crypto', 'coins'] as const;
export type TenderKind = (typeof tenderKinds)[number];

export const paymentStatuses = [
  'pending',
  'succeeded',
  'failed',
  'canceled',
  'refunded',
  'partially_refunded',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

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
  /** What the order still owes before this payment, before any cash rounding. */
  readonly dueMinor: bigint;
  /** Split tender: pay only this much of what is due; absent: pay everything due. */
  readonly amountMinor?: bigint | undefined;
  /** Cash: what the customer handed over. */
  readonly tenderedMinor?: bigint | undefined;
  /** Cash: settings.cashRoundingIncrementMinor (0n: no cash rounding). */
  readonly cashRoundingIncrementMinor?: bigint | undefined;
  readonly staffId: string;
  readonly shiftId: string;
}

/** What a tender reports about one payment. */
export interface PaymentUpdate {
  readonly paymentId: string;
  readonly orderId: string;
  readonly kind: TenderKind;
  readonly status: PaymentStatus;
  /** The part of the order this payment pays (cash: tendered − change). */
  readonly amountMinor: bigint;
  /** Cash only: what the customer handed over, and what went back. */
  readonly tenderedMinor?: bigint | undefined;
  readonly changeMinor?: bigint | undefined;
  /** Whether nothing is due on the order once this payment succeeds. */
  readonly settles: boolean;
  /** When it settles: what the tender collected minus what was due (cash rounding, signed). */
  readonly roundingMinor: bigint;
  /** The outside world's id (a Stripe PaymentIntent, a transaction hash). */
  readonly externalId?: string | undefined;
  /** For the cashier: why it failed, what the reader says. */
  readonly message?: string | undefined;
}

/** Money going back to the customer through the tender that took it. */
export interface RefundRequest {
  readonly refundId: string;
  readonly paymentId: string;
  readonly orderId: string;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly staffId: string;
  /** The shift that hands the money back (cash: its drawer). */
  readonly shiftId: string;
}

export interface RefundUpdate {
  readonly refundId: string;
  readonly paymentId: string;
  readonly kind: TenderKind;
  readonly status: 'pending' | 'succeeded' | 'failed';
  readonly amountMinor: bigint;
  readonly externalId?: string | undefined;
  readonly message?: string | undefined;
}

export type TenderUpdateListener = (update: PaymentUpdate | RefundUpdate) => void;

export interface TenderAdapter {
  readonly kind: TenderKind;
  /** The ledger account this tender's money lands in when a payment is taken in `shiftId`. */
  account(shiftId: string): TenderAccount;
  /** Starts a payment; resolves with its first update (cash: succeeded at once). Writes nothing. */
  start(request: PaymentRequest): Promise<PaymentUpdate>;
  /** The latest known state of a payment. */
  status(paymentId: string): PaymentUpdate;
  /** Cancels a payment still in flight. */
  cancel(paymentId: string): Promise<PaymentUpdate>;
  /** Gives money back through this tender. */
  refund(request: RefundRequest): Promise<RefundUpdate>;
  /** Listens to updates that arrive later (a card read, a chain confirmation); returns the stop function. */
  onUpdate(listener: TenderUpdateListener): () => void;
}
