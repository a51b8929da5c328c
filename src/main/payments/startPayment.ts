/**
 * Starting, cancelling and reconciling payments: the first half of the payments flow (service.ts
 * applies the tenders' reports). `startPayment` checks and plans a payment, writes it pending (and,
 * for a tender that decides at once, decided) in one transaction, then asks its tender;
 * `cancelPayment` asks the tender to stop one in flight; `reconcilePayments` hands every payment left
 * pending to its tender (at start-up), or only those held past their timeout (expiry).
 */
import { TillpointError } from '../../shared/api/errors';
import { type AuditService } from '../audit';
import { type CoreDeps } from '../kernel';
import { type Account, type TransferInput } from '../ledger';
import {
  getPaymentRow,
  insertPaymentRow,
  paymentsOfOrder,
  pendingPayments,
  type PaymentRecord,
} from './paymentsStore';
import { type OrderSettlementPort } from './ports';
import { type TenderRegistry } from './registry';
import {
  type PaymentPlan,
  type PaymentRequest,
  type TenderAdapter,
  type TenderKind,
  type TenderOptionValue,
  type TenderReport,
} from './tender';

/** Who background work is done by, in the audit log and on ledger transfers. */
export const systemActorId = 'system';

export interface StartPaymentInput {
  readonly orderId: string;
  readonly paymentId: string;
  readonly kind: TenderKind;
  readonly amountMinor?: bigint | undefined;
  readonly tenderedMinor?: bigint | undefined;
  /** The tender's own options (payments.start `options`); refused unless the tender names them. */
  readonly options?: Readonly<Record<string, TenderOptionValue>> | undefined;
  readonly staffId: string;
  /** The call that made the payment, kept to recognise a retry with the same payment id. */
  readonly request: Readonly<Record<string, unknown>>;
}

/** What this half of the flow uses of the payments service. */
export interface FlowCore {
  readonly deps: CoreDeps;
  readonly audit: AuditService;
  readonly registry: TenderRegistry;
  orders(): OrderSettlementPort;
  require(paymentId: string): PaymentRecord;
  apply(report: TenderReport, actorId: string): PaymentRecord | null;
  applyInTx(report: TenderReport, actorId: string): { payment: PaymentRecord; changed: boolean };
  announce(payment: PaymentRecord, change?: { changeMinor: bigint | null }): void;
  newId(): string;
  tenderAccount(kind: TenderKind, shiftId: string, currency: string): Account;
  receivable(currency: string): Account;
  ledgerSubmit(group: readonly TransferInput[]): unknown;
}

export function snapshotOf(payment: PaymentRecord) {
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

function checkReplay(existing: PaymentRecord, orderId: string, request: string): void {
  if (existing.orderId !== orderId || existing.request !== request) {
    throw new TillpointError(
      'conflict',
      `Payment id ${existing.id} was already used for another payment; make a new id for a new payment.`,
      { paymentId: existing.id, reason: 'payment_id_reused' },
    );
  }
}

/** Refuses options the tender does not take, naming them and what it does take. */
function checkOptions(adapter: TenderAdapter, options: StartPaymentInput['options']): void {
  if (!options) return;
  const known = adapter.optionKeys ?? [];
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  throw new TillpointError(
    'bad_input',
    known.length === 0
      ? `The ${adapter.label} tender takes no options (got ${unknown.join(', ')}).`
      : `The ${adapter.label} tender does not know the option(s) ${unknown.join(', ')}; it takes ${known.join(', ')}.`,
    { kind: adapter.kind, reason: 'unknown_tender_option', options: unknown },
  );
}

interface PendingWrite {
  readonly request: PaymentRequest;
  readonly plan: PaymentPlan;
  readonly shift: { id: string };
  readonly due: ReturnType<OrderSettlementPort['dueFor']>;
  readonly requestJson: string;
}

/**
 * Writes the payment pending (and its pending ledger transfer, the audit line and, for a tender that
 * decides at once, its outcome) in one transaction, after checking the order and shift did not
 * change since the payment was planned. A payment id already written returns that payment.
 */
function writePending(
  core: FlowCore,
  adapter: TenderAdapter,
  input: StartPaymentInput,
  { request, plan, shift, due, requestJson }: PendingWrite,
): { payment: PaymentRecord; fresh: boolean } {
  const { deps, orders, require, applyInTx, newId, tenderAccount, receivable } = core;
  const { db } = deps;
  return db.transaction(() => {
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
      expiresAt: timeoutMs === undefined ? null : new Date(deps.now().getTime() + timeoutMs).toISOString(),
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
      core.ledgerSubmit([
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
    core.audit.record({
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
}

/**
 * Starts a payment: checks and plans it, writes it pending (and, for a tender that decides at
 * once, decided) in one transaction, then asks the tender. Returns the payment as it stands.
 */
export async function startPayment(
  core: FlowCore,
  input: StartPaymentInput,
): Promise<{ payment: PaymentRecord; fresh: boolean }> {
  const { deps, registry, orders, require, apply, announce } = core;
  const { db } = deps;
  const requestJson = JSON.stringify(input.request);
  const existing = getPaymentRow(db, input.paymentId);
  if (existing) {
    checkReplay(existing, input.orderId, requestJson);
    return { payment: existing, fresh: false };
  }
  const adapter = registry.get(input.kind);
  checkOptions(adapter, input.options);
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
    options: input.options,
  };
  const plan: PaymentPlan = adapter.plan(request);
  const coveredMinor = plan.amountMinor - plan.roundingMinor;
  if (
    plan.amountMinor < 0n ||
    coveredMinor > due.dueMinor ||
    (plan.amountMinor === 0n && due.dueMinor > 0n)
  ) {
    throw new TillpointError('bad_input', `A payment must collect more than zero and at most what is due.`, {
      amountMinor: plan.amountMinor.toString(),
      dueMinor: due.dueMinor.toString(),
    });
  }

  if (adapter.prepare) await adapter.prepare(request, plan);
  let written: { payment: PaymentRecord; fresh: boolean };
  try {
    written = writePending(core, adapter, input, { request, plan, shift, due, requestJson });
  } catch (error) {
    adapter.abandon?.(input.paymentId);
    throw error;
  }
  if (!written.fresh) adapter.abandon?.(input.paymentId);
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
}

/** Asks the tender to stop a payment in flight; a conflict when it cannot stop (yet). */
export async function cancelPayment(
  core: FlowCore,
  paymentId: string,
  staffId: string,
  as: 'canceled' | 'expired' = 'canceled',
): Promise<PaymentRecord> {
  const { registry, require, apply } = core;
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
}

/** Start-up and periodic: asks each tender about its payments left pending. */
export async function reconcilePayments(core: FlowCore, onlyOverdue = false): Promise<number> {
  const { deps, registry, apply } = core;
  const { db, logger } = deps;
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
        await cancelPayment(core, payment.id, systemActorId, 'expired').catch(() => undefined);
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
}
