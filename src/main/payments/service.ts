/**
 * The payments service: one flow for every tender. `start` (startPayment.ts) checks and plans a
 * payment, writes it as `pending` with a pending ledger transfer (tender account ← receivable) in one
 * transaction, then asks its tender; every report of the tender (now, later through `onUpdate`, or at start-up reconciliation)
 * goes through `apply`, which follows `paymentStep`: posts the pending transfer (and settles the order
 * when it owes nothing and nothing else is in flight, the sale's postings linked with the post), voids
 * it, or ignores / refuses a repeated or contradicting report. A tender that decides at once (cash) is
 * decided inside the first transaction. Money back to customers is in giveBack.ts.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { minorToDecimalString } from '../../shared/money';
import { type AuditService } from '../audit';
import { type CoreDeps } from '../kernel';
import { type Account, type Ledger, type TransferInput } from '../ledger';
import {
  getPaymentRow,
  markPaymentsCarried,
  paymentsOfOrder,
  paymentsOfShift,
  pendingPayments,
  resolvePaymentRow,
  addToPaymentAmount,
  type PaymentRecord,
} from './paymentsStore';
import { type OrderSettlementPort } from './ports';
import {
  cancelPayment,
  reconcilePayments,
  startPayment,
  systemActorId,
  type StartPaymentInput,
} from './startPayment';
import { sharesOfRefund } from './refundSharesStore';
import { type TenderRegistry } from './registry';
import { type TenderAccount, type TenderKind, type TenderReport } from './tender';
import { paymentStep } from './transitions';

/** The account every order's receivable moves through; it nets to zero for each paid order. */
export const receivableAccountCode = 'accounts_receivable';

export interface PaymentsCoreOptions {
  readonly deps: CoreDeps;
  readonly ledger: Ledger;
  readonly audit: AuditService;
  readonly registry: TenderRegistry;
  /** Makes (or finds) the ledger account of a tender account key; the shifts domain makes cash drawers. */
  readonly resolveAccount: (account: TenderAccount, currency: string) => Account;
}

export function money(amountMinor: bigint, currency: string): string {
  return `${minorToDecimalString(amountMinor, currency)} ${currency}`;
}

export type PaymentsCore = ReturnType<typeof createPaymentsCore>;

