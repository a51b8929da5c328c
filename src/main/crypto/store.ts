/**
 * The crypto domain's tables (migration 20261207T010000_crypto): wallets (public keys only), the
 * addresses handed out, chain configuration, settings, invoices, the payments the watchers showed
 * (by natural key) and crypto refunds. Amounts are decimal text in SQLite, bigint here.
 */
import { type Db } from '../kernel';
import { type InvoiceException, type InvoiceStatus, type InvoicePhase } from './lifecycle';
import { type ChainConfig, type WalletFamily } from './libs';
import { createRefundsStore } from './refundsStore';

export { type CryptoRefundRecord, type CryptoRefundStatus } from './refundsStore';

export interface WalletRecord {
  readonly id: string;
  readonly family: WalletFamily;
  readonly network: string;
  readonly publicKey: string;
  readonly label: string;
  readonly nextIndex: number;
  readonly createdAt: string;
}

export interface InvoiceRecord {
  readonly id: string;
  readonly paymentId: string | null;
  readonly orderId: string;
  readonly walletId: string;
  readonly addressIndex: number;
  readonly address: string;
  readonly chainKey: string;
  readonly asset: string;
  readonly tokenContract: string | null;
  readonly decimals: number;
  readonly amountUnits: bigint;
  readonly currency: string;
  readonly fiatAmountMinor: bigint;
  readonly rate: string;
  readonly rateSource: string;
  readonly uri: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly monitoringUntil: string;
  readonly confirmationsRequired: number;
  readonly toleranceBp: number;
  readonly fromHeight: number | null;
  readonly status: InvoiceStatus;
  readonly exception: InvoiceException | null;
  readonly phase: InvoicePhase;
  readonly paidUnits: bigint;
  readonly confirmations: number;
  readonly watching: boolean;
  readonly acceptedLate: boolean;
  readonly acceptedBy: string | null;
  readonly canceled: boolean;
  readonly settledAt: string | null;
  readonly updatedAt: string;
}

export interface InvoicePaymentRecord {
  readonly key: string;
  readonly invoiceId: string;
  readonly asset: string;
  readonly amountUnits: bigint;
  readonly txid: string | null;
  readonly blockHeight: number | null;
  readonly blockHash: string | null;
  readonly confirmations: number;
  readonly replaceable: boolean;
  readonly senders: readonly string[];
  readonly firstSeenAt: string;
  readonly goneAt: string | null;
}

type Row = Record<string, string | number | null>;
const s = (v: string | number | null | undefined): string => String(v);
const sn = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);
const n = (v: string | number | null | undefined): number => Number(v);

function walletOf(r: Row): WalletRecord {
  return {
    id: s(r.id),
    family: s(r.family) as WalletFamily,
    network: s(r.network),
    publicKey: s(r.public_key),
    label: s(r.label),
    nextIndex: n(r.next_index),
    createdAt: s(r.created_at),
  };
}

function invoiceOf(r: Row): InvoiceRecord {
  return {
    id: s(r.id),
    paymentId: sn(r.payment_id),
    orderId: s(r.order_id),
    walletId: s(r.wallet_id),
    addressIndex: n(r.address_index),
    address: s(r.address),
    chainKey: s(r.chain_key),
    asset: s(r.asset),
    tokenContract: sn(r.token_contract),
    decimals: n(r.decimals),
    amountUnits: BigInt(s(r.amount_units)),
    currency: s(r.currency),
    fiatAmountMinor: BigInt(s(r.fiat_amount_minor)),
    rate: s(r.rate),
    rateSource: s(r.rate_source),
    uri: s(r.uri),
    createdBy: s(r.created_by),
    createdAt: s(r.created_at),
    expiresAt: s(r.expires_at),
    monitoringUntil: s(r.monitoring_until),
    confirmationsRequired: n(r.confirmations_required),
    toleranceBp: n(r.tolerance_bp),
    fromHeight: r.from_height === null || r.from_height === undefined ? null : n(r.from_height),
    status: s(r.status) as InvoiceStatus,
    exception: sn(r.exception) as InvoiceException | null,
    phase: s(r.phase) as InvoicePhase,
    paidUnits: BigInt(s(r.paid_units)),
    confirmations: n(r.confirmations),
    watching: r.watching === 1,
    acceptedLate: r.accepted_late === 1,
    acceptedBy: sn(r.accepted_by),
    canceled: r.canceled === 1,
    settledAt: sn(r.settled_at),
    updatedAt: s(r.updated_at),
  };
}

