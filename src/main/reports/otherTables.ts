/**
 * Coins, crypto and the shifts' Z reports of a period.
 * - Coins from the ledger's coin transfers (posted, by code, indexed by time): sold (store currency),
 *   bought, bonus, spent, expired, and what customers hold at the period's end and now.
 * - Crypto from the rollup of crypto payments: in the asset's own units and at the locked rate, and what
 *   the units are worth now when the crypto domain gives a rate (`CryptoRatesPort`).
 * - Z reports of the shifts closed in the period, with their cash differences.
 */
import Decimal from 'decimal.js';
import { type ReportTable } from '../../shared/api/reports';
import { type Db } from '../kernel';
import { type ReportPeriod } from './salesReport';
import { type StoreTime } from './storeTime';
import { col, moneyCell, table } from './table';

/** The coin codes the migration's partial index covers; the query must name the same list. */
const coinCodes = `('coins_bought', 'coins_bonus', 'coins_spent', 'coins_spent_back', 'coins_expired',
        'coins_topup_refund', 'coins_membership', 'coins_sold')`;

/** Codes that hand coins to customers (issued → customer); the others take them back. */
const coinsOut = new Set(['coins_bought', 'coins_bonus', 'coins_spent_back']);

function coinTotals(
  db: Db,
  startIso: string,
  endIso: string | null,
): Map<string, { asset: string; amount: bigint }[]> {
  const rows = db
    .prepare(
      `SELECT code, asset, amount FROM ledger_transfers WHERE code IN ${coinCodes}
       AND timestamp >= ? AND (? IS NULL OR timestamp < ?) AND kind IN ('single', 'post_pending')`,
    )
    .all(startIso, endIso, endIso) as { code: string; asset: string; amount: string }[];
  const out = new Map<string, { asset: string; amount: bigint }[]>();
  for (const row of rows) {
    const list = out.get(row.code) ?? [];
    const found = list.find((e) => e.asset === row.asset);
    if (found) found.amount += BigInt(row.amount);
    else list.push({ asset: row.asset, amount: BigInt(row.amount) });
    out.set(row.code, list);
  }
  return out;
}

const sumOf = (map: Map<string, { asset: string; amount: bigint }[]>, code: string, asset: string) =>
  (map.get(code) ?? []).filter((e) => e.asset === asset).reduce((sum, e) => sum + e.amount, 0n);

export function coinsTable(db: Db, time: StoreTime, period: ReportPeriod, currency: string): ReportTable {
  const { startIso, endIso } = time.range(period.from, period.to);
  const inPeriod = coinTotals(db, startIso, endIso);
  const after = coinTotals(db, endIso, null);
  const issued = db
    .prepare(
      "SELECT debits_posted, credits_posted FROM ledger_accounts WHERE code = 'coins_issued' AND asset = 'COIN'",
    )
    .get() as { debits_posted: string; credits_posted: string } | undefined;
  const outstandingNow = issued ? BigInt(issued.debits_posted) - BigInt(issued.credits_posted) : 0n;
  let movedAfter = 0n;
  for (const [code, list] of after) {
    for (const e of list)
      if (e.asset === 'COIN' && code !== 'coins_sold')
        movedAfter += coinsOut.has(code) ? e.amount : -e.amount;
  }
  const liability = db
    .prepare(
      "SELECT debits_posted, credits_posted FROM ledger_accounts WHERE code = 'coins_liability' AND asset = ?",
    )
    .get(currency) as { debits_posted: string; credits_posted: string } | undefined;
  const rows = [
    {
      figure: 'Coins sold (store currency)',
      coins: null,
      amount: moneyCell(sumOf(inPeriod, 'coins_sold', currency)),
    },
    { figure: 'Coins bought', coins: Number(sumOf(inPeriod, 'coins_bought', 'COIN')), amount: null },
    { figure: 'Bonus coins', coins: Number(sumOf(inPeriod, 'coins_bonus', 'COIN')), amount: null },
    {
      figure: 'Coins spent',
      coins: Number(sumOf(inPeriod, 'coins_spent', 'COIN') - sumOf(inPeriod, 'coins_spent_back', 'COIN')),
      amount: null,
    },
    {
      figure: 'Coins spent on memberships',
      coins: Number(sumOf(inPeriod, 'coins_membership', 'COIN')),
      amount: null,
    },
    { figure: 'Coins expired', coins: Number(sumOf(inPeriod, 'coins_expired', 'COIN')), amount: null },
    {
      figure: 'Coins refunded with top-ups',
      coins: Number(sumOf(inPeriod, 'coins_topup_refund', 'COIN')),
      amount: null,
    },
    {
      figure: 'Outstanding at the end of the period',
      coins: Number(outstandingNow - movedAfter),
      amount: null,
    },
    {
      figure: 'Outstanding now (liability at face value)',
      coins: Number(outstandingNow),
      amount: moneyCell(liability ? BigInt(liability.credits_posted) - BigInt(liability.debits_posted) : 0n),
    },
  ];
  return table(
    'coins',
    'Store coins',
    [col('figure', 'Figure', 'text'), col('coins', 'Coins', 'count'), col('amount', 'Amount', 'money')],
    rows,
    false,
  );
}

