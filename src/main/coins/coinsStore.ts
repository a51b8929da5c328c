/** The coins tables: rows in and out (coin_settings, coin_packages, coin_topups, coin_payments, coin_gifts). */
import { type Db } from '../kernel';

export interface CoinSettings {
  readonly coinValueMinor: bigint;
  readonly expiryMonths: number | null;
}

export function readCoinSettings(db: Db): CoinSettings {
  const row = db.prepare('SELECT coin_value_minor, expiry_months FROM coin_settings WHERE id = 1').get() as
    { coin_value_minor: string; expiry_months: number | null } | undefined;
  return row
    ? { coinValueMinor: BigInt(row.coin_value_minor), expiryMonths: row.expiry_months }
    : { coinValueMinor: 1n, expiryMonths: null };
}

/** Writes the settings; returns true when the row was new (the first start of the store). */
export function writeCoinSettings(
  db: Db,
  settings: CoinSettings,
  at: string,
  onlyIfMissing = false,
): boolean {
  const sql = onlyIfMissing
    ? 'INSERT OR IGNORE INTO coin_settings (id, coin_value_minor, expiry_months, updated_at) VALUES (1, ?, ?, ?)'
    : `INSERT INTO coin_settings (id, coin_value_minor, expiry_months, updated_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET coin_value_minor = excluded.coin_value_minor,
         expiry_months = excluded.expiry_months, updated_at = excluded.updated_at`;
  return db.prepare(sql).run(settings.coinValueMinor.toString(), settings.expiryMonths, at).changes > 0;
}

export interface PackageRecord {
  readonly id: string;
  readonly name: string;
  readonly coins: bigint;
  readonly bonusPercent: string;
  readonly prices: Readonly<Record<string, bigint>>;
  readonly active: boolean;
  readonly sort: number;
}

interface PackageRow {
  id: string;
  name: string;
  coins: string;
  bonus_percent: string;
  prices: string;
  active: number;
  sort: number;
}

function packageOf(row: PackageRow): PackageRecord {
  const prices = JSON.parse(row.prices) as Record<string, string>;
  return {
    id: row.id,
    name: row.name,
    coins: BigInt(row.coins),
    bonusPercent: row.bonus_percent,
    prices: Object.fromEntries(
      Object.entries(prices).map(([currency, amount]) => [currency, BigInt(amount)]),
    ),
    active: row.active === 1,
    sort: row.sort,
  };
}

export function listPackages(db: Db, all: boolean): PackageRecord[] {
  const rows = db
    .prepare(`SELECT * FROM coin_packages ${all ? '' : 'WHERE active = 1'} ORDER BY sort, id`)
    .all() as PackageRow[];
  return rows.map(packageOf);
}

export function getPackage(db: Db, id: string): PackageRecord | null {
  const row = db.prepare('SELECT * FROM coin_packages WHERE id = ?').get(id) as PackageRow | undefined;
  return row ? packageOf(row) : null;
}

export function savePackageRow(db: Db, p: PackageRecord, at: string): void {
  const prices = JSON.stringify(
    Object.fromEntries(Object.entries(p.prices).map(([currency, amount]) => [currency, amount.toString()])),
  );
  db.prepare(
    `INSERT INTO coin_packages (id, name, coins, bonus_percent, prices, active, sort, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, coins = excluded.coins,
       bonus_percent = excluded.bonus_percent, prices = excluded.prices, active = excluded.active,
       updated_at = excluded.updated_at`,
  ).run(p.id, p.name, p.coins.toString(), p.bonusPercent, prices, p.active ? 1 : 0, p.sort, at, at);
}

export function nextPackageSort(db: Db): number {
  const row = db.prepare('SELECT COALESCE(MAX(sort), 0) + 1 AS next FROM coin_packages').get() as {
    next: number;
  };
  return row.next;
}

export interface TopUpRecord {
  readonly lineId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly packageId: string;
  /** Per unit of the line. */
  readonly coins: bigint;
  readonly bonus: bigint;
  readonly postedAt: string | null;
}

