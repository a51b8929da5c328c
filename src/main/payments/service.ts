/**
 * The payments service: one flow for every tender. `start` checks and plans a payment, writes it as
 * `pending` with a pending ledger transfer (tender account ← receivable) in one transaction, then asks
 * its tender; every report of the tender (now, later through `onUpdate`, or at start-up reconciliation)
 * goes through `apply`, which follows `paymentStep`: posts the pending transfer (and settles the order
 * when it owes nothing and nothing else is in flight, the sale's postings linked with the post), voids
 * it, or ignores / refuses a repeated or contradicting report. A tender that decides at once (cash) is
 * decided inside the first transaction. Money back to customers is in giveBack.ts.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { minorToDecimalString } from '../../shared/money';
import { type AuditService } from '../audit';
import { type CoreDeps } from '../core/services';
import { type Account, type Ledger, type TransferInput } from '../ledger';
import {
  getPaymentRow,
  insertPaymentRow,
  markPaymentsCarried,
  paymentsOfOrder,
  paymentsOfShift,
  pendingPayments,
  resolvePaymentRow,
  type PaymentRecord,
} from './paymentsStore';
import { type OrderSettlementPort } from './ports';
import { sharesOfRefund } from './refundSharesStore';
import { type TenderRegistry } from './registry';
import {
  type PaymentPlan,
  type PaymentRequest,
  type PaymentSnapshot,
  type TenderAccount,
  type TenderKind,
  type TenderReport,
} from './tender';
import { paymentStep } from './transitions';

/** The account every order's receivable moves through; it nets to zero for each paid order. */
export const receivableAccountCode = 'accounts_receivable';

/** Who background work is done by, in the audit log and on ledger transfers. */
export const systemActorId = 'system';

export interface StartPaymentInput {
  readonly orderId: string;
  readonly paymentId: string;
  readonly kind: TenderKind;
  readonly amountMinor?: bigint | undefined;
  readonly tenderedMinor?: bigint | undefined;
  readonly staffId: string;
  /** The call that made the payment, kept to recognise a retry with the same payment id. */
  readonly request: Readonly<Record<string, unknown>>;
}

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

