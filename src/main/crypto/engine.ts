/**
 * The invoice engine: makes invoices (a fresh address, the locked rate, the payment URI), keeps one
 * watcher per chain that has invoices to watch (started on demand), records what the watchers show
 * (by natural key, so a replay credits nothing twice; a payment missing from the next set is taken
 * back), and runs the pure lifecycle after every change, every new tip and every tick of the clock.
 * What the lifecycle decides goes to the payments flow as the crypto tender's report: `settled`
 * posts the pending transfer, `expired` / `invalid` void it.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { type CoreDeps } from '../kernel';
import { type ChainWatcher, type ObservedPayment } from '../chains/watcher';
import { paymentReportFor, type LifecycleState } from './lifecycle';
import { type ChainAsset, type ChainConfig, type CryptoLibs, type RateQuote } from './libs';
import { allChains, readCryptoSettings, type CryptoSettings } from './settings';
import { type CryptoStore, type InvoiceRecord, type WalletRecord } from './store';
import { cryptoAmountFor, rateWithSpread } from './units';
import { describeState, invoiceEvent } from './words';
import { newInvoiceRecord } from './invoiceRecord';
import { lockableQuote } from './quote';
import { within } from './within';
import { lifecycleOfRecord, recordSeen } from './seen';

export interface InvoiceIntent {
  readonly chainKey: string;
  readonly asset: string;
  readonly quote: RateQuote;
  /** A manager accepting a late payment: the new payment joins this invoice instead of a new one. */
  readonly invoiceId?: string;
  readonly acceptedBy?: string;
}

export interface EngineReport {
  readonly paymentId: string;
  readonly status: 'pending' | 'succeeded' | 'expired' | 'canceled';
  readonly invoiceId: string;
  readonly message: string;
}

export interface EngineOptions {
  readonly deps: CoreDeps;
  readonly store: CryptoStore;
  readonly libs: () => CryptoLibs;
  /** The payments flow hears what an invoice's payment became. */
  readonly report: (report: EngineReport) => void;
  /** After an invoice settled (auto print). */
  readonly onSettled?: (invoice: InvoiceRecord) => void;
}

const systemActorId = 'system';
/** How long handing out an address waits for the chain to say whether it was used. */
const hasHistoryTimeoutMs = 3_000;

