import { type Migration } from '../migrate';

/**
 * Foreign cash (owned by src/main/fx).
 *
 * - fx_rates: the manager-set rate of each foreign currency the till accepts: how many units of the
 *   store currency one unit of it is worth (decimal text).
 * - fx_cash_payments: each foreign cash payment: the currency, the notes handed over (foreign minor
 *   units), the rate used, the exact value at that rate (decimal text), what it was credited at in the
 *   store currency (rounded up, the customer's favour) and the difference between the two.
 */
export const migration: Migration = {
  id: '20261206T230000_fx_cash',
  sql: `
    CREATE TABLE fx_rates (
      currency TEXT PRIMARY KEY,
      rate TEXT NOT NULL,
      set_by TEXT NOT NULL,
      set_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE fx_cash_payments (
      payment_id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL,
      currency TEXT NOT NULL,
      tendered TEXT NOT NULL,
      rate TEXT NOT NULL,
      exact_value TEXT NOT NULL,
      credited TEXT NOT NULL,
      difference TEXT NOT NULL,
      created_at TEXT NOT NULL,
      decided INTEGER NOT NULL DEFAULT 0 CHECK (decided IN (0, 1))
    ) STRICT;
  `,
};