export function snapshotOf(payment: PaymentRecord): PaymentSnapshot {
  return {
    paymentId: payment.id,
    orderId: payment.orderId,
    currency: payment.currency,
    amountMinor: payment.amountMinor,
    status: payment.status,
    externalId: payment.externalId,
    details: payment.details,
    createdAt: payment.createdAt,
  };
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

  const checkReplay = (existing: PaymentRecord, orderId: string, request: string) => {
    if (existing.orderId !== orderId || existing.request !== request) {
      throw new TillpointError(
        'conflict',
        `Payment id ${existing.id} was already used for another payment; make a new id for a new payment.`,
        { paymentId: existing.id, reason: 'payment_id_reused' },
      );
    }
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

    /**
     * Starts a payment: checks and plans it, writes it pending (and, for a tender that decides at
     * once, decided) in one transaction, then asks the tender. Returns the payment as it stands.
     */
    async start(input: StartPaymentInput): Promise<{ payment: PaymentRecord; fresh: boolean }> {
      const requestJson = JSON.stringify(input.request);
      const existing = getPaymentRow(db, input.paymentId);
      if (existing) {
        checkReplay(existing, input.orderId, requestJson);
        return { payment: existing, fresh: false };
      }
      const adapter = registry.get(input.kind);
      const state = adapter.state();
      if (state.state !== 'ready') {
        throw new TillpointError('unavailable', state.reason ?? `The ${adapter.label} tender is not ready.`, {
          kind: adapter.kind,
          state: state.state,
        });
      }
      const shift = orders().requireOpenShift();
      const due = orders().dueFor(input.orderId);
      const inFlight = paymentsOfOrder(db, input.orderId).find((payment) => payment.status === 'pending');
      if (due.dueMinor === 0n && inFlight) {
        throw new TillpointError(
          'conflict',
          `Nothing more is due: the rest is being collected by the ${inFlight.kind} payment in flight; wait for it or cancel it.`,
          {
            orderId: input.orderId,
            paymentId: inFlight.id,
            kind: inFlight.kind,
            reason: 'payment_in_flight',
          },
        );
      }
      const request: PaymentRequest = {
        paymentId: input.paymentId,
        orderId: input.orderId,
        currency: due.currency,
        dueMinor: due.dueMinor,
        amountMinor: input.amountMinor,
        tenderedMinor: input.tenderedMinor,
        cashRoundingIncrementMinor: due.cashRoundingIncrementMinor,
        staffId: input.staffId,
        shiftId: shift.id,
      };
      const plan: PaymentPlan = adapter.plan(request);
      const coveredMinor = plan.amountMinor - plan.roundingMinor;
      if (
        plan.amountMinor < 0n ||
        coveredMinor > due.dueMinor ||
        (plan.amountMinor === 0n && due.dueMinor > 0n)
      ) {
        throw new TillpointError(
          'bad_input',
          `A payment must collect more than zero and at most what is due.`,
          {
            amountMinor: plan.amountMinor.toString(),
            dueMinor: due.dueMinor.toString(),
          },
        );
      }

      const written = db.transaction(() => {
        const again = getPaymentRow(db, input.paymentId);
        if (again) return { payment: again, fresh: false };
        const shiftNow = orders().requireOpenShift();
        const dueNow = orders().dueFor(input.orderId);
        if (shiftNow.id !== shift.id || dueNow.dueMinor !== due.dueMinor) {
          throw new TillpointError(
            'conflict',
            'The order changed while the payment was being taken; take it again.',
            {
              orderId: input.orderId,
              reason: 'order_changed',
            },
          );
        }
        const at = deps.now().toISOString();
        const transferId = plan.amountMinor > 0n ? newId() : null;
        const timeoutMs = adapter.paymentTimeoutMs;
        insertPaymentRow(db, {
          id: input.paymentId,
          orderId: input.orderId,
          kind: adapter.kind,
          status: 'pending',
          currency: due.currency,
          amountMinor: plan.amountMinor,
          tenderedMinor: plan.tenderedMinor ?? null,
          changeMinor: plan.changeMinor ?? null,
          roundingMinor: plan.roundingMinor,
          settles: false,
          refundedMinor: 0n,
          externalId: null,
          transferId,
          postTransferId: null,
          voidTransferId: null,
          details: {},
          settledShiftId: null,
          carried: false,
          expiresAt:
            timeoutMs === undefined ? null : new Date(deps.now().getTime() + timeoutMs).toISOString(),
          request: requestJson,
          message: null,
          createdBy: input.staffId,
          shiftId: shift.id,
          createdAt: at,
          updatedAt: at,
          voidedAt: null,
          voidedShiftId: null,
        });
        if (transferId) {
          ledger.submitOne([
            {
              id: transferId,
              debitAccountId: tenderAccount(adapter.kind, shift.id, due.currency).id,
              creditAccountId: receivable(due.currency).id,
              amount: plan.amountMinor,
              asset: due.currency,
              code: `tender_${adapter.kind}`,
              ref: `payment:${input.paymentId}`,
              staffId: input.staffId,
              pending: true,
            },
          ]);
        }
        audit.record({
          staffId: input.staffId,
          action: 'payments.started',
          ref: input.orderId,
          details: {
            paymentId: input.paymentId,
            kind: adapter.kind,
            shiftId: shift.id,
            amountMinor: plan.amountMinor,
            tenderedMinor: plan.tenderedMinor ?? null,
            changeMinor: plan.changeMinor ?? null,
            roundingMinor: plan.roundingMinor,
          },
        });
        if (adapter.decideAtOnce) applyInTx(adapter.decideAtOnce.payment(request, plan), input.staffId);
        return { payment: require(input.paymentId), fresh: true };
      })();
      if (!written.fresh) {
        checkReplay(written.payment, input.orderId, requestJson);
        return { payment: written.payment, fresh: false };
      }
      announce(written.payment, { changeMinor: written.payment.changeMinor });
      if (adapter.decideAtOnce) return { payment: written.payment, fresh: true };

      let report: TenderReport;
      try {
        report = await adapter.start(request, plan);
      } catch (error) {
        report = {
          paymentId: input.paymentId,
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        };
      }
      return { payment: apply(report, input.staffId) ?? require(input.paymentId), fresh: true };
    },

    /** Asks the tender to stop a payment in flight; a conflict when it cannot stop (yet). */
    async cancel(
      paymentId: string,
      staffId: string,
      as: 'canceled' | 'expired' = 'canceled',
    ): Promise<PaymentRecord> {
      const payment = require(paymentId);
      if (payment.status !== 'pending') {
        throw new TillpointError(
          'conflict',
          `Payment ${paymentId} is ${payment.status}: only a payment in flight can be cancelled (void the order or refund it instead).`,
          { paymentId, status: payment.status, reason: 'not_in_flight' },
        );
      }
      const report = await registry.get(payment.kind).cancel(snapshotOf(payment));
      const status = report.status === 'canceled' && as === 'expired' ? 'expired' : report.status;
      const after = apply({ ...report, status }, staffId) ?? require(paymentId);
      if (after.status === 'pending') {
        throw new TillpointError(
          'conflict',
          `The ${payment.kind} payment cannot be stopped yet${report.message ? `: ${report.message}` : ''}.`,
          { paymentId, reason: 'still_in_flight' },
        );
      }
      return after;
    },

    /** Start-up and periodic: asks each tender about its payments left pending. */
    async reconcilePayments(onlyOverdue = false): Promise<number> {
      let count = 0;
      const nowMs = deps.now().getTime();
      for (const payment of pendingPayments(db)) {
        if (!registry.has(payment.kind)) {
          logger.warn(
            { paymentId: payment.id, kind: payment.kind },
            'a pending payment has no tender on this till',
          );
          continue;
        }
        const overdue = payment.expiresAt !== null && Date.parse(payment.expiresAt) <= nowMs;
        if (onlyOverdue && !overdue) continue;
        try {
          if (overdue) {
            await core.cancel(payment.id, systemActorId, 'expired').catch(() => undefined);
          } else {
            const report = await registry.get(payment.kind).status(snapshotOf(payment));
            apply(report, systemActorId);
          }
          count += 1;
        } catch (error) {
          logger.warn({ err: error, paymentId: payment.id }, 'could not reconcile a pending payment');
        }
      }
      return count;
    },
  };
  return core;
}