export function createEngine(options: EngineOptions) {
  const { deps, store } = options;
  const ulid = monotonicFactory();
  const newId = () => ulid(deps.now().getTime());
  const watchers = new Map<string, ChainWatcher>();
  const tips = new Map<string, number>();
  const stops: (() => void)[] = [];

  /** The chain's tip: the last one heard, else what its watcher knows. */
  const tipOf = (chainKey: string): number | null =>
    tips.get(chainKey) ?? watchers.get(chainKey)?.health().tip?.height ?? null;
  const settings = (): CryptoSettings => readCryptoSettings(store);
  const chains = () => allChains(store, options.libs());
  const chainOf = (chainKey: string): ChainConfig | null =>
    chains().find((c) => c.chainKey === chainKey) ?? null;
  const assetOf = (chain: ChainConfig, asset: string): ChainAsset | null =>
    chain.assets.find((a) => a.symbol === asset) ?? null;

  const requireChain = (chainKey: string): ChainConfig => {
    const chain = chainOf(chainKey);
    if (!chain || !chain.enabled) {
      throw new TillpointError(
        'bad_input',
        `The chain ${chainKey} is not set up on this till: configure it in Settings › Crypto.`,
        {
          chainKey,
          reason: 'chain_not_configured',
        },
      );
    }
    return chain;
  };
  const walletFor = (chain: ChainConfig): WalletRecord | null =>
    store.activeWallet(chain.family, chain.family === 'evm' ? 'evm' : chain.network);

  /** The configured chains with a wallet: what the checkout offers. */
  const offered = () =>
    chains()
      .filter((chain) => chain.enabled && walletFor(chain) !== null)
      .map((chain) => ({ chain, assets: chain.assets }));

  const watcherFor = (chainKey: string): ChainWatcher | null => {
    const found = watchers.get(chainKey);
    if (found) return found;
    const chain = chainOf(chainKey);
    if (!chain || !chain.enabled) return null;
    let watcher: ChainWatcher;
    try {
      watcher = options.libs().createWatcher(chain);
    } catch (error) {
      deps.logger.warn({ err: error, chainKey }, 'a chain watcher could not be made');
      return null;
    }
    watchers.set(chainKey, watcher);
    stops.push(
      watcher.onPayments((address, payments) => {
        try {
          seen(chainKey, address, payments);
        } catch (error) {
          deps.logger.error({ err: error, chainKey }, 'payments from a watcher could not be recorded');
        }
      }),
      watcher.onTip((tip) => {
        tips.set(chainKey, tip.height);
        try {
          for (const invoice of store.watchingInvoices())
            if (invoice.chainKey === chainKey) recompute(invoice.id);
        } catch (error) {
          deps.logger.error({ err: error, chainKey }, 'a new tip could not be applied');
        }
      }),
    );
    watcher
      .start()
      .catch((error: unknown) => deps.logger.warn({ err: error, chainKey }, 'a chain watcher did not start'));
    return watcher;
  };

  const watchInvoice = (invoice: InvoiceRecord) => {
    const watcher = watcherFor(invoice.chainKey);
    watcher?.watch(invoice.address, {
      ...(invoice.fromHeight !== null ? { fromHeight: invoice.fromHeight } : {}),
      ...(invoice.tokenContract ? { tokens: [invoice.tokenContract] } : {}),
    });
  };

  const matchesAsset = (invoice: InvoiceRecord, payment: ObservedPayment) =>
    invoice.tokenContract
      ? payment.asset.toLowerCase() === invoice.tokenContract.toLowerCase()
      : payment.asset === invoice.asset;

  /** What a watcher shows for an address: recorded, then every invoice at it recomputed. */
  function seen(chainKey: string, address: string, payments: readonly ObservedPayment[]) {
    const at = deps.now().toISOString();
    const invoices = store
      .invoicesAt(chainKey, address)
      .filter((i) => i.status !== 'settled' && i.status !== 'invalid');
    for (const invoice of invoices) {
      const mine = payments.filter((p) => matchesAsset(invoice, p));
      deps.db.transaction(() => recordSeen(store, invoice.id, mine, at))();
      recompute(invoice.id);
    }
    seenForRefunds(chainKey, address, payments);
  }

  /** A refund is done when the watcher sees a payment of at least its amount to the customer's address. */
  function seenForRefunds(chainKey: string, address: string, payments: readonly ObservedPayment[]) {
    for (const refund of store.refundsToSend()) {
      if (refund.chainKey !== chainKey || refund.address?.toLowerCase() !== address.toLowerCase()) continue;
      const match = payments.find(
        (p) =>
          p.txid !== null &&
          p.amountUnits >= refund.amountUnits &&
          (refund.tokenContract
            ? p.asset.toLowerCase() === refund.tokenContract.toLowerCase()
            : p.asset === refund.asset),
      );
      if (match?.txid) refundDone(refund.id, match.txid, systemActorId);
    }
  }

  const refundListeners = new Set<(refundId: string) => void>();
  function refundDone(refundId: string, txid: string, by: string) {
    const changed = store.markRefundDone(refundId, txid, by, deps.now().toISOString());
    if (changed > 0) {
      const refund = store.refund(refundId);
      if (refund?.address) watcherFor(refund.chainKey)?.unwatch(refund.address);
      for (const listener of refundListeners) listener(refundId);
    }
    return changed > 0;
  }

  const lifecycleOf = (invoice: InvoiceRecord): LifecycleState =>
    lifecycleOfRecord(
      invoice,
      store.invoicePayments(invoice.id),
      tipOf(invoice.chainKey),
      deps.now().getTime(),
    );

  /** Runs the lifecycle on an invoice; writes, reports and announces what changed. */
  function recompute(invoiceId: string): InvoiceRecord | null {
    const before = store.invoice(invoiceId);
    if (!before) return null;
    const state = lifecycleOf(before);
    const at = deps.now().toISOString();
    const changed =
      state.status !== before.status ||
      state.exception !== before.exception ||
      state.phase !== before.phase ||
      state.paidUnits !== before.paidUnits ||
      state.confirmations !== before.confirmations ||
      state.watching !== before.watching;
    if (!changed) return before;
    store.updateInvoiceState(invoiceId, { ...state, settledAt: state.status === 'settled' ? at : null }, at);
    const after = store.invoice(invoiceId);
    if (!after) return null;
    if (!state.watching && before.watching) {
      const others = store.invoicesAt(after.chainKey, after.address).some((i) => i.watching);
      if (!others) watchers.get(after.chainKey)?.unwatch(after.address);
    }
    if (after.paymentId) {
      options.report({
        paymentId: after.paymentId,
        status: paymentReportFor(state.status),
        invoiceId,
        message: describeState(after, state),
      });
    }
    emitInvoice(after, state);
    if (after.status === 'settled' && before.status !== 'settled') options.onSettled?.(after);
    return after;
  }

  const emitInvoice = (invoice: InvoiceRecord, state: LifecycleState) =>
    deps.events.emit('invoice.updated', invoiceEvent(invoice, state, chainOf(invoice.chainKey)));

  /** The exchange rate to lock, or a clear `rate_unavailable`. */
  const quote = (asset: string, currency: string): Promise<RateQuote> =>
    lockableQuote(options.libs(), settings().manualRates, asset, currency, deps.now().getTime());

  /** The next receive address of a wallet: skips addresses that hold history already. */
  async function nextAddress(wallet: WalletRecord, chain: ChainConfig) {
    const libs = options.libs();
    const watcher = watcherFor(chain.chainKey);
    let index = wallet.nextIndex;
    for (let skipped = 0; skipped < 20; skipped += 1, index += 1) {
      const address = libs.deriveAddress(wallet.family, wallet.network, wallet.publicKey, index);
      let used = false;
      if (watcher) {
        try {
          // A chain that does not answer soon must not hold the cashier: the address is taken as unused.
          used = await within(watcher.hasHistory(address), hasHistoryTimeoutMs, chain.label);
        } catch (error) {
          deps.logger.warn(
            { err: error, chainKey: chain.chainKey },
            'could not check an address for history',
          );
        }
      }
      if (!used) return { index, address };
      store.recordAddress(wallet.id, index, address, true, null, deps.now().toISOString());
    }
    const address = libs.deriveAddress(wallet.family, wallet.network, wallet.publicKey, index);
    return { index, address };
  }

  /** Makes the invoice of a payment (the crypto tender's start). */
  async function createInvoice(input: {
    paymentId: string;
    orderId: string;
    currency: string;
    fiatAmountMinor: bigint;
    intent: InvoiceIntent;
    staffId: string;
  }): Promise<InvoiceRecord> {
    const existing = store.invoiceOfPayment(input.paymentId);
    if (existing) return existing;
    const chain = requireChain(input.intent.chainKey);
    const asset = assetOf(chain, input.intent.asset);
    if (!asset)
      throw new TillpointError(
        'bad_input',
        `${chain.label} does not take ${input.intent.asset} on this till.`,
      );
    const wallet = walletFor(chain);
    if (!wallet)
      throw new TillpointError('unavailable', `No wallet for ${chain.label}: add one in Settings › Crypto.`);
    const s = settings();
    const lockedRate = rateWithSpread(input.intent.quote.rate, s.spreadBp);
    const amountUnits = cryptoAmountFor(input.fiatAmountMinor, input.currency, lockedRate, asset.decimals);
    const { index, address } = await nextAddress(wallet, chain);
    const now = deps.now();
    const uri = options
      .libs()
      .paymentUri({ chain, address, asset, amountUnits, uppercase: s.bip21Uppercase });
    const id = newId();
    const record = newInvoiceRecord({
      id,
      paymentId: input.paymentId,
      orderId: input.orderId,
      staffId: input.staffId,
      currency: input.currency,
      fiatAmountMinor: input.fiatAmountMinor,
      quoteSource: input.intent.quote.source,
      wallet,
      chain,
      asset,
      addressIndex: index,
      address,
      amountUnits,
      lockedRate,
      uri,
      settings: s,
      now,
      fromHeight: tipOf(chain.chainKey),
    });
    deps.db.transaction(() => {
      store.insertInvoice(record);
      store.recordAddress(wallet.id, index, address, false, id, now.toISOString());
      store.setNextIndex(wallet.id, Math.max(wallet.nextIndex, index + 1));
    })();
    watchInvoice(record);
    emitInvoice(record, lifecycleOf(record));
    return record;
  }

  /** A manager accepted a late payment: the new payment of the order joins the invoice. */
  function joinLate(invoiceId: string, paymentId: string, by: string): InvoiceRecord | null {
    store.markAcceptedLate(invoiceId, by, paymentId, deps.now().toISOString());
    const invoice = store.invoice(invoiceId);
    if (invoice) watchInvoice(invoice);
    return invoice;
  }

  /** The cashier cancels: refused while a full payment is confirming. */
  function cancel(invoiceId: string): InvoiceRecord | null {
    const invoice = store.invoice(invoiceId);
    if (!invoice) return null;
    if (invoice.status === 'processing' || invoice.status === 'settled') return invoice;
    store.markCanceled(invoiceId, deps.now().toISOString());
    return recompute(invoiceId);
  }

  return {
    store,
    settings,
    chains,
    chainOf,
    requireChain,
    assetOf,
    walletFor,
    offered,
    quote,
    createInvoice,
    cancel,
    joinLate,
    recompute,
    now: () => deps.now(),
    explorerTxUrl(chain: ChainConfig, txid: string): string | null {
      if (chain.explorerTxUrl) return chain.explorerTxUrl.replace('{txid}', txid);
      try {
        return options.libs().explorerTxUrl(chain, txid);
      } catch {
        return null;
      }
    },
    lifecycleOf,
    describe: (invoice: InvoiceRecord) => describeState(invoice, lifecycleOf(invoice)),
    watcherFor,
    watchInvoice,
    refundDone,
    onRefundDone(listener: (refundId: string) => void) {
      refundListeners.add(listener);
      return () => refundListeners.delete(listener);
    },
    tipOf,
    /** The clock's round: expiries, and every watched invoice's address handed to its watcher. */
    tick() {
      for (const invoice of store.watchingInvoices()) {
        watchInvoice(invoice);
        recompute(invoice.id);
      }
      for (const refund of store.refundsToSend()) {
        if (refund.address) watcherFor(refund.chainKey)?.watch(refund.address);
      }
    },
    /** Drops a chain's watcher (its configuration changed); the next tick makes a new one. */
    async resetWatcher(chainKey: string) {
      const watcher = watchers.get(chainKey);
      watchers.delete(chainKey);
      await watcher?.stop().catch(() => undefined);
    },
    watchersHealth: () =>
      [...watchers.values()].map((w) => ({ chainKey: w.chain, ...w.health(), watched: w.watchedCount() })),
    async stop() {
      for (const stop of stops.splice(0)) stop();
      const all = [...watchers.values()];
      watchers.clear();
      await Promise.all(all.map((w) => w.stop().catch(() => undefined)));
    },
  };
}

export type CryptoEngine = ReturnType<typeof createEngine>;
