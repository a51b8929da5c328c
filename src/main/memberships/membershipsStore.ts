/** The memberships tables: rows in and out. */
import { type Db } from '../kernel';

export interface TierRecord {
  readonly id: string;
  readonly name: string;
  readonly discountPercent: string;
  readonly periodMonths: number;
  readonly prices: Readonly<Record<string, bigint>>;
  readonly coinPrice: bigint | null;
  readonly active: boolean;
}

interface TierRow {
  id: string;
  name: string;
  discount_percent: string;
  period_months: number;
  prices: string;
  coin_price: string | null;
  active: number;
}

function tierOf(r: TierRow): TierRecord {
  const prices = JSON.parse(r.prices) as Record<string, string>;
  return {
    id: r.id,
    name: r.name,
    discountPercent: r.discount_percent,
    periodMonths: r.period_months,
    prices: Object.fromEntries(Object.entries(prices).map(([c, a]) => [c, BigInt(a)])),
    coinPrice: r.coin_price === null ? null : BigInt(r.coin_price),
    active: r.active === 1,
  };
}

export function getTier(db: Db, id: string): TierRecord | null {
  const row = db.prepare('SELECT * FROM membership_tiers WHERE id = ?').get(id) as TierRow | undefined;
  return row ? tierOf(row) : null;
}

export function listTiers(db: Db, all: boolean): TierRecord[] {
  const rows = db
    .prepare(`SELECT * FROM membership_tiers ${all ? '' : 'WHERE active = 1'} ORDER BY created_at, id`)
    .all() as TierRow[];
  return rows.map(tierOf);
}

export function countTiers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM membership_tiers').get() as { n: number }).n;
}

export function saveTierRow(db: Db, t: TierRecord, at: string): void {
  const prices = JSON.stringify(
    Object.fromEntries(Object.entries(t.prices).map(([c, a]) => [c, a.toString()])),
  );
  db.prepare(
    `INSERT INTO membership_tiers (id, name, discount_percent, period_months, prices, coin_price, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, discount_percent = excluded.discount_percent,
       period_months = excluded.period_months, prices = excluded.prices, coin_price = excluded.coin_price,
       active = excluded.active, updated_at = excluded.updated_at`,
  ).run(
    t.id,
    t.name,
    t.discountPercent,
    t.periodMonths,
    prices,
    t.coinPrice?.toString() ?? null,
    t.active ? 1 : 0,
    at,
    at,
  );
}

export interface MembershipRecord {
  readonly customerId: string;
  readonly tierId: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly autoRenew: boolean;
  readonly source: 'sale' | 'coins';
}

interface MembershipRow {
  customer_id: string;
  tier_id: string;
  valid_from: string;
  valid_until: string;
  auto_renew: number;
  source: 'sale' | 'coins';
}

const membershipOf = (r: MembershipRow): MembershipRecord => ({
  customerId: r.customer_id,
  tierId: r.tier_id,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  autoRenew: r.auto_renew === 1,
  source: r.source,
});

export function getMembership(db: Db, customerId: string): MembershipRecord | null {
  const row = db.prepare('SELECT * FROM memberships WHERE customer_id = ?').get(customerId) as
    MembershipRow | undefined;
  return row ? membershipOf(row) : null;
}

export function writeMembership(db: Db, m: MembershipRecord, at: string): void {
  db.prepare(
    `INSERT INTO memberships (customer_id, tier_id, valid_from, valid_until, auto_renew, source, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (customer_id) DO UPDATE SET tier_id = excluded.tier_id, valid_from = excluded.valid_from,
       valid_until = excluded.valid_until, auto_renew = excluded.auto_renew, source = excluded.source,
       updated_at = excluded.updated_at`,
  ).run(m.customerId, m.tierId, m.validFrom, m.validUntil, m.autoRenew ? 1 : 0, m.source, at);
}

export function dueForRenewal(db: Db, nowIso: string): MembershipRecord[] {
  return (
    db
      .prepare('SELECT * FROM memberships WHERE auto_renew = 1 AND valid_until <= ? ORDER BY valid_until')
      .all(nowIso) as MembershipRow[]
  ).map(membershipOf);
}

export interface MembershipSaleRecord {
  readonly lineId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly tierId: string;
  readonly appliedAt: string | null;
}

export function insertMembershipSale(db: Db, s: Omit<MembershipSaleRecord, 'appliedAt'>, at: string): void {
  db.prepare(
    'INSERT INTO membership_sales (line_id, order_id, customer_id, tier_id, applied_at, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
  ).run(s.lineId, s.orderId, s.customerId, s.tierId, at);
}

export function salesOfOrder(db: Db, orderId: string): MembershipSaleRecord[] {
  return (
    db.prepare('SELECT * FROM membership_sales WHERE order_id = ?').all(orderId) as {
      line_id: string;
      order_id: string;
      customer_id: string;
      tier_id: string;
      applied_at: string | null;
    }[]
  ).map((r) => ({
    lineId: r.line_id,
    orderId: r.order_id,
    customerId: r.customer_id,
    tierId: r.tier_id,
    appliedAt: r.applied_at,
  }));
}

export function markSaleApplied(db: Db, lineId: string, at: string): void {
  db.prepare('UPDATE membership_sales SET applied_at = ? WHERE line_id = ?').run(at, lineId);
}

/** After a merge: the duplicate's membership goes to the kept customer when they have none. */
export function moveMembership(db: Db, fromId: string, toId: string): void {
  if (getMembership(db, toId)) return;
  db.prepare('UPDATE memberships SET customer_id = ? WHERE customer_id = ?').run(toId, fromId);
  db.prepare('UPDATE membership_sales SET customer_id = ? WHERE customer_id = ? AND applied_at IS NULL').run(
    toId,
    fromId,
  );
}
