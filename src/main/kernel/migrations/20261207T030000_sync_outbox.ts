import { type Migration } from '../migrate';

/**
 * The sync outbox (owned by src/main/sync).
 *
 * - sync_outbox: every change the central database must see, appended by triggers in the same SQLite
 *   transaction as the change itself, so no domain can forget it and a rolled-back change leaves
 *   nothing behind. `seq` is AUTOINCREMENT: strictly increasing and never reused, also after the
 *   confirmed rows are pruned, and a rolled-back transaction gives its numbers back (no gap).
 *   `payload` is the row as JSON (amounts stay TEXT: bigint-safe); a ledger transfer names its
 *   accounts by their public id (the local `seq` means nothing to another till).
 * - sync_state: the push checkpoint (`confirmed_seq`, the last seq the central database confirmed)
 *   and the pull cursor (the central change number last applied).
 * - sync_coin_allowances: the coins each customer may spend at this till without asking the central
 *   database (leased from it); a `coins_spent` transfer consumes it in its own transaction and is
 *   refused when short, while the rule is on (`sync_state.coin_rule_on`, set when sync is configured).
 *   See docs/ARCHITECTURE.md, "Sync: the coin rule".
 */
interface OutboxTable {
  readonly table: string;
  /** SQL expression of the row's own id, over NEW. */
  readonly key: string;
  /** json_object arguments (without the outer call), over NEW. */
  readonly payload: string;
  readonly updates: boolean;
}

function columns(names: string): string {
  return names
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => `'${name}', NEW.${name}`)
    .join(', ');
}

const tables: readonly OutboxTable[] = [
  {
    table: 'ledger_accounts',
    key: 'NEW.id',
    payload: columns('id asset code ref flags created_at'),
    updates: false,
  },
  {
    table: 'ledger_transfers',
    key: 'NEW.id',
    payload:
      columns('id kind amount asset code ref external_key staff_id memo pending_id pending_amount') +
      ", 'debit_account', (SELECT id FROM ledger_accounts WHERE seq = NEW.debit_account)" +
      ", 'credit_account', (SELECT id FROM ledger_accounts WHERE seq = NEW.credit_account), " +
      columns('timeout_ms expires_at reverses_id timestamp'),
    updates: false,
  },
  {
    table: 'orders',
    key: 'NEW.id',
    payload: columns(
      `id number status shift_id created_by currency discount discount_approved_by tip note created_at
       updated_at paid_at paid_shift_id voided_at voided_by voided_shift_id void_reason void_approved_by
       subtotal discount_total tax_total tip_total total cash_rounding revenue`,
    ),
    updates: true,
  },
  {
    table: 'order_lines',
    key: 'NEW.id',
    payload: columns(
      `id order_id variant_id name sku unit_price quantity tax_class_id tax_rates track_stock discount
       discount_approved_by sort created_at updated_at`,
    ),
    updates: true,
  },
  {
    table: 'payments',
    key: 'NEW.id',
    payload: columns(
      `id order_id kind status currency amount tendered change rounding settles refunded external_id
       external_ref transfer_id post_transfer_id void_transfer_id message created_by shift_id
       settled_shift_id carried expires_at created_at updated_at voided_at voided_shift_id`,
    ),
    updates: true,
  },
  {
    table: 'refunds',
    key: 'NEW.id',
    payload: columns(
      `id order_id lines net tax tip rounding amount complete reason approved_by created_by shift_id tender
       tenders created_at status updated_at purpose`,
    ),
    updates: true,
  },
  {
    table: 'refund_shares',
    key: 'NEW.id',
    payload: columns(
      'id refund_id payment_id kind amount status transfer_id resolve_transfer_id external_id message position created_at updated_at',
    ),
    updates: true,
  },
  {
    table: 'shifts',
    key: 'NEW.id',
    payload: columns(
      `id till_id number status currency opened_by opened_at opening_float opening_counts closing_started_by
       closing_started_at closed_by closed_at closing_counts counted_total expected_cash difference note`,
    ),
    updates: true,
  },
  {
    table: 'shift_cash_movements',
    key: 'NEW.id',
    payload: columns('id shift_id kind amount reason staff_id approved_by at'),
    updates: false,
  },
  {
    table: 'drawer_no_sales',
    key: 'NEW.id',
    payload: columns('id shift_id staff_id approved_by reason at'),
    updates: false,
  },
  {
    table: 'customers',
    key: 'NEW.id',
    payload: columns(
      'id code name phone email notes merged_into erased_at coins_active_at created_by created_at updated_at',
    ),
    updates: true,
  },
  {
    table: 'order_customers',
    key: 'NEW.order_id',
    payload: columns('order_id customer_id set_by set_at'),
    updates: true,
  },
  {
    table: 'coin_topups',
    key: 'NEW.line_id',
    payload: columns('line_id order_id customer_id package_id coins bonus posted_at created_at'),
    updates: true,
  },
  {
    table: 'coin_payments',
    key: 'NEW.payment_id',
    payload: columns('payment_id order_id customer_id coins amount coins_back created_at'),
    updates: true,
  },
  {
    table: 'coin_gifts',
    key: 'NEW.id',
    payload: columns('id kind from_customer to_customer coins message transfer_id created_by created_at'),
    updates: false,
  },
  {
    table: 'catalog_stock_movements',
    key: 'NEW.id',
    payload: columns('id variant_id delta reason ref note staff_id on_hand_after at'),
    updates: false,
  },
  {
    table: 'sync_coin_allowances',
    key: 'NEW.customer_id',
    payload: columns('customer_id granted_units spent_units updated_at'),
    updates: true,
  },
];

