/**
 * The coin rule: a customer's coins spent at several tills while they are offline must never take the
 * balance below zero. Each till may spend, without asking, only an allowance the central database
 * leased to it for that customer; the central database leases only what is left of the balance after
 * every till's outstanding allowance (tillpoint.lease_coins), so the allowances together never exceed
 * the balance. A spend beyond the allowance is refused at the till (in the spend's own SQLite
 * transaction, by the ledger trigger of migration 20261207T030000) until the worker leases more, which
 * needs the central database. Pure part here; the lease round below runs in the sync worker.
 */
import { type ClientBase } from 'pg';
import { TillpointError } from '../../shared/api/errors';
import { type Db } from '../kernel';
import { type TenderAdapter } from '../payments';

/** The ledger trigger's refusal (migration 20261207T030000). */
export const coinAllowanceShort = 'coin_allowance_short';

export type CoinSpendDecision =
  | { readonly allowed: true; readonly allowanceLeftAfterUnits: bigint }
  | { readonly allowed: false; readonly reason: 'allowance_short'; readonly shortUnits: bigint };

/** Whether a spend of `spendUnits` may go ahead at this till with the allowance it holds. */
export function decideCoinSpend(input: {
  ruleOn: boolean;
  spendUnits: bigint;
  grantedUnits: bigint;
  spentUnits: bigint;
}): CoinSpendDecision {
  const left = input.grantedUnits - input.spentUnits;
  if (!input.ruleOn || input.spendUnits <= left) {
    return { allowed: true, allowanceLeftAfterUnits: input.ruleOn ? left - input.spendUnits : left };
  }
  return { allowed: false, reason: 'allowance_short', shortUnits: input.spendUnits - left };
}

/** How many more coins to ask for: up to the till's target allowance (never negative). */
export function leaseRequestUnits(targetUnits: bigint, grantedUnits: bigint, spentUnits: bigint): bigint {
  const left = grantedUnits - spentUnits;
  return left >= targetUnits ? 0n : targetUnits - left;
}

interface AllowanceRow {
  customer_id: string;
  granted_units: number;
  spent_units: number;
}

/**
 * The customers of this till with a coin account, in id order after `afterRef` (at most `limit`), so
 * successive rounds go round all of them rather than asking again for the same few.
 */
function customersToTopUp(db: Db, afterRef: string, limit: number): AllowanceRow[] {
  return db
    .prepare(
      `SELECT acc.ref AS customer_id, COALESCE(a.granted_units, 0) AS granted_units, COALESCE(a.spent_units, 0) AS spent_units
       FROM ledger_accounts acc LEFT JOIN sync_coin_allowances a ON a.customer_id = acc.ref
       WHERE acc.code = 'coins_customer' AND acc.asset = 'COIN' AND acc.ref > ?
       ORDER BY acc.ref LIMIT ?`,
    )
    .all(afterRef, limit) as AllowanceRow[];
}

/** Records the central database's total grant for a customer (allowances only grow here). */
export function recordGrant(db: Db, customerId: string, grantedUnits: bigint, nowIso: string): void {
  db.prepare(
    `INSERT INTO sync_coin_allowances (customer_id, granted_units, spent_units, updated_at) VALUES (?, ?, 0, ?)
     ON CONFLICT (customer_id) DO UPDATE SET granted_units = max(granted_units, excluded.granted_units),
       updated_at = excluded.updated_at
     WHERE excluded.granted_units > sync_coin_allowances.granted_units`,
  ).run(customerId, grantedUnits, nowIso);
}

/**
 * Asks the central database for more coins for up to `limit` of this till's customers after
 * `afterRef`; returns where the next round starts ('' to start over) and how many grants moved.
 */
export async function leaseRound(
  client: ClientBase,
  db: Db,
  till: { storeId: string; tillId: string },
  targetUnits: bigint,
  nowIso: string,
  afterRef = '',
  limit = 50,
): Promise<{ nextRef: string; moved: number }> {
  let moved = 0;
  const rows = customersToTopUp(db, afterRef, limit);
  for (const row of rows) {
    const wanted = leaseRequestUnits(targetUnits, BigInt(row.granted_units), BigInt(row.spent_units));
    if (wanted <= 0n) continue;
    const result = await client.query<{ total: string }>(
      'SELECT tillpoint.lease_coins($1, $2, $3, $4) AS total',
      [till.storeId, till.tillId, row.customer_id, wanted.toString()],
    );
    const total = BigInt(result.rows[0]?.total ?? '0');
    if (total > BigInt(row.granted_units)) {
      recordGrant(db, row.customer_id, total, nowIso);
      moved += 1;
    }
  }
  return { nextRef: rows.length < limit ? '' : (rows[rows.length - 1]?.customer_id ?? ''), moved };
}

/**
 * The coins tender with the coin rule's refusal in words: the ledger trigger refuses a spend beyond
 * this till's allowance (the spend's transaction rolls back, nothing is written); the cashier reads
 * `insufficient_funds` saying why, instead of an internal error.
 */
export function guardCoinsTender(tender: TenderAdapter): TenderAdapter {
  const decide = tender.decideAtOnce;
  if (!decide) return tender;
  return {
    ...tender,
    decideAtOnce: {
      payment(request, plan) {
        try {
          return decide.payment(request, plan);
        } catch (error) {
          if (error instanceof Error && error.message.includes(coinAllowanceShort)) {
            throw new TillpointError(
              'insufficient_funds',
              'This till may spend only the coins the central database has set aside for it, and this ' +
                'payment needs more: try again once the till is back online (Settings › Sync), or take another tender.',
              { reason: 'coin_allowance', asset: 'COIN' },
            );
          }
          throw error;
        }
      },
      refund: (request) => decide.refund(request),
    },
  };
}
