/**
 * An hledger journal of every posted ledger transfer of a period: accounts named by their code and
 * owner ref (`tax_payable:<taxId>`), amounts with their commodity at the asset's scale, one
 * transaction per linked group (the transfers one ledger call wrote: consecutive, one microsecond
 * apart), `account` and `commodity` directives for all of them, dates in order (store days). Each
 * posting carries its transfer's code as a tag (`; code:sale`), so `hledger bal tag:code=tax`
 * reads the report's figures back. Pending transfers are left out; their posts are in.
 */
import { type Db } from '../../kernel';
import { type StoreTime } from '../storeTime';
import { isKnownAsset, assetScale } from '../../../shared/money';

interface TransferRow {
  seq: number;
  kind: string;
  debit_account: number;
  credit_account: number;
  amount: string;
  asset: string;
  code: string;
  ref: string;
  timestamp: string;
}

function micros(iso: string): number {
  const ms = Date.parse(iso);
  const fraction = /\.(\d{1,6})Z$/.exec(iso)?.[1] ?? '';
  return Math.floor(ms / 1000) * 1_000_000 + Number(fraction.padEnd(6, '0'));
}

export function accountName(code: string, ref: string): string {
  const clean = (s: string) =>
    s
      .replace(/[^A-Za-z0-9_.@:-]/g, '_')
      .replace(/:+/g, ':')
      .replace(/^:|:$/g, '');
  const name = ref ? `${clean(code)}:${clean(ref)}` : clean(code);
  return name || 'unnamed';
}

/**
 * An asset as an hledger commodity: its code, at its scale; an asset this build does not know the
 * scale of goes in its minor units, named so (`"XYZ.minor"`), never at a guessed scale.
 */
function commodityOf(asset: string): { symbol: string; scale: number } {
  const known = isKnownAsset(asset);
  const name = known ? asset : `${asset}.minor`;
  return {
    symbol: /^[A-Za-z]+$/.test(name) ? name : `"${name.replace(/["\r\n]/g, '')}"`,
    scale: known ? assetScale(asset) : 0,
  };
}

export function commoditySymbol(asset: string): string {
  return commodityOf(asset).symbol;
}

export function hledgerAmount(minor: bigint, asset: string): string {
  const { scale } = commodityOf(asset);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : digits.slice(0, digits.length - scale);
  const fraction = scale === 0 ? '' : `.${digits.slice(digits.length - scale)}`;
  return `${negative ? '-' : ''}${whole}${fraction} ${commoditySymbol(asset)}`;
}

/** The first seq whose timestamp is at or after `iso` (timestamps grow with seq), by binary search. */
function firstSeqAtOrAfter(db: Db, iso: string): number {
  const bounds = db.prepare('SELECT min(seq) AS lo, max(seq) AS hi FROM ledger_transfers').get() as {
    lo: number | null;
    hi: number | null;
  };
  if (bounds.lo === null || bounds.hi === null) return 1;
  const at = db.prepare('SELECT seq, timestamp FROM ledger_transfers WHERE seq >= ? ORDER BY seq LIMIT 1');
  let lo = bounds.lo;
  let hi = bounds.hi + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const row = at.get(mid) as { seq: number; timestamp: string } | undefined;
    if (!row || row.timestamp >= iso) hi = mid;
    else lo = row.seq + 1;
  }
  return lo;
}

/** The journal as chunks of text (a big period streams to a file without holding it all). */
export function* hledgerJournal(
  db: Db,
  time: StoreTime,
  period: { from: string; to: string },
): Generator<string> {
  const { startIso, endIso } = time.range(period.from, period.to);
  const accounts = new Map<number, string>();
  for (const row of db
    .prepare('SELECT seq, code, ref FROM ledger_accounts ORDER BY code, ref')
    .iterate() as Iterable<{ seq: number; code: string; ref: string }>) {
    accounts.set(row.seq, accountName(row.code, row.ref));
  }
  const assets = (
    db.prepare('SELECT DISTINCT asset FROM ledger_accounts ORDER BY asset').all() as { asset: string }[]
  ).map((r) => r.asset);
  yield `; Tillpoint ledger, ${period.from} to ${period.to} (store days, ${time.timeZone}); posted transfers only.\n\n`;
  for (const asset of assets) {
    const { symbol, scale } = commodityOf(asset);
    yield `commodity 1000.${'0'.repeat(scale)} ${symbol}\n`;
  }
  yield '\n';
  for (const name of [...new Set(accounts.values())].sort()) yield `account ${name}\n`;
  yield '\n';

  const startSeq = firstSeqAtOrAfter(db, startIso);
  const endSeq = firstSeqAtOrAfter(db, endIso);
  const page = db.prepare(
    `SELECT seq, kind, debit_account, credit_account, amount, asset, code, ref, timestamp FROM ledger_transfers
     WHERE seq >= ? AND seq < ? ORDER BY seq LIMIT 5000`,
  );
  let group: TransferRow[] = [];
  let lastMicros = -1;
  const flush = function* (): Generator<string> {
    const posted = group.filter((t) => t.kind === 'single' || t.kind === 'post_pending');
    group = [];
    if (posted.length === 0) return;
    const first = posted[0]!;
    const codes = [...new Set(posted.map((t) => t.code))].join(', ');
    const refs = [...new Set(posted.map((t) => t.ref).filter(Boolean))].slice(0, 3).join(' ');
    const description = `${codes}${refs ? ` | ${refs}` : ''}`.replace(/[\r\n;]/g, ' ');
    let text = `${time.local(first.timestamp).day} * ${description}\n    ; seq:${first.seq}, at:${first.timestamp.replace(/:/g, '.')}\n`;
    for (const t of posted) {
      const amount = BigInt(t.amount);
      text += `    ${accounts.get(t.debit_account) ?? `unknown:${t.debit_account}`}  ${hledgerAmount(amount, t.asset)}  ; code:${t.code}\n`;
      text += `    ${accounts.get(t.credit_account) ?? `unknown:${t.credit_account}`}  ${hledgerAmount(-amount, t.asset)}  ; code:${t.code}\n`;
    }
    yield `${text}\n`;
  };
  let cursor = startSeq;
  while (cursor < endSeq) {
    const rows = page.all(cursor, endSeq) as TransferRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const at = micros(row.timestamp);
      if (group.length > 0 && at !== lastMicros + 1) yield* flush();
      group.push(row);
      lastMicros = at;
    }
    cursor = rows[rows.length - 1]!.seq + 1;
  }
  yield* flush();
}

export function hledgerText(
  db: Db,
  time: StoreTime,
  period: { from: string; to: string },
  maxChars = 64 * 1024 * 1024,
): string {
  let text = '';
  for (const chunk of hledgerJournal(db, time, period)) {
    text += chunk;
    if (text.length > maxChars) throw new RangeError('journal too large');
  }
  return text;
}
