/**
 * Money back to the customer (a refund, or a void of an order some payments already paid), in the
 * right order: the caller checks the approval and the order and, in ONE transaction, records the
 * refund and calls `begin`, which writes one share per payment it goes back through, each with its
 * own id and a PENDING ledger transfer (receivable → the tender's account); a tender that decides at
 * once (cash) is decided in that same transaction. Only then does `run` ask the other tenders; each
 * answer posts or voids its share (`applyShare`). When the last share has its answer, the orders
 * domain finishes the refund in the same transaction (`finishGiveBack`).
 *
 * Which payments a refund goes back through (`planShares`): the tender the cashier picked first, then
 * the payments in the reverse order they were taken (the newest first), each up to what it kept; a
 * refund larger than one payment is spread over several, never refused while the order's payments
 * kept enough in all.
 */
import { TillpointError } from '../../shared/api/errors';
import { type TransferInput } from '../ledger';
import { markPaymentRefunded, type PaymentRecord } from './paymentsStore';
import {
  getShare,
  insertShareRow,
  pendingShareMinorOfPayment,
  pendingShares,
  resolveShareRow,
  sharesOfRefund,
  type RefundShareRecord,
} from './refundSharesStore';
import { money, type PaymentsCore } from './service';
import { systemActorId } from './startPayment';
import { type RefundReport, type RefundRequest, type TenderKind } from './tender';

export interface PlannedShare {
  readonly payment: PaymentRecord;
  readonly amountMinor: bigint;
}

export interface BeginGiveBackInput {
  readonly refundId: string;
  readonly orderId: string;
  readonly currency: string;
  readonly shares: readonly PlannedShare[];
  readonly staffId: string;
  /** The shift that hands the money back (cash: its drawer). */
  readonly shiftId: string;
  /** Transfers to write in the same group (the sale taken back, pending until the refund is done). */
  readonly linked: readonly TransferInput[];
  /** A void: the money goes back as a reversal, not a refund (the refund row says which). */
  readonly isVoid: boolean;
}

