/**
 * What a watcher showed, kept: each payment by its natural key (a replay updates, never adds; the
 * first time it was seen is kept), and a payment missing from the whole current set marked gone
 * (taken back by RBF, a double spend or a reorg). And the lifecycle's input read from the records.
 */
import { type ObservedPayment } from '../chains/watcher';
import { invoiceLifecycle, type LifecycleState } from './lifecycle';
import { type CryptoStore, type InvoicePaymentRecord, type InvoiceRecord } from './store';

/** Inside a transaction: the current set of payments of the invoice's asset to its address. */
export function recordSeen(
  store: CryptoStore,
  invoiceId: string,
  mine: readonly ObservedPayment[],
  at: string,
) {
  const keys = new Set(mine.map((p) => p.key));
  for (const p of mine) {
    const known = store.paymentByKey(p.key);
    store.upsertPayment(
      {
        key: p.key,
        invoiceId,
        asset: p.asset,
        amountUnits: p.amountUnits,
        txid: p.txid,
        blockHeight: p.blockHeight,
        blockHash: p.blockHash,
        confirmations: p.confirmations,
        replaceable: p.replaceable,
        senders: p.from,
        firstSeenAt: known?.firstSeenAt ?? at,
      },
      at,
    );
  }
  for (const known of store.invoicePayments(invoiceId)) {
    if (known.goneAt === null && !keys.has(known.key)) store.markPaymentGone(known.key, at);
  }
}

/** The pure lifecycle of an invoice from its records (payments gone are not counted). */
export function lifecycleOfRecord(
  invoice: InvoiceRecord,
  payments: readonly InvoicePaymentRecord[],
  tipHeight: number | null,
  nowMs: number,
): LifecycleState {
  return invoiceLifecycle(
    {
      status: invoice.status,
      exception: invoice.exception,
      amountUnits: invoice.amountUnits,
      expiresAtMs: Date.parse(invoice.expiresAt),
      monitoringUntilMs: Date.parse(invoice.monitoringUntil),
      confirmationsRequired: invoice.confirmationsRequired,
      toleranceBp: invoice.toleranceBp,
      acceptedLate: invoice.acceptedLate,
      canceled: invoice.canceled,
    },
    payments
      .filter((p) => p.goneAt === null)
      .map((p) => ({
        key: p.key,
        amountUnits: p.amountUnits,
        blockHeight: p.blockHeight,
        confirmations: p.confirmations,
        replaceable: p.replaceable,
        firstSeenAtMs: Date.parse(p.firstSeenAt),
      })),
    tipHeight,
    nowMs,
  );
}
