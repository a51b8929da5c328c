/**
 * The `crypto` tender (TenderAdapter): a payment is a crypto invoice. `invoices.create` chooses the
 * asset and chain and locks the rate (an intent kept by payment id), then starts the payment through
 * the generic flow; or `payments.start` with tender `crypto` and options `{ chainKey, asset }` does
 * the same (checked in `plan` with invoices.create's errors, the rate locked in `prepare`, before
 * the payment is written, so a missing rate writes nothing). The
 * tender's `start` makes the invoice; the engine's lifecycle reports, later,
 * `succeeded` (settled: the pending transfer is posted) or `expired` / `canceled` (voided). The
 * money lands on `crypto_wallet` in the store currency; the units, the asset and the locked rate are
 * kept with the invoice. Watch-only: money back is sent by a person from their wallet, recorded as a
 * crypto refund, and the refund share is done when the watcher sees it (or its txid is entered).
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import {
  planExactAmount,
  type PaymentRequest,
  type PaymentSnapshot,
  type TenderAdapter,
  type TenderReport,
  type TenderUpdate,
  type TenderUpdateListener,
} from '../payments';
import { type CryptoEngine, type InvoiceIntent } from './engine';
import { type InvoiceRecord } from './store';
import { unitsForFiatShare, unitsToDecimal } from './units';
import { isReceiptQrUrl } from '../receipts';

export const cryptoTenderKind = 'crypto';
export const cryptoAccountCode = 'crypto_wallet';

export interface CryptoTender extends TenderAdapter {
  /** The asset, chain and locked rate of a payment about to start (set by invoices.create). */
  setIntent(paymentId: string, intent: InvoiceIntent): void;
  clearIntent(paymentId: string): void;
  notify(update: TenderUpdate): void;
  /** The report of an invoice's payment as it stands. */
  reportOf(invoice: InvoiceRecord): TenderReport;
}

export function detailsOf(invoice: InvoiceRecord): Record<string, unknown> {
  return {
    invoiceId: invoice.id,
    asset: invoice.asset,
    chainKey: invoice.chainKey,
    tokenContract: invoice.tokenContract,
    address: invoice.address,
    amount: unitsToDecimal(invoice.amountUnits, invoice.decimals),
    amountUnits: invoice.amountUnits.toString(),
    rate: invoice.rate,
    currency: invoice.currency,
  };
}

/** The options `payments.start` takes for a crypto payment. */
export const cryptoOptionKeys = ['chainKey', 'asset'] as const;

/**
 * The chain and asset asked for in `payments.start`'s options, checked as invoices.create checks
 * them (chain_not_configured, asset_not_offered, no_wallet); null when no options were given.
 */
export function chosenAsset(
  engine: CryptoEngine,
  request: PaymentRequest,
): { chainKey: string; asset: string } | null {
  const options = request.options;
  if (!options || Object.keys(options).length === 0) return null;
  const chainKey = Object.hasOwn(options, 'chainKey') ? options.chainKey : undefined;
  const asset = Object.hasOwn(options, 'asset') ? options.asset : undefined;
  if (typeof chainKey !== 'string' || chainKey === '' || typeof asset !== 'string' || asset === '') {
    throw new TillpointError(
      'bad_input',
      'A crypto payment needs both options chainKey (e.g. "btc:regtest") and asset (e.g. "BTC") as text.',
      { reason: 'crypto_asset_required' },
    );
  }
  const chain = engine.requireChain(chainKey);
  if (!engine.assetOf(chain, asset)) {
    throw new TillpointError('bad_input', `${chain.label} does not take ${asset} on this till.`, {
      reason: 'asset_not_offered',
    });
  }
  if (!engine.walletFor(chain)) {
    throw new TillpointError('unavailable', `No wallet for ${chain.label}: add one in Settings › Crypto.`, {
      reason: 'no_wallet',
    });
  }
  return { chainKey: chain.chainKey, asset };
}