export function createGiveBack(core: PaymentsCore) {
  const { registry } = core;
  const { db, logger } = core.deps;
  const nowIso = () => core.deps.now().toISOString();

  /** What a payment kept and is not already on its way back. */
  const keptMinor = (payment: PaymentRecord): bigint => {
    if (payment.status !== 'succeeded' && payment.status !== 'partially_refunded') return 0n;
    return payment.amountMinor - payment.refundedMinor - pendingShareMinorOfPayment(db, payment.id);
  };

  const requestOf = (share: RefundShareRecord, staffId: string, shiftId: string): RefundRequest => {
    const payment = core.require(share.paymentId);
    return {
      shareId: share.id,
      refundId: share.refundId,
      paymentId: share.paymentId,
      orderId: payment.orderId,
      currency: payment.currency,
      amountMinor: share.amountMinor,
      externalId: payment.externalId,
      staffId,
      shiftId,
    };
  };

  /** Inside a transaction: a tender's answer for one share. Returns the order id when it changed. */
  const applyShareInTx = (report: RefundReport, actorId: string) => {
    const share = getShare(db, report.shareId);
    if (!share) {
      logger.warn({ shareId: report.shareId }, 'a tender answered for an unknown refund share');
      return null;
    }
    const refund = db.prepare('SELECT shift_id, purpose FROM refunds WHERE id = ?').get(share.refundId) as
      { shift_id: string; purpose: 'refund' | 'void' } | undefined;
    const isVoid = refund?.purpose === 'void';
    const shiftId = refund?.shift_id ?? '';
    const payment = core.require(share.paymentId);
    if (share.status !== 'pending') {
      if (report.status !== share.status && report.status !== 'pending') {
        logger.warn(
          { shareId: share.id, current: share.status, reported: report.status },
          'a refund answer contradicts the decided one; refused',
        );
      }
      return null;
    }
    const at = nowIso();
    const words = {
      ...(report.externalId !== undefined ? { externalId: report.externalId } : {}),
      ...(report.message !== undefined ? { message: report.message } : {}),
    };
    if (report.status === 'pending') {
      resolveShareRow(db, share.id, { status: 'pending', resolveTransferId: null, at, ...words });
      return null;
    }
    const resolveId = core.newId();
    if (report.status === 'succeeded') {
      core.ledgerSubmit([{ id: resolveId, postPendingId: share.transferId, staffId: actorId }]);
      markPaymentRefunded(db, payment, share.amountMinor, at, isVoid ? { shiftId } : undefined);
    } else {
      core.ledgerSubmit([{ id: resolveId, voidPendingId: share.transferId, staffId: actorId }]);
    }
    resolveShareRow(db, share.id, { status: report.status, resolveTransferId: resolveId, at, ...words });
    const all = sharesOfRefund(db, share.refundId);
    if (all.every((s) => s.status !== 'pending')) {
      const succeededMinor = all
        .filter((s) => s.status === 'succeeded')
        .reduce((sum, s) => sum + s.amountMinor, 0n);
      const failedMinor = all
        .filter((s) => s.status === 'failed')
        .reduce((sum, s) => sum + s.amountMinor, 0n);
      const finish = core.orders().finishGiveBack(share.refundId, { succeededMinor, failedMinor });
      if (finish.length > 0) core.ledgerSubmit(finish);
    }
    return payment.orderId;
  };

  const giveBack = {
    keptMinor,

    /** Splits `amountMinor` over the order's payments that kept money: `preferKind` first, then newest first. */
    planShares(
      orderId: string,
      amountMinor: bigint,
      currency: string,
      preferKind?: TenderKind,
    ): PlannedShare[] {
      const candidates = core
        .listForOrder(orderId)
        .filter((payment) => keptMinor(payment) > 0n)
        .reverse();
      const ordered = [
        ...candidates.filter((p) => p.kind === preferKind),
        ...candidates.filter((p) => p.kind !== preferKind),
      ];
      let leftMinor = amountMinor;
      const shares: PlannedShare[] = [];
      for (const payment of ordered) {
        if (leftMinor <= 0n) break;
        const kept = keptMinor(payment);
        const take = kept < leftMinor ? kept : leftMinor;
        shares.push({ payment, amountMinor: take });
        leftMinor -= take;
      }
      if (leftMinor > 0n) {
        throw new TillpointError(
          'conflict',
          `The order's payments kept only ${money(amountMinor - leftMinor, currency)} of the ${money(amountMinor, currency)} to give back.`,
          {
            requiredMinor: amountMinor.toString(),
            availableMinor: (amountMinor - leftMinor).toString(),
            reason: 'not_enough_kept',
          },
        );
      }
      return shares;
    },

    /** Inside the caller's transaction: the shares, their pending transfers, and the at-once answers. */
    begin(input: BeginGiveBackInput): RefundShareRecord[] {
      const at = nowIso();
      const transfers: TransferInput[] = [...input.linked];
      const written: RefundShareRecord[] = [];
      const outOf = new Map<string, bigint>();
      input.shares.forEach((planned, position) => {
        const account = core.tenderAccount(planned.payment.kind, input.shiftId, input.currency);
        if (planned.payment.kind === 'cash') {
          const total = (outOf.get(account.id) ?? 0n) + planned.amountMinor;
          outOf.set(account.id, total);
          const heldMinor = core.ledgerBalance(account.id);
          if (total > heldMinor) {
            throw new TillpointError(
              'insufficient_funds',
              `The drawer should hold ${money(heldMinor, input.currency)}: it cannot hand back ${money(total, input.currency)}.`,
              {
                accountId: account.id,
                requiredMinor: total.toString(),
                availableMinor: heldMinor.toString(),
              },
            );
          }
        }
        const share: RefundShareRecord = {
          id: core.newId(),
          refundId: input.refundId,
          paymentId: planned.payment.id,
          kind: planned.payment.kind,
          amountMinor: planned.amountMinor,
          status: 'pending',
          transferId: core.newId(),
          resolveTransferId: null,
          externalId: null,
          message: null,
          position,
          createdAt: at,
          updatedAt: at,
        };
        insertShareRow(db, share);
        transfers.push({
          id: share.transferId,
          debitAccountId: core.receivable(input.currency).id,
          creditAccountId: account.id,
          amount: share.amountMinor,
          asset: input.currency,
          code: input.isVoid ? 'reversal' : 'refund',
          ref: `refund:${input.refundId}`,
          staffId: input.staffId,
          pending: true,
        });
        written.push(share);
      });
      if (transfers.length > 0) core.ledgerSubmit(transfers);
      for (const share of written) {
        const atOnce = registry.get(share.kind).decideAtOnce;
        if (atOnce) {
          applyShareInTx(atOnce.refund(requestOf(share, input.staffId, input.shiftId)), input.staffId);
        }
      }
      if (written.length === 0) {
        const finish = core.orders().finishGiveBack(input.refundId, { succeededMinor: 0n, failedMinor: 0n });
        if (finish.length > 0) core.ledgerSubmit(finish);
      }
      return written;
    },

    /** After the commit of `begin`: asks each tender still pending, one share after another. */
    async run(refundId: string, staffId: string, shiftId: string): Promise<void> {
      for (const share of sharesOfRefund(db, refundId)) {
        if (share.status !== 'pending') continue;
        let report: RefundReport;
        try {
          report = await registry.get(share.kind).refund(requestOf(share, staffId, shiftId));
        } catch (error) {
          report = {
            shareId: share.id,
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
          };
        }
        giveBack.applyShare(report, staffId);
      }
    },

    applyShare(report: RefundReport, actorId: string): void {
      const orderId = db.transaction(() => applyShareInTx(report, actorId))();
      if (orderId) core.orders().announce(orderId);
    },

    /** Start-up: asks each tender about refund shares left pending. */
    async reconcileShares(): Promise<number> {
      let count = 0;
      for (const share of pendingShares(db)) {
        if (!registry.has(share.kind)) continue;
        try {
          const report = await registry.get(share.kind).refundStatus({
            shareId: share.id,
            refundId: share.refundId,
            paymentId: share.paymentId,
            amountMinor: share.amountMinor,
            externalId: share.externalId,
          });
          giveBack.applyShare(report, systemActorId);
          count += 1;
        } catch (error) {
          logger.warn({ err: error, shareId: share.id }, 'could not reconcile a pending refund share');
        }
      }
      return count;
    },
  };
  return giveBack;
}

export type GiveBack = ReturnType<typeof createGiveBack>;
