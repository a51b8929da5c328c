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
import { type CryptoLibs, type WalletFamily } from './libs';
import { readCryptoSettings, type CryptoSettings } from './settings';
import { type WalletRecord } from './store';
import { type CryptoTender } from './tender';
import { invoiceView } from './views';
import { refusePrivateKey } from './walletKeys';
import { createInvoiceHandlers } from './invoiceHandlers';
import { createChainHandlers } from './chainHandlers';

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
  const { deps, engine, audit } = ports;
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
    spreadPercent: new Decimal(s.spreadBp).div(100).toFixed(),
    bip21Uppercase: s.bip21Uppercase,
    autoPrintOnSettle: s.autoPrintOnSettle,
    gapLimit: s.gapLimit,
    manualRates: { ...s.manualRates },
  });
  const saveSettings = (next: CryptoSettings) =>
    store.saveSettingsJson(JSON.stringify(next), deps.now().toISOString());

  return {
    ...createInvoiceHandlers(ports),
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
    ...createChainHandlers(ports),
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
    'rates.settings': (input, ctx) => {
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
        deps.db.transaction(() => {
          saveSettings({ ...current, manualRates });
          audit.record({
            staffId: ctx.staff.staffId,
            action: 'crypto.manual_rates_changed',
            ref: 'crypto',
            details: { manualRates: { ...manualRates } },
          });
        })();
        return { manualRates: { ...manualRates } };
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
        ...(input.spreadPercent !== undefined
          ? { spreadBp: new Decimal(input.spreadPercent).mul(100).toDecimalPlaces(0).toNumber() }
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
          ref: 'crypto',
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
}
