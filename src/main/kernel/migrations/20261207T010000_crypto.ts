import { type Migration } from '../migrate';

/**
 * Crypto invoices (owned by src/main/crypto). Watch-only: a wallet holds an extended PUBLIC key only.
 *
 * - crypto_wallets: a family (bitcoin, evm), its network (bitcoin: mainnet/testnet/signet/regtest;
 *   evm: `evm`, one key for every EVM chain), the public key as pasted (normalised), the next receive
 *   index, a label; removed wallets keep their row (their invoices point at them).
 * - crypto_addresses: every address handed out (wallet, index), skipped ones marked `used`.
 * - crypto_chains: the configuration of each chain the till watches (`btc:mainnet`, `evm:137`), JSON.
 * - crypto_settings: the store's crypto settings (expiry, monitoring window, tolerance, QR, auto print,
 *   rates), one JSON row.
 * - crypto_invoices: one per crypto payment: address, asset, chain, token contract, amount in the
 *   asset's units (decimal text), the locked rate, the fiat amount, expiry, status and exception.
 * - crypto_invoice_payments: the payments the watchers showed, by natural key (unique, so a replay
 *   credits nothing twice); `gone_at` when the chain took one back.
 * - crypto_refunds: money a manager sends back (over, late, partial payments, order refunds).
 */
export const migration: Migration = {
  id: '20261207T010000_crypto',
  sql: `
    CREATE TABLE crypto_wallets (
      id TEXT PRIMARY KEY,
      family TEXT NOT NULL CHECK (family IN ('bitcoin', 'evm')),
      network TEXT NOT NULL,
      public_key TEXT NOT NULL,
      label TEXT NOT NULL,
      next_index INTEGER NOT NULL DEFAULT 0 CHECK (next_index >= 0),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      removed_at TEXT
    ) STRICT;
    CREATE UNIQUE INDEX crypto_wallets_active ON crypto_wallets (family, network) WHERE removed_at IS NULL;

    CREATE TABLE crypto_addresses (
      wallet_id TEXT NOT NULL REFERENCES crypto_wallets (id),
      address_index INTEGER NOT NULL,
      address TEXT NOT NULL,
      used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1)),
      invoice_id TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (wallet_id, address_index)
    ) STRICT;

    CREATE TABLE crypto_chains (
      chain_key TEXT PRIMARY KEY,
      config TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE crypto_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      config TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE crypto_invoices (
      id TEXT PRIMARY KEY,
      payment_id TEXT UNIQUE,
      order_id TEXT NOT NULL,
      wallet_id TEXT NOT NULL REFERENCES crypto_wallets (id),
      address_index INTEGER NOT NULL,
      address TEXT NOT NULL,
      chain_key TEXT NOT NULL,
      asset TEXT NOT NULL,
      token_contract TEXT,
      decimals INTEGER NOT NULL,
      amount_units TEXT NOT NULL,
      currency TEXT NOT NULL,
      fiat_amount_minor TEXT NOT NULL,
      rate TEXT NOT NULL,
      rate_source TEXT NOT NULL,
      uri TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      monitoring_until TEXT NOT NULL,
      confirmations_required INTEGER NOT NULL,
      tolerance_bp INTEGER NOT NULL,
      from_height INTEGER,
      status TEXT NOT NULL CHECK (status IN ('new', 'processing', 'settled', 'expired', 'invalid')),
      exception TEXT CHECK (exception IN ('paid_partial', 'paid_over', 'paid_late')),
      phase TEXT NOT NULL,
      paid_units TEXT NOT NULL DEFAULT '0',
      confirmations INTEGER NOT NULL DEFAULT 0,
      watching INTEGER NOT NULL DEFAULT 1 CHECK (watching IN (0, 1)),
      accepted_late INTEGER NOT NULL DEFAULT 0 CHECK (accepted_late IN (0, 1)),
      accepted_by TEXT,
      canceled INTEGER NOT NULL DEFAULT 0 CHECK (canceled IN (0, 1)),
      settled_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX crypto_invoices_address ON crypto_invoices (chain_key, address);
    CREATE INDEX crypto_invoices_watching ON crypto_invoices (watching) WHERE watching = 1;
    CREATE INDEX crypto_invoices_order ON crypto_invoices (order_id);
    CREATE INDEX crypto_invoices_created ON crypto_invoices (created_at);

    CREATE TABLE crypto_invoice_payments (
      payment_key TEXT PRIMARY KEY,
      invoice_id TEXT NOT NULL REFERENCES crypto_invoices (id),
      asset TEXT NOT NULL,
      amount_units TEXT NOT NULL,
      txid TEXT,
      block_height INTEGER,
      block_hash TEXT,
      confirmations INTEGER NOT NULL,
      replaceable INTEGER NOT NULL CHECK (replaceable IN (0, 1)),
      senders TEXT NOT NULL,
      first_seen_at TEXT NOT NULL,
      gone_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX crypto_invoice_payments_invoice ON crypto_invoice_payments (invoice_id);

    CREATE TABLE crypto_refunds (
      id TEXT PRIMARY KEY,
      invoice_id TEXT NOT NULL REFERENCES crypto_invoices (id),
      share_id TEXT UNIQUE,
      chain_key TEXT NOT NULL,
      asset TEXT NOT NULL,
      token_contract TEXT,
      amount_units TEXT NOT NULL,
      address TEXT,
      reason TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('needs_address', 'to_send', 'done')),
      txid TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      done_at TEXT,
      done_by TEXT
    ) STRICT;
    CREATE INDEX crypto_refunds_invoice ON crypto_refunds (invoice_id);
  `,
};