/** What the crypto domain can say about a rate now (store currency per unit); null when it cannot. */
export type CryptoRatesPort = (asset: string, network: string) => string | null;

export function cryptoTable(db: Db, period: ReportPeriod, rates?: CryptoRatesPort): ReportTable {
  const rows = db
    .prepare(
      `SELECT asset, network, units, amount_minor FROM report_crypto WHERE day >= ? AND day <= ? AND (? IS NULL OR till_id = ?)`,
    )
    .all(period.from, period.to, period.tillId ?? null, period.tillId ?? null) as {
    asset: string;
    network: string;
    units: string;
    amount_minor: number;
  }[];
  const groups = new Map<
    string,
    { asset: string; network: string; payments: number; units: Decimal; amount: bigint }
  >();
  for (const row of rows) {
    const key = `${row.asset}@${row.network}`;
    const g = groups.get(key) ?? {
      asset: row.asset,
      network: row.network,
      payments: 0,
      units: new Decimal(0),
      amount: 0n,
    };
    g.payments += 1;
    try {
      g.units = g.units.plus(new Decimal(row.units));
    } catch {
      /* units the crypto domain wrote badly count as none */
    }
    g.amount += BigInt(row.amount_minor);
    groups.set(key, g);
  }
  const out = [...groups.values()].map((g) => {
    const rateNow = rates?.(g.asset, g.network) ?? null;
    // Worth now: units × today's rate, rounded half up to the store currency's minor unit (×100: a
    // store currency of scale 2; the figure is informative, not posted).
    const worth = rateNow
      ? BigInt(g.units.times(rateNow).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0))
      : null;
    return {
      asset: g.asset,
      network: g.network,
      payments: g.payments,
      units: g.units.toFixed(),
      atLockedRate: moneyCell(g.amount),
      averageRate: g.units.isZero()
        ? null
        : new Decimal(g.amount.toString()).div(100).div(g.units).toSignificantDigits(10).toFixed(),
      worthNow: worth === null ? null : moneyCell(worth),
    };
  });
  return table(
    'crypto',
    'Crypto received',
    [
      col('asset', 'Asset', 'text'),
      col('network', 'Network', 'text'),
      col('payments', 'Payments', 'count'),
      col('units', 'Units received', 'text'),
      col('atLockedRate', 'At the locked rate', 'money'),
      col('averageRate', 'Average rate', 'text'),
      col('worthNow', 'Worth now', 'money'),
    ],
    out,
  );
}

function localText(time: StoreTime, iso: string): string {
  const at = time.local(iso);
  return `${at.day} ${String(at.hour).padStart(2, '0')}:${iso.slice(14, 16)}`;
}

export function shiftsTable(db: Db, time: StoreTime, period: ReportPeriod): ReportTable {
  const { startIso, endIso } = time.range(period.from, period.to);
  const rows = db
    .prepare(
      `SELECT number, till_id, opened_at, closed_at, opening_float, expected_cash, counted_total, difference FROM shifts
       WHERE status = 'closed' AND closed_at >= ? AND closed_at < ? AND (? IS NULL OR till_id = ?) ORDER BY closed_at LIMIT 5000`,
    )
    .all(startIso, endIso, period.tillId ?? null, period.tillId ?? null) as {
    number: number;
    till_id: string;
    opened_at: string;
    closed_at: string;
    opening_float: string;
    expected_cash: string | null;
    counted_total: string | null;
    difference: string | null;
  }[];
  return table(
    'z_reports',
    'Shift Z reports',
    [
      col('shift', 'Shift', 'text'),
      col('till', 'Till', 'text'),
      col('opened', 'Opened', 'text'),
      col('closed', 'Closed', 'text'),
      col('float', 'Opening float', 'money'),
      col('expected', 'Expected cash', 'money'),
      col('counted', 'Counted', 'money'),
      col('difference', 'Difference', 'money'),
    ],
    rows.map((r) => ({
      shift: `#${r.number}`,
      till: r.till_id,
      opened: localText(time, r.opened_at),
      closed: localText(time, r.closed_at),
      float: r.opening_float,
      expected: r.expected_cash ?? '0',
      counted: r.counted_total ?? '0',
      difference: r.difference ?? '0',
    })),
  );
}
