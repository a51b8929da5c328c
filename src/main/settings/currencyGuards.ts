/**
 * When the store currency may change. Amounts are stored in minor units of the currency they were
 * taken in, so the currency is fixed once money has moved in it: other domains add guards (shifts:
 * no shift open), and the settings domain itself refuses once an order or a sale exists in another
 * currency.
 */
import { type Db } from '../kernel';

/** Returns why the change from `from` to `to` is refused (a sentence for the owner), or null. */
export type CurrencyGuard = (change: { from: string; to: string }) => string | null;

function tableHasColumn(db: Db, table: string, column: string): boolean {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[];
  return columns.some((c) => c.name === column);
}

/**
 * Whether any order was made, or any sale was booked in the ledger, in a currency other than `to`:
 * the orders table when it has a currency column, and the ledger's sales and drawer accounts that
 * money has moved through.
 */
export function salesExistInOtherCurrency(db: Db, to: string): boolean {
  if (tableHasColumn(db, 'orders', 'currency')) {
    const order = db.prepare('SELECT 1 FROM orders WHERE currency <> ? LIMIT 1').get(to);
    if (order) return true;
  }
  if (tableHasColumn(db, 'ledger_accounts', 'asset')) {
    const account = db
      .prepare(
        `SELECT 1 FROM ledger_accounts
          WHERE code IN ('accounts_receivable', 'sales_revenue', 'cash_drawer') AND asset <> ?
            AND (debits_posted <> '0' OR credits_posted <> '0' OR debits_pending <> '0' OR credits_pending <> '0')
          LIMIT 1`,
      )
      .get(to);
    if (account) return true;
  }
  return false;
}

export function salesCurrencyGuard(db: Db): CurrencyGuard {
  return ({ from, to }) =>
    salesExistInOtherCurrency(db, to)
      ? `Orders or cash already exist in ${from}: the store currency cannot change to ${to} on this till.`
      : null;
}
