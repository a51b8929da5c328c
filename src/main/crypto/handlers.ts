/**
 * The crypto handlers (src/shared/api/crypto.ts): wallets, chains, invoices, crypto refunds, rates,
 * settings and the demo wallet. Invoices start through the generic payments flow (tender `crypto`).
 */
import Decimal from 'decimal.js';
import { monotonicFactory } from 'ulid';
import { type ApiOutput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { type AuditService } from '../audit';
import { type PartialHandlerImpls, type CoreDeps } from '../kernel';
import { type PaymentsService } from '../payments';
import { type CryptoEngine } from './engine';
import { type ChainConfig, type CryptoLibs, type WalletFamily } from './libs';
import { readCryptoSettings, type CryptoSettings } from './settings';
import { type WalletRecord } from './store';
import { type CryptoTender } from './tender';
import { chainIdOf, chainView, invoiceView, refundView } from './views';
import { refusePrivateKey } from './walletKeys';

export interface CryptoHandlerPorts {
  readonly deps: CoreDeps;
  readonly engine: CryptoEngine;
  readonly tender: CryptoTender;
  readonly libs: () => CryptoLibs;
  readonly audit: AuditService;
  readonly payments: () => PaymentsService;
  readonly orderView: (orderId: string) => ApiOutput<'orders.get'>['order'];
  readonly currency: () => string;
  /** Demo mode: pays an invoice from the simulated wallet; null when there is no simulated chain. */
  readonly demoPay: () =>
    ((invoiceId: string, kind: 'full' | 'partial' | 'over' | 'late') => Promise<string>) | null;
}

export function createCryptoHandlers(ports: CryptoHandlerPorts): PartialHandlerImpls {
  const { deps, engine, tender, audit } = ports;
  const { store } = engine;
  const ulid = monotonicFactory();
  const newId = () => ulid(deps.now().getTime());
  const libs = () => ports.libs();

  const requireInvoice = (invoiceId: string) => {
    const invoice = store.invoice(invoiceId);
    if (!invoice) throw new TillpointError('not_found', `No invoice ${invoiceId}.`, { invoiceId });
    return invoice;
  };
  const view = (invoiceId: string) => invoiceView(libs(), engine, requireInvoice(invoiceId));

  const firstAddresses = (wallet: WalletRecord, count = 5) => {
    const out: { index: number; address: string }[] = [];
    for (let index = 0; index < count; index += 1) {
      try {
        out.push({
          index,
          address: libs().deriveAddress(wallet.family, wallet.network, wallet.publicKey, index),
        });
      } catch {
        break;
      }
    }
    return out;
  };
  const walletView = (wallet: WalletRecord) => {
    const unpaid = store.unpaidSinceLastPaid(wallet.id);
    const limit = readCryptoSettings(store).gapLimit;
    return {
      id: wallet.id,
      family: wallet.family,
      network: wallet.network,
      label: wallet.label,
      publicKey: wallet.publicKey,
      nextIndex: wallet.nextIndex,
      firstAddresses: firstAddresses(wallet),
      unpaidInARow: unpaid,
      gapWarning:
        unpaid >= limit
          ? `${unpaid} invoices in a row were never paid: a wallet app that stops looking after ${limit} empty addresses ` +
            `will not show payments beyond them. Fix: raise the gap limit in the wallet app (e.g. Electrum: ` +
            `wallet.change_gap_limit(${unpaid + limit})), or scan more addresses when restoring the wallet.`
          : null,
      createdAt: wallet.createdAt,
    };
  };
  const settingsView = (s: CryptoSettings) => ({
    expiryMinutes: s.expiryMinutes,
    monitoringHours: s.monitoringHours,
    tolerancePercent: new Decimal(s.toleranceBp).div(100).toFixed(),
    bip21Uppercase: s.bip21Uppercase,
    autoPrintOnSettle: s.autoPrintOnSettle,
    gapLimit: s.gapLimit,
    manualRates: { ...s.manualRates },
  });
  const saveSettings = (next: CryptoSettings) =>
    store.saveSettingsJson(JSON.stringify(next), deps.now().toISOString());

  return {
    'wallets.add': (input, ctx) => {
      refusePrivateKey(input.publicKey);
      if ((input.family === 'evm') !== (input.network === 'evm')) {
        throw new TillpointError(
          'bad_input',
          'An EVM wallet uses the network "evm" (one key for every EVM chain); a Bitcoin wallet mainnet, testnet, signet or regtest.',
          {
            reason: 'wrong_network',
          },
        );
      }
      let parsed;
      try {
        parsed = libs().parseAccountKey(input.family, input.network, input.publicKey);
      } catch (error) {
        throw new TillpointError(
          'bad_input',
          error instanceof Error ? error.message : 'That is not an extended public key.',
          {
            reason: 'bad_public_key',
          },
        );
      }
      const at = deps.now().toISOString();
      return deps.db.transaction(() => {
        const existing = store.activeWallet(input.family, input.network);
        if (existing) {
          throw new TillpointError(
            'conflict',
            `A ${input.family} wallet for ${input.network} is set up already: remove it first.`,
            {
              walletId: existing.id,
              reason: 'wallet_exists',
            },
          );
        }
        const wallet: WalletRecord = {
          id: newId(),
          family: input.family as WalletFamily,
          network: input.network,
          publicKey: parsed.publicKey,
          label: input.label || (input.family === 'evm' ? 'EVM wallet' : `Bitcoin ${input.network}`),
          nextIndex: 0,
          createdAt: at,
        };
        store.insertWallet({ ...wallet, createdBy: ctx.staff.staffId });
        audit.record({
          staffId: ctx.staff.staffId,
          action: 'crypto.wallet_added',
          ref: wallet.id,
          details: { family: wallet.family, network: wallet.network },
        });
        return { wallet: walletView(wallet) };
      })();
    },
    'wallets.list': () => ({ wallets: store.wallets().map(walletView) }),
    'wallets.remove': (input, ctx) =>
      deps.db.transaction(() => {
        const removed = store.removeWallet(input.walletId, deps.now().toISOString()) > 0;
        if (removed)
          audit.record({
            staffId: ctx.staff.staffId,
            action: 'crypto.wallet_removed',
            ref: input.walletId,
            details: {},
          });
        return { removed };
      })(),
    'chains.list': () => ({ chains: engine.chains().map((chain) => chainView(engine, chain)) }),
    'chains.configure': async (input, ctx) => {
      const current = engine.chains().find((c) => c.chainKey === input.chainKey);
      if (!current) {
        throw new TillpointError('not_found', `This till knows no chain ${input.chainKey}.`, {
          chainKey: input.chainKey,
        });
      }
      if (input.bitcoin && current.family !== 'bitcoin')
        throw new TillpointError('bad_input', 'A Bitcoin backend is for a Bitcoin chain.');
      if ((input.rpcUrls || input.wsUrls) && current.family !== 'evm')
        throw new TillpointError('bad_input', 'RPC URLs are for an EVM chain.');
      const next: ChainConfig = {
        ...current,
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.confirmations !== undefined ? { confirmations: input.confirmations } : {}),
        ...(input.qrStyle !== undefined ? { qrStyle: input.qrStyle } : {}),
        ...(input.bitcoin !== undefined ? { bitcoin: input.bitcoin } : {}),
        ...(input.explorerTxUrl !== undefined ? { explorerTxUrl: input.explorerTxUrl } : {}),
        ...(input.rpcUrls !== undefined || input.wsUrls !== undefined
          ? {
              evm: {
                rpcUrls: input.rpcUrls ?? current.evm?.rpcUrls ?? [],
                wsUrls: input.wsUrls ?? current.evm?.wsUrls ?? [],
              },
            }
          : {}),
      };
      deps.db.transaction(() => {
        store.saveChain(next, ctx.staff.staffId, deps.now().toISOString());
        audit.record({
          staffId: ctx.staff.staffId,
          action: 'crypto.chain_configured',
          ref: next.chainKey,
          details: { enabled: next.enabled, confirmations: next.confirmations, qrStyle: next.qrStyle },
        });
      })();
      await engine.resetWatcher(next.chainKey);
      engine.tick();
      return { chain: chainView(engine, next) };
    },
    'chains.test': async (input) => {
      const chain = engine.chains().find((c) => c.chainKey === input.chainKey);
      if (!chain) throw new TillpointError('not_found', `This till knows no chain ${input.chainKey}.`);
      let watcher;
      try {
        watcher = libs().createWatcher({ ...chain, enabled: true });
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error), tipHeight: null };
      }
      try {
        await Promise.race([
          (async () => {
            await watcher.start();
            await watcher.refresh();
          })(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('no answer within 10 s')), 10_000).unref(),
          ),
        ]);
        const health = watcher.health();
        return {
          ok: health.tip !== null,
          detail: health.detail || health.state,
          tipHeight: health.tip?.height ?? null,
        };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error), tipHeight: null };
      } finally {
        await watcher.stop().catch(() => undefined);
      }
    },
    'invoices.options': () => ({
      options: engine.offered().map(({ chain }) => ({
        chainKey: chain.chainKey,
        label: chain.label,
        chainId: chainIdOf(chain),
        qrStyle: chain.qrStyle,
        assets: chain.assets.map((a) => ({ symbol: a.symbol, contract: a.contract, decimals: a.decimals })),
      })),
      demo: deps.config.mode === 'demo' && ports.demoPay() !== null,
    }),
    'invoices.create': async (input, ctx) => {
      const paymentId = input.paymentId ?? newId();
      const existing = store.invoiceOfPayment(paymentId);
      if (!existing) {
        const chain = engine.requireChain(input.chainKey);
        if (!engine.assetOf(chain, input.asset)) {
          throw new TillpointError('bad_input', `${chain.label} does not take ${input.asset} on this till.`, {
            reason: 'asset_not_offered',
          });
        }
        if (!engine.walletFor(chain)) {
          throw new TillpointError(
            'unavailable',
            `No wallet for ${chain.label}: add one in Settings › Crypto.`,
            {
              reason: 'no_wallet',
            },
          );
        }
        const quote = await engine.quote(input.asset, ports.currency());
        tender.setIntent(paymentId, { chainKey: chain.chainKey, asset: input.asset, quote });
      }
      try {
        await ports.payments().start({
          orderId: input.orderId,
          paymentId,
          kind: tender.kind,
          amountMinor: input.amount === undefined ? undefined : BigInt(input.amount),
          staffId: ctx.staff.staffId,
          request: {
            kind: tender.kind,
            chainKey: input.chainKey,
            asset: input.asset,
            amount: input.amount ?? null,
          },
        });
      } finally {
        tender.clearIntent(paymentId);
      }
      const invoice = store.invoiceOfPayment(paymentId);
      const order = ports.orderView(input.orderId);
      const payment = order.payments.find((p) => p.id === paymentId);
      if (!invoice || !payment) {
        throw new TillpointError('unavailable', payment?.message ?? 'The invoice could not be made.', {
          paymentId,
        });
      }
      return { invoice: invoiceView(libs(), engine, invoice), payment, order };
    },
    'invoices.get': (input) => {
      // The lifecycle depends on the clock: an invoice read after its expiry is expired now.
      engine.recompute(requireInvoice(input.invoiceId).id);
      return { invoice: view(input.invoiceId) };
    },
    'invoices.list': (input) => ({
      invoices: store
        .invoices({ before: input.before, orderId: input.orderId, limit: input.limit ?? 50 })
        .map((invoice) => invoiceView(libs(), engine, invoice)),
    }),
    'invoices.qr': async (input) => {
      const invoice = requireInvoice(input.invoiceId);
      const content = input.content ?? engine.chainOf(invoice.chainKey)?.qrStyle ?? 'uri';
      const format = input.format ?? 'svg';
      const text = content === 'uri' ? invoice.uri : invoice.address;
      const image = await libs().renderQr(text, format);
      const dataUrl =
        format === 'svg'
          ? `data:image/svg+xml;base64,${Buffer.from(image, 'utf8').toString('base64')}`
          : `data:image/png;base64,${image}`;
      return { text, dataUrl, format };
    },
    'invoices.cancel': async (input, ctx) => {
      const invoice = requireInvoice(input.invoiceId);
      if (invoice.status === 'processing') {
        throw new TillpointError(
          'conflict',
          'The customer has paid in full; it cannot be cancelled: wait for the confirmations.',
          {
            reason: 'paid_confirming',
          },
        );
      }
      const payment = invoice.paymentId ? ports.payments().get(invoice.paymentId) : null;
      if (payment && payment.status === 'pending') {
        await ports.payments().cancel(payment.id, ctx.staff.staffId);
      } else {
        engine.cancel(invoice.id);
      }
      return { invoice: view(invoice.id) };
    },
    'invoices.acceptLate': async (input, ctx) => {
      const invoice = requireInvoice(input.invoiceId);
      if (invoice.exception !== 'paid_late' || invoice.acceptedLate) {
        throw new TillpointError(
          'conflict',
          'Only a payment that came after the expiry can be accepted late.',
          {
            reason: 'not_paid_late',
          },
        );
      }
      const paymentId = newId();
      tender.setIntent(paymentId, {
        chainKey: invoice.chainKey,
        asset: invoice.asset,
        quote: { rate: invoice.rate, source: invoice.rateSource, atMs: Date.parse(invoice.createdAt) },
        invoiceId: invoice.id,
        acceptedBy: ctx.staff.staffId,
      });
      try {
        const due = ports.orderView(invoice.orderId);
        if (due.status !== 'open') {
          throw new TillpointError(
            'conflict',
            `Order ${due.number} is ${due.status}: the late payment cannot pay it any more; refund it to the customer instead.`,
            { reason: 'order_not_open' },
          );
        }
        const dueMinor = BigInt(due.amountDueMinor);
        await ports.payments().start({
          orderId: invoice.orderId,
          paymentId,
          kind: tender.kind,
          amountMinor: invoice.fiatAmountMinor < dueMinor ? invoice.fiatAmountMinor : dueMinor,
          staffId: ctx.staff.staffId,
          request: { kind: tender.kind, acceptLate: invoice.id },
        });
      } finally {
        tender.clearIntent(paymentId);
      }
      audit.record({
        staffId: ctx.staff.staffId,
        action: 'crypto.late_accepted',
        ref: invoice.orderId,
        details: { invoiceId: invoice.id },
      });
      return { invoice: view(invoice.id) };
    },
    'cryptoRefunds.create': (input, ctx) => {
      const invoice = requireInvoice(input.invoiceId);
      const chain = engine.chainOf(invoice.chainKey);
      if (!chain || !libs().isValidAddress(chain, input.address)) {
        throw new TillpointError('bad_input', `That is not a ${chain?.label ?? invoice.chainKey} address.`, {
          reason: 'bad_address',
        });
      }
      const at = deps.now().toISOString();
      const id = deps.db.transaction(() => {
        if (input.refundId) {
          const refund = store.refund(input.refundId);
          if (!refund || refund.invoiceId !== invoice.id)
            throw new TillpointError('not_found', `No refund ${input.refundId} for this invoice.`);
          if (refund.status === 'done') throw new TillpointError('conflict', 'That refund was sent already.');
          store.setRefundAddress(refund.id, input.address);
          return refund.id;
        }
        const refundable = refundableUnits(invoice.id);
        const amountUnits = input.amountUnits === undefined ? refundable : BigInt(input.amountUnits);
        if (amountUnits <= 0n || amountUnits > refundable) {
          throw new TillpointError(
            'bad_input',
            `At most ${refundable} units of ${invoice.asset} can be sent back for this invoice.`,
            { refundableUnits: refundable.toString(), reason: 'more_than_refundable' },
          );
        }
        const refundId = newId();
        store.insertRefund({
          id: refundId,
          invoiceId: invoice.id,
          shareId: null,
          chainKey: invoice.chainKey,
          asset: invoice.asset,
          tokenContract: invoice.tokenContract,
          amountUnits,
          address: input.address,
          reason: input.reason || (invoice.exception ?? 'refund'),
          status: 'to_send',
          txid: null,
          createdBy: ctx.staff.staffId,
          createdAt: at,
          doneAt: null,
          doneBy: null,
        });
        audit.record({
          staffId: ctx.staff.staffId,
          action: 'crypto.refund_recorded',
          ref: invoice.orderId,
          details: { invoiceId: invoice.id, amountUnits: amountUnits.toString() },
        });
        return refundId;
      })();
      engine.tick();
      const refund = store.refund(id);
      if (!refund) throw new Error('The refund was not recorded.');
      return { refund: refundView(libs(), engine, refund) };
    },
    'cryptoRefunds.markSent': (input, ctx) => {
      const refund = store.refund(input.refundId);
      if (!refund) throw new TillpointError('not_found', `No crypto refund ${input.refundId}.`);
      if (refund.status === 'needs_address')
        throw new TillpointError('conflict', "Enter the customer's address first.");
      engine.refundDone(refund.id, input.txid, ctx.staff.staffId);
      const after = store.refund(refund.id);
      if (!after) throw new Error('The refund is gone.');
      return { refund: refundView(libs(), engine, after) };
    },
    'cryptoRefunds.list': (input) => ({
      refunds: store.refunds(input.limit ?? 50).map((r) => refundView(libs(), engine, r)),
    }),
    'rates.get': async (input) => {
      const quote = await engine.quote(input.asset, ports.currency());
      return {
        asset: input.asset,
        currency: ports.currency(),
        rate: quote.rate,
        source: quote.source,
        at: new Date(quote.atMs).toISOString(),
      };
    },
    'rates.settings': (input) => {
      const current = readCryptoSettings(store);
      if (input.manualRates) {
        const manualRates: Record<string, string> = Object.assign(
          Object.create(null) as Record<string, string>,
          current.manualRates,
        );
        for (const [asset, rate] of Object.entries(input.manualRates)) {
          if (rate === '') delete manualRates[asset];
          else manualRates[asset] = rate;
        }
        saveSettings({ ...current, manualRates });
        return { manualRates };
      }
      return { manualRates: { ...current.manualRates } };
    },
    'crypto.settings': () => ({ settings: settingsView(readCryptoSettings(store)) }),
    'crypto.saveSettings': (input, ctx) => {
      const current = readCryptoSettings(store);
      const next: CryptoSettings = {
        ...current,
        ...(input.expiryMinutes !== undefined ? { expiryMinutes: input.expiryMinutes } : {}),
        ...(input.monitoringHours !== undefined ? { monitoringHours: input.monitoringHours } : {}),
        ...(input.tolerancePercent !== undefined
          ? { toleranceBp: new Decimal(input.tolerancePercent).mul(100).toDecimalPlaces(0).toNumber() }
          : {}),
        ...(input.bip21Uppercase !== undefined ? { bip21Uppercase: input.bip21Uppercase } : {}),
        ...(input.autoPrintOnSettle !== undefined ? { autoPrintOnSettle: input.autoPrintOnSettle } : {}),
        ...(input.gapLimit !== undefined ? { gapLimit: input.gapLimit } : {}),
      };
      deps.db.transaction(() => {
        saveSettings(next);
        audit.record({
          staffId: ctx.staff.staffId,
          action: 'crypto.settings_changed',
          ref: '',
          details: { ...input },
        });
      })();
      return { settings: settingsView(next) };
    },
    'crypto.demoPay': async (input) => {
      const pay = ports.demoPay();
      if (deps.config.mode !== 'demo' || !pay) {
        throw new TillpointError('forbidden', 'The simulated wallet pays only in demo mode.', {
          reason: 'not_demo',
        });
      }
      const invoice = requireInvoice(input.invoiceId);
      if (invoice.status === 'settled' || invoice.status === 'invalid') {
        throw new TillpointError('conflict', `The invoice is ${invoice.status}: nothing to pay.`);
      }
      const txid = await pay(invoice.id, input.kind);
      return { txid, invoice: view(invoice.id) };
    },
  };

  /** What the invoice received and the store did not keep: all of it unless it settled (then what is over). */
  function refundableUnits(invoiceId: string): bigint {
    const invoice = requireInvoice(invoiceId);
    const received = store
      .invoicePayments(invoiceId)
      .filter((p) => p.goneAt === null)
      .reduce((sum, p) => sum + p.amountUnits, 0n);
    const kept =
      invoice.status === 'settled' ? (received < invoice.amountUnits ? received : invoice.amountUnits) : 0n;
    const already = store
      .refundsOfInvoice(invoiceId)
      .filter((r) => r.shareId === null)
      .reduce((sum, r) => sum + r.amountUnits, 0n);
    const left = received - kept - already;
    return left > 0n ? left : 0n;
  }
}