function paymentOf(r: Row): InvoicePaymentRecord {
  return {
    key: s(r.payment_key),
    invoiceId: s(r.invoice_id),
    asset: s(r.asset),
    amountUnits: BigInt(s(r.amount_units)),
    txid: sn(r.txid),
    blockHeight: r.block_height === null || r.block_height === undefined ? null : n(r.block_height),
    blockHash: sn(r.block_hash),
    confirmations: n(r.confirmations),
    replaceable: r.replaceable === 1,
    senders: JSON.parse(s(r.senders)) as string[],
    firstSeenAt: s(r.first_seen_at),
    goneAt: sn(r.gone_at),
  };
}

export function createCryptoStore(db: Db) {
  const one = <T>(sql: string, map: (r: Row) => T, ...args: unknown[]): T | null => {
    const r = db.prepare(sql).get(...args) as Row | undefined;
    return r ? map(r) : null;
  };
  const all = <T>(sql: string, map: (r: Row) => T, ...args: unknown[]): T[] =>
    (db.prepare(sql).all(...args) as Row[]).map(map);

  return {
    // Wallets
    insertWallet(w: WalletRecord & { createdBy: string }) {
      db.prepare(
        `INSERT INTO crypto_wallets (id, family, network, public_key, label, next_index, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(w.id, w.family, w.network, w.publicKey, w.label, w.nextIndex, w.createdBy, w.createdAt);
    },
    wallet: (id: string) => one('SELECT * FROM crypto_wallets WHERE id = ?', walletOf, id),
    activeWallet: (family: WalletFamily, network: string) =>
      one(
        'SELECT * FROM crypto_wallets WHERE family = ? AND network = ? AND removed_at IS NULL',
        walletOf,
        family,
        network,
      ),
    wallets: () =>
      all('SELECT * FROM crypto_wallets WHERE removed_at IS NULL ORDER BY created_at, id', walletOf),
    removeWallet(id: string, at: string) {
      return db
        .prepare('UPDATE crypto_wallets SET removed_at = ? WHERE id = ? AND removed_at IS NULL')
        .run(at, id).changes;
    },
    setNextIndex(id: string, next: number) {
      db.prepare('UPDATE crypto_wallets SET next_index = ? WHERE id = ?').run(next, id);
    },
    recordAddress(
      walletId: string,
      index: number,
      address: string,
      used: boolean,
      invoiceId: string | null,
      at: string,
    ) {
      db.prepare(
        `INSERT INTO crypto_addresses (wallet_id, address_index, address, used, invoice_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (wallet_id, address_index) DO UPDATE SET used = excluded.used, invoice_id = excluded.invoice_id`,
      ).run(walletId, index, address, used ? 1 : 0, invoiceId, at);
    },
    /** Invoices of a wallet handed out after its last paid one that are still unpaid (for the gap limit). */
    unpaidSinceLastPaid(walletId: string): number {
      const last = db
        .prepare(`SELECT MAX(address_index) FROM crypto_invoices WHERE wallet_id = ? AND paid_units <> '0'`)
        .pluck()
        .get(walletId) as number | null;
      return db
        .prepare(
          `SELECT COUNT(*) FROM crypto_addresses WHERE wallet_id = ? AND address_index > ? AND invoice_id IS NOT NULL`,
        )
        .pluck()
        .get(walletId, last ?? -1) as number;
    },

    // Chains and settings
    chains: () =>
      all(
        'SELECT config FROM crypto_chains ORDER BY chain_key',
        (r) => JSON.parse(s(r.config)) as ChainConfig,
      ),
    saveChain(config: ChainConfig, by: string, at: string) {
      db.prepare(
        `INSERT INTO crypto_chains (chain_key, config, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (chain_key) DO UPDATE SET config = excluded.config, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at`,
      ).run(config.chainKey, JSON.stringify(config), by, at);
    },
    settingsJson: () =>
      db.prepare('SELECT config FROM crypto_settings WHERE id = 1').pluck().get() as string | undefined,
    saveSettingsJson(json: string, at: string) {
      db.prepare(
        `INSERT INTO crypto_settings (id, config, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
      ).run(json, at);
    },

    // Invoices
    insertInvoice(i: InvoiceRecord) {
      db.prepare(
        `INSERT INTO crypto_invoices (id, payment_id, order_id, wallet_id, address_index, address, chain_key, asset,
           token_contract, decimals, amount_units, currency, fiat_amount_minor, rate, rate_source, uri, created_by,
           created_at, expires_at, monitoring_until, confirmations_required, tolerance_bp, from_height, status,
           exception, phase, paid_units, confirmations, watching, accepted_late, accepted_by, canceled, settled_at,
           updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        i.id,
        i.paymentId,
        i.orderId,
        i.walletId,
        i.addressIndex,
        i.address,
        i.chainKey,
        i.asset,
        i.tokenContract,
        i.decimals,
        i.amountUnits.toString(),
        i.currency,
        i.fiatAmountMinor.toString(),
        i.rate,
        i.rateSource,
        i.uri,
        i.createdBy,
        i.createdAt,
        i.expiresAt,
        i.monitoringUntil,
        i.confirmationsRequired,
        i.toleranceBp,
        i.fromHeight,
        i.status,
        i.exception,
        i.phase,
        i.paidUnits.toString(),
        i.confirmations,
        i.watching ? 1 : 0,
        i.acceptedLate ? 1 : 0,
        i.acceptedBy,
        i.canceled ? 1 : 0,
        i.settledAt,
        i.updatedAt,
      );
    },
    invoice: (id: string) => one('SELECT * FROM crypto_invoices WHERE id = ?', invoiceOf, id),
    invoiceOfPayment: (paymentId: string) =>
      one('SELECT * FROM crypto_invoices WHERE payment_id = ?', invoiceOf, paymentId),
    invoicesAt: (chainKey: string, address: string) =>
      all(
        'SELECT * FROM crypto_invoices WHERE chain_key = ? AND address = ? ORDER BY created_at',
        invoiceOf,
        chainKey,
        address,
      ),
    watchingInvoices: () => all('SELECT * FROM crypto_invoices WHERE watching = 1', invoiceOf),
    invoices(options: { before?: string | undefined; limit: number; orderId?: string | undefined }) {
      return all(
        `SELECT * FROM crypto_invoices WHERE (? IS NULL OR created_at < ?) AND (? IS NULL OR order_id = ?)
         ORDER BY created_at DESC, id DESC LIMIT ?`,
        invoiceOf,
        options.before ?? null,
        options.before ?? null,
        options.orderId ?? null,
        options.orderId ?? null,
        options.limit,
      );
    },
    updateInvoiceState(
      id: string,
      state: {
        status: InvoiceStatus;
        exception: InvoiceException | null;
        phase: InvoicePhase;
        paidUnits: bigint;
        confirmations: number;
        watching: boolean;
        settledAt: string | null;
      },
      at: string,
    ) {
      db.prepare(
        `UPDATE crypto_invoices SET status = ?, exception = ?, phase = ?, paid_units = ?, confirmations = ?,
           watching = ?, settled_at = COALESCE(settled_at, ?), updated_at = ? WHERE id = ?`,
      ).run(
        state.status,
        state.exception,
        state.phase,
        state.paidUnits.toString(),
        state.confirmations,
        state.watching ? 1 : 0,
        state.settledAt,
        at,
        id,
      );
    },
    /** Demo mode's late payment: the invoice expires now. */
    expireNow(id: string, at: string) {
      db.prepare('UPDATE crypto_invoices SET expires_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
    },
    markCanceled(id: string, at: string) {
      db.prepare('UPDATE crypto_invoices SET canceled = 1, updated_at = ? WHERE id = ?').run(at, id);
    },
    markAcceptedLate(id: string, by: string, paymentId: string | null, at: string) {
      db.prepare(
        `UPDATE crypto_invoices SET accepted_late = 1, accepted_by = ?, payment_id = COALESCE(?, payment_id),
           updated_at = ? WHERE id = ?`,
      ).run(by, paymentId, at, id);
    },

    // Payments seen
    invoicePayments: (invoiceId: string) =>
      all(
        'SELECT * FROM crypto_invoice_payments WHERE invoice_id = ? ORDER BY first_seen_at, payment_key',
        paymentOf,
        invoiceId,
      ),
    paymentByKey: (key: string) =>
      one('SELECT * FROM crypto_invoice_payments WHERE payment_key = ?', paymentOf, key),
    upsertPayment(p: Omit<InvoicePaymentRecord, 'goneAt'>, at: string) {
      db.prepare(
        `INSERT INTO crypto_invoice_payments (payment_key, invoice_id, asset, amount_units, txid, block_height,
           block_hash, confirmations, replaceable, senders, first_seen_at, gone_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
         ON CONFLICT (payment_key) DO UPDATE SET block_height = excluded.block_height,
           block_hash = excluded.block_hash, confirmations = excluded.confirmations,
           replaceable = excluded.replaceable, gone_at = NULL, updated_at = excluded.updated_at
         WHERE crypto_invoice_payments.invoice_id = excluded.invoice_id`,
      ).run(
        p.key,
        p.invoiceId,
        p.asset,
        p.amountUnits.toString(),
        p.txid,
        p.blockHeight,
        p.blockHash,
        p.confirmations,
        p.replaceable ? 1 : 0,
        JSON.stringify(p.senders),
        p.firstSeenAt,
        at,
      );
    },
    markPaymentGone(key: string, at: string) {
      db.prepare(
        'UPDATE crypto_invoice_payments SET gone_at = ?, updated_at = ? WHERE payment_key = ? AND gone_at IS NULL',
      ).run(at, at, key);
    },

    ...createRefundsStore(db),
  };
}

export type CryptoStore = ReturnType<typeof createCryptoStore>;