export function insertTopUp(db: Db, t: TopUpRecord, at: string): void {
  db.prepare(
    `INSERT INTO coin_topups (line_id, order_id, customer_id, package_id, coins, bonus, posted_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
  ).run(t.lineId, t.orderId, t.customerId, t.packageId, t.coins.toString(), t.bonus.toString(), at);
}

export function topUpsOfOrder(db: Db, orderId: string): TopUpRecord[] {
  const rows = db.prepare('SELECT * FROM coin_topups WHERE order_id = ?').all(orderId) as {
    line_id: string;
    order_id: string;
    customer_id: string;
    package_id: string;
    coins: string;
    bonus: string;
    posted_at: string | null;
  }[];
  return rows.map((r) => ({
    lineId: r.line_id,
    orderId: r.order_id,
    customerId: r.customer_id,
    packageId: r.package_id,
    coins: BigInt(r.coins),
    bonus: BigInt(r.bonus),
    postedAt: r.posted_at,
  }));
}

export function markTopUpPosted(db: Db, lineId: string, at: string): void {
  db.prepare('UPDATE coin_topups SET posted_at = ? WHERE line_id = ?').run(at, lineId);
}

export interface CoinPaymentRecord {
  readonly paymentId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly coins: bigint;
  readonly amountMinor: bigint;
  readonly coinsBack: bigint;
}

export function insertCoinPayment(db: Db, p: Omit<CoinPaymentRecord, 'coinsBack'>, at: string): void {
  db.prepare(
    `INSERT INTO coin_payments (payment_id, order_id, customer_id, coins, amount, coins_back, created_at)
     VALUES (?, ?, ?, ?, ?, '0', ?)`,
  ).run(p.paymentId, p.orderId, p.customerId, p.coins.toString(), p.amountMinor.toString(), at);
}

export function getCoinPayment(db: Db, paymentId: string): CoinPaymentRecord | null {
  const r = db.prepare('SELECT * FROM coin_payments WHERE payment_id = ?').get(paymentId) as
    | {
        payment_id: string;
        order_id: string;
        customer_id: string;
        coins: string;
        amount: string;
        coins_back: string;
      }
    | undefined;
  return r
    ? {
        paymentId: r.payment_id,
        orderId: r.order_id,
        customerId: r.customer_id,
        coins: BigInt(r.coins),
        amountMinor: BigInt(r.amount),
        coinsBack: BigInt(r.coins_back),
      }
    : null;
}

export function addCoinsBack(db: Db, paymentId: string, coins: bigint): void {
  const row = getCoinPayment(db, paymentId);
  if (!row) return;
  db.prepare('UPDATE coin_payments SET coins_back = ? WHERE payment_id = ?').run(
    (row.coinsBack + coins).toString(),
    paymentId,
  );
}

export function insertGift(
  db: Db,
  g: {
    id: string;
    kind: 'gift' | 'tip';
    from: string;
    to: string;
    coins: bigint;
    message: string;
    transferId: string;
    staffId: string;
  },
  at: string,
): void {
  db.prepare(
    `INSERT INTO coin_gifts (id, kind, from_customer, to_customer, coins, message, transfer_id, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(g.id, g.kind, g.from, g.to, g.coins.toString(), g.message, g.transferId, g.staffId, at);
}

export function giftsOf(db: Db, customerId: string): Record<string, unknown>[] {
  return db
    .prepare(
      `SELECT id, kind, from_customer AS fromCustomer, to_customer AS toCustomer, coins, message, created_at AS createdAt
       FROM coin_gifts WHERE from_customer = ? OR to_customer = ? ORDER BY created_at`,
    )
    .all(customerId, customerId) as Record<string, unknown>[];
}

/** After a merge: what a duplicate's top-ups and coin payments will credit goes to the kept customer. */
export function moveCoinRows(db: Db, fromId: string, toId: string): void {
  db.prepare('UPDATE coin_topups SET customer_id = ? WHERE customer_id = ?').run(toId, fromId);
  db.prepare('UPDATE coin_payments SET customer_id = ? WHERE customer_id = ?').run(toId, fromId);
}

/** Customers whose last top-up or gift received is before `cutoff` (the expiry's candidates). */
export function inactiveCustomers(db: Db, cutoffIso: string): string[] {
  return (
    db
      .prepare(
        'SELECT id FROM customers WHERE coins_active_at IS NOT NULL AND coins_active_at < ? ORDER BY id',
      )
      .all(cutoffIso) as { id: string }[]
  ).map((r) => r.id);
}
