import { type Migration } from '../migrate';

/**
 * The double-entry ledger (owned by src/main/ledger, the only code that writes these tables).
 * Amounts and balances are TEXT decimal strings of minor units, never INTEGER: ETH in wei passes
 * 2^63 at 9.2 ETH. All arithmetic happens in JS bigint.
 *
 * - ledger_accounts: one row per (asset, code, ref); only the four balances ever change. `id` is
 *   the account's public id; `seq` its compact key inside the ledger's tables.
 * - ledger_transfers: immutable; `seq` is the total order and `timestamp` (ISO, microseconds)
 *   strictly increases with it. Accounts are named by `seq` (a transfer row and its per-account
 *   index entries stay small: fewer pages written per commit). `kind` is single (posted at once), pending, post_pending,
 *   void_pending or expire_pending; the last three name their pending transfer in `pending_id`
 *   (unique: a pending transfer is resolved once) and carry its amount in `pending_amount`.
 * - ledger_pending_timeouts: the pending transfers with a timeout that are still unresolved.
 */
export const migration: Migration = {
  id: '20261121T000100_ledger',
  sql: `
    CREATE TABLE ledger_accounts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      asset TEXT NOT NULL,
      code TEXT NOT NULL,
      ref TEXT NOT NULL,
      flags INTEGER NOT NULL CHECK (flags IN (0, 1, 2)),
      created_at TEXT NOT NULL,
      debits_pending TEXT NOT NULL DEFAULT '0',
      debits_posted TEXT NOT NULL DEFAULT '0',
      credits_pending TEXT NOT NULL DEFAULT '0',
      credits_posted TEXT NOT NULL DEFAULT '0',
      UNIQUE (asset, code, ref)
    ) STRICT;
    CREATE INDEX ledger_accounts_code ON ledger_accounts (code, ref);
    CREATE TRIGGER ledger_accounts_fixed BEFORE UPDATE OF seq, id, asset, code, ref, flags, created_at ON ledger_accounts
    BEGIN
      SELECT RAISE(ABORT, 'ledger accounts cannot change: only their balances move');
    END;
    CREATE TRIGGER ledger_accounts_no_delete BEFORE DELETE ON ledger_accounts
    BEGIN
      SELECT RAISE(ABORT, 'ledger accounts cannot be deleted');
    END;

    CREATE TABLE ledger_transfers (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL CHECK (kind IN ('single', 'pending', 'post_pending', 'void_pending', 'expire_pending')),
      debit_account INTEGER NOT NULL REFERENCES ledger_accounts (seq),
      credit_account INTEGER NOT NULL REFERENCES ledger_accounts (seq),
      amount TEXT NOT NULL,
      asset TEXT NOT NULL,
      code TEXT NOT NULL,
      ref TEXT NOT NULL,
      external_key TEXT,
      staff_id TEXT,
      memo TEXT,
      pending_id TEXT,
      pending_amount TEXT,
      timeout_ms INTEGER,
      expires_at TEXT,
      reverses_id TEXT,
      timestamp TEXT NOT NULL,
      CHECK (debit_account <> credit_account),
      CHECK ((pending_id IS NULL) = (kind IN ('single', 'pending')))
    ) STRICT;
    CREATE UNIQUE INDEX ledger_transfers_external_key ON ledger_transfers (external_key) WHERE external_key IS NOT NULL;
    CREATE UNIQUE INDEX ledger_transfers_pending_id ON ledger_transfers (pending_id) WHERE pending_id IS NOT NULL;
    CREATE UNIQUE INDEX ledger_transfers_reverses_id ON ledger_transfers (reverses_id) WHERE reverses_id IS NOT NULL;
    CREATE INDEX ledger_transfers_debit ON ledger_transfers (debit_account, seq);
    CREATE INDEX ledger_transfers_credit ON ledger_transfers (credit_account, seq);
    CREATE INDEX ledger_transfers_ref ON ledger_transfers (ref);
    CREATE TRIGGER ledger_transfers_no_update BEFORE UPDATE ON ledger_transfers
    BEGIN
      SELECT RAISE(ABORT, 'ledger transfers are immutable: correct a mistake with a reversing transfer');
    END;
    CREATE TRIGGER ledger_transfers_no_delete BEFORE DELETE ON ledger_transfers
    BEGIN
      SELECT RAISE(ABORT, 'ledger transfers are immutable: correct a mistake with a reversing transfer');
    END;

    CREATE TABLE ledger_pending_timeouts (
      transfer_id TEXT PRIMARY KEY REFERENCES ledger_transfers (id),
      expires_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX ledger_pending_timeouts_expires ON ledger_pending_timeouts (expires_at);
  `,
};
