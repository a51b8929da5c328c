/**
 * The payments service: owns the payments table and posts every tender to the ledger, whatever the
 * tender. A payment that succeeds debits the tender's account (cash: the drawer of the shift that took
 * it) and credits accounts_receivable, in one linked group with whatever the caller links to it (the
 * sale's postings when the payment settles the order). Every method that writes runs inside the
 * caller's db.transaction, so the order, the payment and the ledger commit together or not at all.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { minorToDecimalString } from '../../shared/money';
import { type CoreDeps } from '../core/services';
import { type Account, type Ledger, type NewTransferInput, type TransferInput } from '../ledger';
import {
  getPaymentRow,
  insertPaymentRow,
  markPaymentRefunded,
  paymentsOfOrder,
  paymentsOfShift,
  type PaymentRecord,
} from './paymentsStore';
import { type PaymentUpdate, type TenderAccount, type TenderAdapter, type TenderKind } from './tender';

/** The account every order's receivable moves through; it nets to zero for each paid order. */
export const receivableAccountCode = 'accounts_receivable';

export interface PaymentsServiceOptions {
  readonly deps: CoreDeps;
  readonly ledger: Ledger;
  readonly adapters: readonly TenderAdapter[];
  /**
   * Makes (or finds) the ledger account of a tender account key; the shifts domain makes cash drawers.
   * Default: `ledger.ensureAccount` with no flags.
   */
  readonly resolveAccount?: (account: TenderAccount, currency: string) => Account;
}

export interface RecordPaymentInput {
  readonly update: PaymentUpdate;
  readonly currency: string;
  readonly staffId: string;
  readonly shiftId: string;
  /** The call that made the payment, kept to recognise a retry with the same payment id. */
  readonly request: Readonly<Record<string, unknown>>;
  /** Transfers that succeed or fail with this payment's (the sale's postings when it settles the order). */
  readonly linked?: readonly TransferInput[];
}

/** Where the money of one refund goes back: a share per payment of the refund's tender. */
export interface GiveBackShare {
  readonly paymentId: string;
  readonly kind: TenderKind;
  readonly amountMinor: bigint;
}

export interface GiveBackPlan {
  readonly shares: readonly GiveBackShare[];
  readonly transfers: readonly NewTransferInput[];
}

export interface PaymentsService {
  adapter(kind: TenderKind): TenderAdapter;
  get(paymentId: string): PaymentRecord | null;
  listForOrder(orderId: string): PaymentRecord[];
  /** Payments taken in the shift, or handed back by a void in it. */
  listForShift(shiftId: string): PaymentRecord[];
  /** The ledger account of a tender account key or of an account code with a ref. */
  account(key: TenderAccount, currency: string): Account;
  newTransferId(): string;
  /** Writes a payment the adapter reported and, when it succeeded, its tender transfer (+ linked ones). */
  record(input: RecordPaymentInput): PaymentRecord;
  /** Void: hands back everything the order's successful payments took; returns what each gave back. */
  reverseAll(orderId: string, options: { staffId: string; shiftId: string; memo: string }): GiveBackShare[];
  /** Refund: splits `amountMinor` over the order's payments of `kind` that kept money, newest first. Reads only. */
  giveBackShares(input: {
    orderId: string;
    kind: TenderKind;
    currency: string;
    amountMinor: bigint;
  }): GiveBackShare[];
  /** Refund: the shares of giveBackShares and their transfers (debit receivable, credit the tender account). */
  planGiveBack(input: {
    refundId: string;
    orderId: string;
    kind: TenderKind;
    currency: string;
    amountMinor: bigint;
    staffId: string;
    shiftId: string;
  }): GiveBackPlan;
  /** Marks the shares of a give-back plan on their payments (after its transfers were submitted). */
  applyGiveBack(plan: GiveBackPlan): void;
}

