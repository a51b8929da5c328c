/**
 * Writes rollup deltas: one sale at a time (upserts, inside the sale's transaction) or many at once
 * (the rebuild accumulates in memory, then writes each row once). Days and months both get a row per
 * dimension key, so a year reads 12 month rows per key.
 */
import { type Db } from '../kernel';
import { type DimDelta, type HourDelta, type SaleFacts } from './facts';
import { type CryptoFact } from './saleReader';
import { type LocalMoment } from './storeTime';

const hourUpsert = `INSERT INTO report_sales_hours (day, hour, till_id, currency, orders, gross, discounts, net, tax, tips, collected)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (day, hour, till_id, currency) DO UPDATE SET orders = orders + excluded.orders,
    gross = gross + excluded.gross, discounts = discounts + excluded.discounts, net = net + excluded.net,
    tax = tax + excluded.tax, tips = tips + excluded.tips, collected = collected + excluded.collected`;

const dimUpsert = `INSERT INTO report_dims (dim, period, till_id, currency, key, label, count, quantity, net, tax, amount)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (dim, period, till_id, currency, key) DO UPDATE SET label = excluded.label,
    count = count + excluded.count, quantity = quantity + excluded.quantity, net = net + excluded.net,
    tax = tax + excluded.tax, amount = amount + excluded.amount`;

const cryptoInsert = `INSERT OR REPLACE INTO report_crypto (payment_id, day, till_id, currency, asset, network, units, amount_minor, rate)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export interface RollupTarget {
  readonly tillId: string;
  readonly currency: string;
  readonly at: LocalMoment;
}

export function writeSaleRollups(
  db: Db,
  facts: SaleFacts,
  target: RollupTarget,
  crypto: readonly CryptoFact[],
): void {
  const { tillId, currency, at } = target;
  const h = facts.hour;
  db.prepare(hourUpsert).run(
    at.day,
    at.hour,
    tillId,
    currency,
    h.orders,
    h.gross,
    h.discounts,
    h.net,
    h.tax,
    h.tips,
    h.collected,
  );
  const dim = db.prepare(dimUpsert);
  for (const period of [at.day, at.day.slice(0, 7)]) {
    for (const d of facts.dims) {
      dim.run(d.dim, period, tillId, currency, d.key, d.label, d.count, d.quantity, d.net, d.tax, d.amount);
    }
  }
  const insert = db.prepare(cryptoInsert);
  for (const c of crypto) {
    insert.run(c.paymentId, at.day, tillId, currency, c.asset, c.network, c.units, c.amountMinor, c.rate);
  }
}

/** The rebuild's accumulator: every delta summed in memory, each row written once by `flush`. */
export function createRollupAccumulator() {
  const hours = new Map<
    string,
    { day: string; hour: number; tillId: string; currency: string; v: HourDelta }
  >();
  const dims = new Map<string, { period: string; tillId: string; currency: string; v: DimDelta }>();
  const crypto: { fact: CryptoFact; day: string; tillId: string; currency: string }[] = [];
  return {
    add(facts: SaleFacts, target: RollupTarget, cryptoFacts: readonly CryptoFact[]) {
      const { tillId, currency, at } = target;
      const hourKey = `${at.day}|${at.hour}|${tillId}|${currency}`;
      const hour = hours.get(hourKey);
      if (!hour) hours.set(hourKey, { day: at.day, hour: at.hour, tillId, currency, v: { ...facts.hour } });
      else {
        const v = hour.v;
        v.orders += facts.hour.orders;
        v.gross += facts.hour.gross;
        v.discounts += facts.hour.discounts;
        v.net += facts.hour.net;
        v.tax += facts.hour.tax;
        v.tips += facts.hour.tips;
        v.collected += facts.hour.collected;
      }
      for (const period of [at.day, at.day.slice(0, 7)]) {
        for (const d of facts.dims) {
          const key = `${d.dim}|${period}|${tillId}|${currency}|${d.key}`;
          const row = dims.get(key);
          if (!row) dims.set(key, { period, tillId, currency, v: { ...d } });
          else {
            row.v.count += d.count;
            row.v.quantity += d.quantity;
            row.v.net += d.net;
            row.v.tax += d.tax;
            row.v.amount += d.amount;
          }
        }
      }
      for (const fact of cryptoFacts) crypto.push({ fact, day: at.day, tillId, currency });
    },
    flush(db: Db) {
      const hour = db.prepare(hourUpsert);
      for (const r of hours.values()) {
        const v = r.v;
        hour.run(
          r.day,
          r.hour,
          r.tillId,
          r.currency,
          v.orders,
          v.gross,
          v.discounts,
          v.net,
          v.tax,
          v.tips,
          v.collected,
        );
      }
      const dim = db.prepare(dimUpsert);
      for (const r of dims.values()) {
        const d = r.v;
        dim.run(
          d.dim,
          r.period,
          r.tillId,
          r.currency,
          d.key,
          d.label,
          d.count,
          d.quantity,
          d.net,
          d.tax,
          d.amount,
        );
      }
      const insert = db.prepare(cryptoInsert);
      for (const c of crypto) {
        const f = c.fact;
        insert.run(
          f.paymentId,
          c.day,
          c.tillId,
          c.currency,
          f.asset,
          f.network,
          f.units,
          f.amountMinor,
          f.rate,
        );
      }
      hours.clear();
      dims.clear();
      crypto.length = 0;
    },
  };
}
