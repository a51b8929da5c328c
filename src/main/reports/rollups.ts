/**
 * Keeping the rollups: `recordSale` runs inside the transaction that makes an order paid (the orders
 * domain's settle hook), so a sale and its rollups commit together; `rebuildRollups` recomputes them
 * all from the raw rows (a new install's existing sales, a change of time zone, the property test).
 */
import { type Logger } from 'pino';
import { type Db } from '../kernel';
import { saleFacts } from './facts';
import { catchUpRefunds, recordRefund, rebuildRefundRollups } from './refundRollups';
import { createRollupAccumulator, writeSaleRollups } from './rollupStore';
import { createSaleReader, type CryptoFactsPort, type SaleReader } from './saleReader';
import { createStoreTime, type StoreTime } from './storeTime';

export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM report_meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO report_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

export interface Rollups {
  /** Inside the settle transaction: the order's facts into the rollups. Never throws (marks them stale instead). */
  recordSale(orderId: string): void;
  /** Whether the rollups must be rebuilt (a migration, another zone, a failure to record). */
  isStale(): boolean;
  /** Inside the transaction that finishes a refund: its facts into the refund rollups. Never throws. */
  recordRefund(refundId: string): void;
  /** Records the counted refunds that have no rollup rows yet (a change of status dropped them). */
  catchUpRefunds(): number;
  rebuild(): { orders: number; refunds: number };
  readonly time: () => StoreTime;
}

export function createRollups(
  db: Db,
  options: { timeZone: () => string; logger?: Logger; crypto?: CryptoFactsPort },
): Rollups {
  let reader: SaleReader | null = null;
  const readerOf = () => (reader ??= createSaleReader(db, options.crypto));
  let time = createStoreTime(options.timeZone());
  const currentTime = () => {
    const zone = options.timeZone();
    if (time.timeZone !== zone) time = createStoreTime(zone);
    return time;
  };
  return {
    time: currentTime,
    recordSale(orderId) {
      try {
        db.transaction(() => {
          const found = readerOf().one(orderId);
          if (!found) return;
          const t = currentTime();
          if (readMeta(db, 'time_zone') !== t.timeZone) writeMeta(db, 'stale', '1');
          writeSaleRollups(
            db,
            saleFacts(found.sale),
            { tillId: found.sale.tillId, currency: found.sale.currency, at: t.local(found.sale.paidAt) },
            found.crypto,
          );
        })();
      } catch (error) {
        // A sale never fails because of its report: the rollups are marked stale and rebuilt.
        options.logger?.error(
          { err: error, orderId },
          'reports: a sale could not be rolled up; rebuilding later',
        );
        try {
          writeMeta(db, 'stale', '1');
        } catch {
          /* the sale's transaction is failing anyway */
        }
      }
    },
    recordRefund(refundId) {
      try {
        db.transaction(() => recordRefund(db, refundId))();
      } catch (error) {
        // A refund never fails because of its report: the next report records it again.
        options.logger?.error(
          { err: error, refundId },
          'reports: a refund could not be rolled up; recording it later',
        );
      }
    },
    catchUpRefunds: () => catchUpRefunds(db),
    isStale: () => readMeta(db, 'stale') !== '0' || readMeta(db, 'time_zone') !== currentTime().timeZone,
    rebuild() {
      return rebuildRollups(db, currentTime(), options.crypto);
    },
  };
}

/** Every rollup recomputed from the raw rows, in one transaction. */
export function rebuildRollups(
  db: Db,
  time: StoreTime,
  crypto?: CryptoFactsPort,
): { orders: number; refunds: number } {
  const reader = createSaleReader(db, crypto);
  let orders = 0;
  let refunds = 0;
  db.transaction(() => {
    db.exec('DELETE FROM report_sales_hours; DELETE FROM report_dims; DELETE FROM report_crypto;');
    const acc = createRollupAccumulator();
    let after = '';
    for (;;) {
      const chunk = reader.chunk(after, 2000);
      if (chunk.length === 0) break;
      for (const { sale, crypto: facts } of chunk) {
        acc.add(
          saleFacts(sale),
          { tillId: sale.tillId, currency: sale.currency, at: time.local(sale.paidAt) },
          facts,
        );
      }
      orders += chunk.length;
      after = chunk[chunk.length - 1]!.sale.orderId;
      if (orders % 200_000 === 0) acc.flush(db);
    }
    acc.flush(db);
    refunds = rebuildRefundRollups(db).refunds;
    writeMeta(db, 'time_zone', time.timeZone);
    writeMeta(db, 'stale', '0');
  })();
  return { orders, refunds };
}