/** A stored payment as its tender reports it. */
export function paymentUpdateOf(payment: PaymentRecord): PaymentUpdate {
  return {
    paymentId: payment.id,
    orderId: payment.orderId,
    kind: payment.kind,
    status: payment.status,
    amountMinor: payment.amountMinor,
    ...(payment.tenderedMinor !== null ? { tenderedMinor: payment.tenderedMinor } : {}),
    ...(payment.changeMinor !== null ? { changeMinor: payment.changeMinor } : {}),
    settles: payment.settles,
    roundingMinor: payment.roundingMinor,
    ...(payment.externalId !== null ? { externalId: payment.externalId } : {}),
    ...(payment.message !== null ? { message: payment.message } : {}),
  };
}

function money(amountMinor: bigint, currency: string): string {
  return `${minorToDecimalString(amountMinor, currency)} ${currency}`;
}

/** The succeeded part of a payment: what it took and has not given back. */
function keptMinor(payment: PaymentRecord): bigint {
  if (payment.status !== 'succeeded' && payment.status !== 'partially_refunded') return 0n;
  return payment.amountMinor - payment.refundedMinor;
}

export function createPaymentsService(options: PaymentsServiceOptions): PaymentsService {
  const { deps, ledger } = options;
  const { db } = deps;
  const ulid = monotonicFactory();
  const newId = () => ulid(deps.now().getTime());
  const adapters = new Map<TenderKind, TenderAdapter>(
    options.adapters.map((adapter) => [adapter.kind, adapter]),
  );
  const resolveAccount =
    options.resolveAccount ??
    ((key: TenderAccount, currency: string) =>
      ledger.ensureAccount({ asset: currency, code: key.code, ref: key.ref }));

  const adapter = (kind: TenderKind): TenderAdapter => {
    const found = adapters.get(kind);
    if (!found) {
      throw new TillpointError(
        'unavailable',
        `This till cannot take ${kind} payments: no ${kind} tender is set up.`,
        {
          kind,
        },
      );
    }
    return found;
  };
  const receivable = (currency: string) => resolveAccount({ code: receivableAccountCode, ref: '' }, currency);
  const tenderAccount = (kind: TenderKind, shiftId: string, currency: string) =>
    resolveAccount(adapter(kind).account(shiftId), currency);

  /** Cash cannot leave a drawer that does not hold it (the drawer account has no ledger flag for it). */
  const checkCovers = (kind: TenderKind, account: Account, amountMinor: bigint) => {
    if (kind !== 'cash') return;
    const heldMinor = ledger.balance(account.id).net;
    if (amountMinor > heldMinor) {
      throw new TillpointError(
        'insufficient_funds',
        `The drawer should hold ${money(heldMinor, account.asset)}: it cannot hand back ${money(amountMinor, account.asset)}.`,
        {
          accountId: account.id,
          requiredMinor: amountMinor.toString(),
          availableMinor: heldMinor.toString(),
        },
      );
    }
  };

  const service: PaymentsService = {
    adapter,
    get: (paymentId) => getPaymentRow(db, paymentId),
    listForOrder: (orderId) => paymentsOfOrder(db, orderId),
    listForShift: (shiftId) => paymentsOfShift(db, shiftId),
    account: (key, currency) => resolveAccount(key, currency),
    newTransferId: newId,

    record(input) {
      const { update, currency, staffId, shiftId } = input;
      const at = deps.now().toISOString();
      const succeeded = update.status === 'succeeded';
      const transfers: TransferInput[] = [];
      let transferId: string | null = null;
      if (succeeded && update.amountMinor > 0n) {
        transferId = newId();
        transfers.push({
          id: transferId,
          debitAccountId: tenderAccount(update.kind, shiftId, currency).id,
          creditAccountId: receivable(currency).id,
          amount: update.amountMinor,
          asset: currency,
          code: `tender_${update.kind}`,
          ref: `payment:${update.paymentId}`,
          staffId,
        });
      }
      if (succeeded) transfers.push(...(input.linked ?? []));
      const record: PaymentRecord = {
        id: update.paymentId,
        orderId: update.orderId,
        kind: update.kind,
        status: update.status,
        currency,
        amountMinor: update.amountMinor,
        tenderedMinor: update.tenderedMinor ?? null,
        changeMinor: update.changeMinor ?? null,
        roundingMinor: update.settles ? update.roundingMinor : 0n,
        settles: update.settles,
        refundedMinor: 0n,
        externalId: update.externalId ?? null,
        transferId,
        request: JSON.stringify(input.request),
        message: update.message ?? null,
        createdBy: staffId,
        shiftId,
        createdAt: at,
        updatedAt: at,
        voidedAt: null,
        voidedShiftId: null,
      };
      insertPaymentRow(db, record);
      if (transfers.length > 0) ledger.submitOne(transfers);
      return record;
    },

    reverseAll(orderId, { staffId, shiftId, memo }) {
      const at = deps.now().toISOString();
      const shares: GiveBackShare[] = [];
      for (const payment of paymentsOfOrder(db, orderId)) {
        const amountMinor = keptMinor(payment);
        if (amountMinor <= 0n) continue;
        checkCovers(payment.kind, tenderAccount(payment.kind, shiftId, payment.currency), amountMinor);
        if (payment.transferId !== null && payment.shiftId === shiftId && payment.refundedMinor === 0n) {
          // Taken in this shift: the tender transfer itself is reversed (back out of this drawer).
          ledger.reverse(payment.transferId, { id: newId(), staffId, memo });
        } else {
          // Taken in an earlier shift: the money goes back out of the current shift's tender account.
          ledger.submitOne([
            {
              id: newId(),
              debitAccountId: receivable(payment.currency).id,
              creditAccountId: tenderAccount(payment.kind, shiftId, payment.currency).id,
              amount: amountMinor,
              asset: payment.currency,
              code: 'reversal',
              ref: `payment:${payment.id}`,
              staffId,
              memo,
            },
          ]);
        }
        markPaymentRefunded(db, payment, amountMinor, at, { shiftId });
        shares.push({ paymentId: payment.id, kind: payment.kind, amountMinor });
      }
      return shares;
    },

    giveBackShares(input) {
      let leftMinor = input.amountMinor;
      const shares: GiveBackShare[] = [];
      const candidates = paymentsOfOrder(db, input.orderId)
        .filter((payment) => payment.kind === input.kind && keptMinor(payment) > 0n)
        .reverse();
      for (const payment of candidates) {
        if (leftMinor <= 0n) break;
        const take = keptMinor(payment) < leftMinor ? keptMinor(payment) : leftMinor;
        shares.push({ paymentId: payment.id, kind: payment.kind, amountMinor: take });
        leftMinor -= take;
      }
      if (leftMinor > 0n) {
        throw new TillpointError(
          'conflict',
          `Only ${money(input.amountMinor - leftMinor, input.currency)} of the ${money(input.amountMinor, input.currency)} to give back was paid by ${input.kind}.`,
          {
            kind: input.kind,
            requiredMinor: input.amountMinor.toString(),
            availableMinor: (input.amountMinor - leftMinor).toString(),
          },
        );
      }
      return shares;
    },

    planGiveBack(input) {
      const shares = service.giveBackShares(input);
      // All shares go back through one tender, so out of one account (cash: this shift's drawer).
      checkCovers(input.kind, tenderAccount(input.kind, input.shiftId, input.currency), input.amountMinor);
      const transfers: NewTransferInput[] = shares.map((share) => ({
        id: newId(),
        debitAccountId: receivable(input.currency).id,
        creditAccountId: tenderAccount(share.kind, input.shiftId, input.currency).id,
        amount: share.amountMinor,
        asset: input.currency,
        code: 'refund',
        ref: `refund:${input.refundId}`,
        staffId: input.staffId,
      }));
      return { shares, transfers };
    },

    applyGiveBack(plan) {
      const at = deps.now().toISOString();
      for (const share of plan.shares) {
        const payment = getPaymentRow(db, share.paymentId);
        if (!payment) throw new Error(`Payment ${share.paymentId} vanished during a refund.`);
        markPaymentRefunded(db, payment, share.amountMinor, at);
      }
    },
  };
  return service;
}