const now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/**
 * The coin rule, in the ledger transfer's own trigger so its order is fixed: refuse a debit of a
 * customer's coins beyond this till's allowance, write the transfer's outbox row, then the allowance's
 * (so the central database never sees the allowance spent before the coins leave the balance). Coin
 * expiry is not held to it (the till's own clean-up, never a customer's spend).
 */
const coinDebit = `(SELECT coin_rule_on FROM sync_state WHERE id = 1) = 1 AND NEW.asset = 'COIN'
        AND NEW.kind IN ('single', 'pending') AND NEW.code <> 'coins_expired'`;
const coinCustomer = `(SELECT ref FROM ledger_accounts WHERE seq = NEW.debit_account AND code = 'coins_customer')`;
const coinRuleBefore = `
      SELECT RAISE(ABORT, 'tillpoint:insufficient_funds: coin_allowance_short: this till may spend only the coins the central database set aside for it, and this needs more; try again once the till is back online (Settings › Sync)')
      WHERE ${coinDebit} AND ${coinCustomer} IS NOT NULL
        AND COALESCE((SELECT granted_units - spent_units FROM sync_coin_allowances WHERE customer_id = ${coinCustomer}), 0)
          < CAST(NEW.amount AS INTEGER);`;
const coinRuleAfter = `
      UPDATE sync_coin_allowances SET spent_units = spent_units + CAST(NEW.amount AS INTEGER), updated_at = ${now}
      WHERE ${coinDebit} AND customer_id = ${coinCustomer};`;

function triggersOf(spec: OutboxTable): string {
  const ledger = spec.table === 'ledger_transfers';
  const body = (op: string) => `
    BEGIN${ledger ? coinRuleBefore : ''}
      INSERT INTO sync_outbox (table_name, row_id, op, payload, committed_at)
      VALUES ('${spec.table}', ${spec.key}, '${op}', json_object(${spec.payload}), ${now});${ledger ? coinRuleAfter : ''}
    END;`;
  return (
    `CREATE TRIGGER sync_outbox_${spec.table}_insert AFTER INSERT ON ${spec.table}${body('insert')}` +
    (spec.updates
      ? `\n    CREATE TRIGGER sync_outbox_${spec.table}_update AFTER UPDATE ON ${spec.table}${body('update')}`
      : '')
  );
}

/** Rows written before sync existed go into the outbox once, oldest first (ledger order for transfers). */
function backfillOf(spec: OutboxTable): string {
  const payload = spec.payload.replace(/NEW\./g, 't.');
  const key = spec.key.replace(/NEW\./g, 't.');
  const order = spec.table.startsWith('ledger_') ? 'ORDER BY t.seq' : 'ORDER BY t.rowid';
  return `INSERT INTO sync_outbox (table_name, row_id, op, payload, committed_at)
    SELECT '${spec.table}', ${key}, 'insert', json_object(${payload}), ${now} FROM ${spec.table} AS t ${order};`;
}

export const migration: Migration = {
  id: '20261207T030000_sync_outbox',
  sql: `
    CREATE TABLE sync_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('insert', 'update')),
      payload TEXT NOT NULL,
      committed_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      confirmed_seq INTEGER NOT NULL DEFAULT 0,
      pull_cursor TEXT NOT NULL DEFAULT '0:0',
      coin_rule_on INTEGER NOT NULL DEFAULT 0 CHECK (coin_rule_on IN (0, 1)),
      updated_at TEXT
    ) STRICT;
    INSERT INTO sync_state (id) VALUES (1);

    CREATE TABLE sync_coin_allowances (
      customer_id TEXT PRIMARY KEY,
      granted_units INTEGER NOT NULL DEFAULT 0 CHECK (granted_units >= 0),
      spent_units INTEGER NOT NULL DEFAULT 0 CHECK (spent_units >= 0),
      updated_at TEXT NOT NULL,
      CHECK (spent_units <= granted_units)
    ) STRICT;

    ${tables.map(backfillOf).join('\n    ')}

    ${tables.map(triggersOf).join('\n    ')}

  `,
};