export function createPaymentsCore(options: PaymentsCoreOptions) {
  const { deps, ledger, audit, registry, resolveAccount } = options;
  const { db, logger } = deps;
  const ulid = monotonicFactory();
  const newId = () => ulid(deps.now().getTime());
  let ordersPort: OrderSettlementPort | null = null;
  const orders = (): OrderSettlementPort => {
    if (!ordersPort) throw new Error('The payments service has no orders port yet.');
    return ordersPort;
  };
  const receivable = (currency: string) => resolveAccount({ code: receivableAccountCode, ref: '' }, currency);
  const tenderAccount = (kind: TenderKind, shiftId: string, currency: string) =>
    resolveAccount(registry.get(kind).account(shiftId), currency);

  const emitPayment = (payment: PaymentRecord) => {
    deps.events.emit('payment.updated', {
      paymentId: payment.id,
      orderId: payment.orderId,
      kind: payment.kind,
      status: payment.status,
      amountMinor: payment.amountMinor.toString(),
      message: payment.message,
    });
  };

  const require = (paymentId: string): PaymentRecord => {
    const payment = getPaymentRow(db, paymentId);
    if (!payment) throw new TillpointError('not_found', `No payment ${paymentId}.`, { paymentId });
    return payment;
  };

  /** Inside a transaction: what a tender's report does to its payment. Returns the payment after. */
  const applyInTx = (report: TenderReport, actorId: string): { payment: PaymentRecord; changed: boolean } => {
    const payment = require(report.paymentId);
    const step = paymentStep(payment.status, report.status);
    const at = deps.now().toISOString();
    const words = {
      ...(report.externalId !== undefined ? { externalId: report.externalId } : {}),
      ...(report.message !== undefined ? { message: report.message } : {}),
      ...(report.details !== undefined ? { details: report.details } : {}),
    };
    switch (step.action) {
      case 'ignore':
        return { payment, changed: false };
      case 'refuse':
        logger.warn(
          { paymentId: payment.id, current: payment.status, reported: report.status, reason: step.reason },
          'a tender report was refused',
        );
        audit.record({
          staffId: systemActorId,
          action: 'payments.report_refused',
          ref: payment.orderId,
          details: {
            paymentId: payment.id,
            current: payment.status,
            reported: report.status,
            reason: step.reason,
          },
        });
        return { payment, changed: false };
      case 'note':
        if (Object.keys(words).length === 0) return { payment, changed: false };
        resolvePaymentRow(db, payment.id, { status: 'pending', at, ...words });
        return { payment: require(payment.id), changed: true };
      case 'post': {
        const postId = payment.transferId ? newId() : null;
        const shiftId = orders().currentShiftId() ?? payment.shiftId;
        resolvePaymentRow(db, payment.id, {
          status: 'succeeded',
          at,
          postTransferId: postId,
          settledShiftId: shiftId,
          ...words,
        });
        const group: TransferInput[] = [];
        if (postId && payment.transferId)
          group.push({ id: postId, postPendingId: payment.transferId, staffId: actorId });
        const tipMinor = report.tipMinor ?? 0n;
        if (tipMinor > 0n) {
          // A tip added on the reader: taken on top of the amount, and the order's tip grows by it.
          addToPaymentAmount(db, payment.id, tipMinor, at);
          orders().addTip(payment.orderId, tipMinor);
          group.push({
            id: newId(),
            debitAccountId: tenderAccount(payment.kind, payment.shiftId, payment.currency).id,
            creditAccountId: receivable(payment.currency).id,
            amount: tipMinor,
            asset: payment.currency,
            code: `tender_${payment.kind}`,
            ref: `payment:${payment.id}`,
            staffId: actorId,
          });
        }
        const sale = orders().settleIfDue(payment.orderId, {
          paymentId: payment.id,
          staffId: payment.createdBy,
          shiftId,
        });
        if (sale) {
          resolvePaymentRow(db, payment.id, { status: 'succeeded', at, settles: true });
          group.push(...sale);
        }
        if (group.length > 0) ledger.submitOne(group);
        audit.record({
          staffId: actorId,
          action: 'payments.succeeded',
          ref: payment.orderId,
          details: {
            paymentId: payment.id,
            kind: payment.kind,
            amountMinor: payment.amountMinor,
            settles: sale !== null,
          },
        });
        return { payment: require(payment.id), changed: true };
      }
      case 'void': {
        const voidId = payment.transferId ? newId() : null;
        resolvePaymentRow(db, payment.id, {
          status: step.status,
          at,
          voidTransferId: voidId,
          settledShiftId: orders().currentShiftId() ?? payment.shiftId,
          ...words,
        });
        if (voidId && payment.transferId) {
          ledger.submitOne([{ id: voidId, voidPendingId: payment.transferId, staffId: actorId }]);
        }
        audit.record({
          staffId: actorId,
          action: `payments.${step.status}`,
          ref: payment.orderId,
          details: {
            paymentId: payment.id,
            kind: payment.kind,
            amountMinor: payment.amountMinor,
            message: report.message ?? null,
          },
        });
        return { payment: require(payment.id), changed: true };
      }
    }
  };

  const announce = (payment: PaymentRecord, change?: { changeMinor: bigint | null }) => {
    emitPayment(payment);
    orders().announce(payment.orderId, change);
  };

  /** Applies a report in its own transaction and tells the screens. Never throws for a stale report. */
  const apply = (report: TenderReport, actorId: string): PaymentRecord | null => {
    if (!getPaymentRow(db, report.paymentId)) {
      logger.warn({ paymentId: report.paymentId }, 'a tender reported on an unknown payment');
      return null;
    }
    const { payment, changed } = db.transaction(() => applyInTx(report, actorId))();
    if (changed) announce(payment);
    return payment;
  };

  const core = {
    deps,
    audit,
    registry,
    newId,
    ledgerSubmit: (group: readonly TransferInput[]) => ledger.submitOne(group),
    /** Posted debits − credits of an account. */
    ledgerBalance: (accountId: string) => ledger.balance(accountId).net,
    receivable,
    tenderAccount,
    account: (key: TenderAccount, currency: string) => resolveAccount(key, currency),
    orders,
    setOrders(port: OrderSettlementPort) {
      ordersPort = port;
    },
    get: (paymentId: string) => getPaymentRow(db, paymentId),
    require,
    listForOrder: (orderId: string) => paymentsOfOrder(db, orderId),
    listForShift: (shiftId: string) => paymentsOfShift(db, shiftId),
    inFlight: (shiftId?: string) => pendingPayments(db, shiftId),
    sharesOfRefund: (refundId: string) => sharesOfRefund(db, refundId),
    /** A manager let the shift close without waiting for these payments. */
    carry: (paymentIds: readonly string[]) => markPaymentsCarried(db, paymentIds, deps.now().toISOString()),
    apply,
    applyInTx,
    announce,

    start: (input: StartPaymentInput) => startPayment(core, input),
    cancel: (paymentId: string, staffId: string, as: 'canceled' | 'expired' = 'canceled') =>
      cancelPayment(core, paymentId, staffId, as),
    reconcilePayments: (onlyOverdue = false) => reconcilePayments(core, onlyOverdue),
  };
  return core;
}
