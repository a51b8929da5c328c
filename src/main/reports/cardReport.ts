/**
 * Card fees and Stripe payouts of a period, from Stripe's balance transactions: every charge and
 * refund with its fee, matched to the order it paid (by the charge id the card tender keeps in the
 * payment's details, or the PaymentIntent), and each payout with the transactions it paid out (those
 * since the previous payout, as a payout of the available balance takes them).
 */
import type Stripe from 'stripe';
import { TillpointError } from '../../shared/api/errors';
import { type ReportTable } from '../../shared/api/reports';
import { type Db } from '../kernel';
import { type StoreTime } from './storeTime';
import { col, table } from './table';

const maxObjects = 10_000;

export async function cardTables(
  db: Db,
  time: StoreTime,
  period: { from: string; to: string },
  stripe: Stripe | null,
): Promise<ReportTable[]> {
  if (!stripe)
    throw new TillpointError(
      'unavailable',
      'Stripe is not set up on this till, so there are no card fees to show.',
    );
  const { startIso, endIso } = time.range(period.from, period.to);
  const start = Math.floor(Date.parse(startIso) / 1000);
  const end = Math.floor(Date.parse(endIso) / 1000);
  const txns: Stripe.BalanceTransaction[] = [];
  const payouts: Stripe.Payout[] = [];
  try {
    for await (const t of stripe.balanceTransactions.list({ limit: 100, created: { lt: end } })) {
      txns.push(t);
      if (txns.length >= maxObjects) break;
    }
    for await (const p of stripe.payouts.list({ limit: 100, created: { lt: end } })) {
      payouts.push(p);
      if (payouts.length >= maxObjects) break;
    }
  } catch (error) {
    throw new TillpointError(
      'unavailable',
      `Stripe could not be reached for the balance transactions: ${(error as Error).message}`,
    );
  }
  const orderOf = db.prepare(
    `SELECT o.number FROM payments p JOIN orders o ON o.id = p.order_id
     WHERE p.kind IN ('card', 'phone') AND (json_extract(p.details, '$.chargeId') = ?
       OR json_extract(p.details, '$.paymentIntentId') = ? OR p.external_id = ?) LIMIT 1`,
  );
  // A charge the card tender did not keep (pay by phone keeps its PaymentIntent): its PaymentIntent
  // from Stripe, at most `maxLookups` charges per report.
  const maxLookups = 200;
  const intentOfCharge = new Map<string, string>();
  let lookups = 0;
  const find = (charge: string, intent: string) =>
    orderOf.get(charge, intent, intent) as { number: number } | undefined;
  for (const t of txns) {
    const charge = typeof t.source === 'string' ? t.source : (t.source?.id ?? null);
    if (!charge?.startsWith('ch_') || t.created < start || find(charge, charge) || lookups >= maxLookups)
      continue;
    lookups += 1;
    try {
      const made = await stripe.charges.retrieve(charge);
      const intent = typeof made.payment_intent === 'string' ? made.payment_intent : made.payment_intent?.id;
      if (intent) intentOfCharge.set(charge, intent);
    } catch {
      /* left unmatched */
    }
  }
  const chargeOrder = (source: string | null): string => {
    if (!source) return '';
    const row = find(source, intentOfCharge.get(source) ?? source);
    return row ? `#${row.number}` : '';
  };
  const sorted = [...txns].sort((a, b) => a.created - b.created);
  const sortedPayouts = [...payouts].sort((a, b) => a.created - b.created);
  const payoutOf = new Map<string, string>();
  const covered = new Map<string, { count: number; fees: number; net: number }>();
  let cursor = 0;
  for (const payout of sortedPayouts) {
    const cover = { count: 0, fees: 0, net: 0 };
    while (cursor < sorted.length && sorted[cursor]!.created <= payout.created) {
      const t = sorted[cursor]!;
      cursor += 1;
      if (t.type === 'payout') continue;
      payoutOf.set(t.id, payout.id);
      cover.count += 1;
      cover.fees += t.fee;
      cover.net += t.net;
    }
    covered.set(payout.id, cover);
  }
  const day = (seconds: number) => time.local(new Date(seconds * 1000).toISOString()).day;
  const source = (t: Stripe.BalanceTransaction) =>
    typeof t.source === 'string' ? t.source : (t.source?.id ?? null);
  const fees = sorted
    .filter((t) => t.type !== 'payout' && t.created >= start)
    .map((t) => ({
      day: day(t.created),
      type: t.type,
      source: source(t) ?? '',
      order: chargeOrder(source(t)),
      amount: String(t.amount),
      fee: String(t.fee),
      net: String(t.net),
      payout: payoutOf.get(t.id) ?? '',
    }));
  const payoutRows = sortedPayouts
    .filter((p) => p.created >= start)
    .map((p) => {
      const cover = covered.get(p.id) ?? { count: 0, fees: 0, net: 0 };
      return {
        payout: p.id,
        day: day(p.created),
        arrival: day(p.arrival_date),
        status: p.status,
        transactions: cover.count,
        fees: String(cover.fees),
        paidOut: String(p.amount),
        balanceNet: String(cover.net),
        difference: String(p.amount - cover.net),
      };
    });
  return [
    table(
      'card_fees',
      'Card fees',
      [
        col('day', 'Day', 'day'),
        col('type', 'Type', 'text'),
        col('source', 'Stripe object', 'text'),
        col('order', 'Order', 'text'),
        col('amount', 'Amount', 'money'),
        col('fee', 'Fee', 'money'),
        col('net', 'Net', 'money'),
        col('payout', 'Payout', 'text'),
      ],
      fees,
    ),
    table(
      'stripe_payouts',
      'Stripe payouts',
      [
        col('payout', 'Payout', 'text'),
        col('day', 'Day', 'day'),
        col('arrival', 'Arrives', 'day'),
        col('status', 'Status', 'text'),
        col('transactions', 'Transactions', 'count'),
        col('fees', 'Fees', 'money'),
        col('paidOut', 'Paid out', 'money'),
        col('balanceNet', 'Net of its transactions', 'money'),
        col('difference', 'Difference', 'money'),
      ],
      payoutRows,
    ),
  ];
}