export function createCryptoTender(engine: CryptoEngine): CryptoTender {
  const ulid = monotonicFactory();
  const newId = () => ulid(engine.now().getTime());
  const listeners = new Set<TenderUpdateListener>();
  const intents = new Map<string, InvoiceIntent>();
  // payments.start with options: the asset and the rate locked in `prepare`, before the payment is
  // written (a retry prepares afresh, so a stale rate is never reused).
  const prepared = new Map<string, InvoiceIntent>();
  const notify = (update: TenderUpdate) => {
    for (const listener of listeners) listener(update);
  };
  const reportOf = (invoice: InvoiceRecord): TenderReport => {
    const state = engine.lifecycleOf(invoice);
    const status =
      invoice.status === 'settled'
        ? 'succeeded'
        : invoice.status === 'invalid'
          ? 'canceled'
          : invoice.status === 'expired'
            ? 'expired'
            : 'pending';
    const txid =
      engine.store.invoicePayments(invoice.id).find((p) => p.goneAt === null && p.txid)?.txid ?? null;
    const chain = engine.chainOf(invoice.chainKey);
    return {
      paymentId: invoice.paymentId ?? '',
      status,
      // payments keep (kind, externalId) unique: a late payment's own payment names it apart.
      externalId: invoice.acceptedLate ? `${invoice.id}:late` : invoice.id,
      message: engine.describe(invoice),
      details: {
        ...detailsOf(invoice),
        txid,
        explorerUrl: chain && txid ? engine.explorerTxUrl(chain, txid) : null,
        network: chain?.label ?? invoice.chainKey,
        exception: state.exception,
      },
    };
  };

  return {
    kind: cryptoTenderKind,
    label: 'Crypto',
    state() {
      const offered = engine.offered();
      if (offered.length > 0) return { state: 'ready', reason: null };
      return {
        state: 'not_set_up',
        reason: 'No crypto wallet is set up: add a wallet and a chain in Settings › Crypto.',
      };
    },
    account: () => ({ code: cryptoAccountCode, ref: '' }),
    optionKeys: cryptoOptionKeys,
    plan(request) {
      if (!intents.has(request.paymentId) && !chosenAsset(engine, request)) {
        throw new TillpointError(
          'bad_input',
          'Choose the asset and network of a crypto payment: options { chainKey, asset } (see invoices.options), or start it with invoices.create.',
          { reason: 'crypto_asset_required' },
        );
      }
      return planExactAmount(request);
    },
    async prepare(request) {
      if (intents.has(request.paymentId)) return; // invoices.create chose and locked it already
      const chosen = chosenAsset(engine, request);
      // No rate: refused here (rate_unavailable), so no pending payment is written.
      if (chosen)
        prepared.set(request.paymentId, {
          ...chosen,
          quote: await engine.quote(chosen.asset, request.currency),
        });
    },
    abandon(paymentId) {
      prepared.delete(paymentId);
    },
    async start(request, plan) {
      const intent = intents.get(request.paymentId) ?? prepared.get(request.paymentId);
      intents.delete(request.paymentId);
      prepared.delete(request.paymentId);
      if (!intent) return { paymentId: request.paymentId, status: 'failed', message: 'No asset was chosen.' };
      if (intent.invoiceId) {
        // A late payment accepted by a manager: this payment settles with that invoice.
        const joined = engine.joinLate(
          intent.invoiceId,
          request.paymentId,
          intent.acceptedBy ?? request.staffId,
        );
        if (!joined) return { paymentId: request.paymentId, status: 'failed', message: 'No such invoice.' };
        const after = engine.recompute(joined.id) ?? joined;
        return reportOf(after);
      }
      const invoice = await engine.createInvoice({
        paymentId: request.paymentId,
        orderId: request.orderId,
        currency: request.currency,
        fiatAmountMinor: plan.amountMinor,
        intent,
        staffId: request.staffId,
      });
      return reportOf(invoice);
    },
    status(payment: PaymentSnapshot) {
      const invoice = engine.store.invoiceOfPayment(payment.paymentId);
      if (!invoice) {
        // Written but the invoice never made (a crash between the two): nothing was shown to pay.
        return Promise.resolve({
          paymentId: payment.paymentId,
          status: 'failed',
          message: 'The invoice was never made.',
        });
      }
      engine.watchInvoice(invoice);
      const after = engine.recompute(invoice.id) ?? invoice;
      return Promise.resolve(reportOf(after));
    },
    cancel(payment) {
      const invoice = engine.store.invoiceOfPayment(payment.paymentId);
      if (!invoice)
        return Promise.resolve({ paymentId: payment.paymentId, status: 'canceled', message: 'Cancelled.' });
      const after = engine.cancel(invoice.id) ?? invoice;
      if (after.status === 'processing' || after.status === 'settled') {
        return Promise.resolve({
          ...reportOf(after),
          message: 'The customer has paid in full; it cannot be cancelled: wait for the confirmations.',
        });
      }
      const report = reportOf(after);
      return Promise.resolve(report.status === 'expired' ? { ...report, status: 'canceled' } : report);
    },
    refund(request) {
      // Watch-only: a person sends it from the store's wallet; the share is done when it is seen.
      const invoice = engine.store.invoiceOfPayment(request.paymentId);
      if (!invoice) {
        return Promise.resolve({
          shareId: request.shareId,
          status: 'failed',
          message: 'No crypto invoice for this payment.',
        });
      }
      let refund = engine.store.refundOfShare(request.shareId);
      if (!refund) {
        const units = unitsForFiatShare(request.amountMinor, invoice.fiatAmountMinor, invoice.amountUnits); // rounded up: the customer's favour
        const id = newId();
        engine.store.insertRefund({
          id,
          invoiceId: invoice.id,
          shareId: request.shareId,
          chainKey: invoice.chainKey,
          asset: invoice.asset,
          tokenContract: invoice.tokenContract,
          amountUnits: units,
          address: null,
          reason: 'order refund',
          status: 'needs_address',
          txid: null,
          createdBy: request.staffId,
          createdAt: engine.now().toISOString(),
          doneAt: null,
          doneBy: null,
        });
        refund = engine.store.refund(id);
      }
      return Promise.resolve({
        shareId: request.shareId,
        status: refund?.status === 'done' ? 'succeeded' : 'pending',
        message: `Send ${unitsToDecimal(refund?.amountUnits ?? 0n, invoice.decimals)} ${invoice.asset} back from the store's wallet and record it in Crypto › Refunds.`,
      });
    },
    refundStatus(share) {
      const refund = engine.store.refundOfShare(share.shareId);
      return Promise.resolve({
        shareId: share.shareId,
        status: refund?.status === 'done' ? 'succeeded' : 'pending',
        ...(refund?.txid ? { externalId: refund.txid } : {}),
      });
    },
    receiptLabel: (details) =>
      typeof details.asset === 'string'
        ? `Crypto (${details.asset}${typeof details.network === 'string' ? `, ${details.network}` : ''})`
        : 'Crypto',
    receiptLines(details) {
      const lines: { label: string; value: string; qr?: string }[] = [];
      const add = (label: string, value: unknown, qr?: string) => {
        if (typeof value === 'string' && value !== '') lines.push({ label, value, ...(qr ? { qr } : {}) });
      };
      // The explorer page of the transaction, printed as a QR code under its line (public, https, bounded).
      const explorerQr =
        typeof details.explorerUrl === 'string' && isReceiptQrUrl(details.explorerUrl)
          ? details.explorerUrl
          : undefined;
      add('Network', details.network);
      if (typeof details.amount === 'string' && typeof details.asset === 'string')
        add('Amount', `${details.amount} ${details.asset}`);
      if (typeof details.rate === 'string' && typeof details.asset === 'string')
        add(
          'Rate',
          `1 ${details.asset} = ${details.rate} ${typeof details.currency === 'string' ? details.currency : ''}`.trim(),
        );
      add('Address', details.address);
      add('Transaction', details.txid, explorerQr);
      // Printed as text only when it is not the QR above (a line holds at most 80 characters).
      if (
        explorerQr === undefined &&
        typeof details.explorerUrl === 'string' &&
        details.explorerUrl.length <= 80
      )
        add('Explorer', details.explorerUrl);
      return lines;
    },
    onUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setIntent: (paymentId, intent) => intents.set(paymentId, intent),
    clearIntent: (paymentId) => intents.delete(paymentId),
    notify,
    reportOf,
  };
}
