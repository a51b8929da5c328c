/**
 * Reading the ledger: an account's balance at any instant, its history page by page with the
 * running balance, and transfers by id or by what caused them.
 *
 * A past balance is the sum of the account's transfers up to that instant. Summing a long-lived
 * account from zero would read its whole life, so the cheaper side is read: either the transfers
 * up to the instant (summed from zero) or those after it (taken back from the stored balances),
 * which is the same figure while `checkInvariants` holds.
 */
import { TillpointError } from '../../shared/api/errors';
import { ledgerCursorMaxLength } from '../../shared/api/ledger';
import { type Db } from '../kernel';
import { applyEffect } from './effects';
import { toTransfer, type LedgerStatements, type TransferRow } from './statements';
import { createMicrosFormatter, lastMicrosOfDate, microsOfDate } from './timestamps';
import {
  type Balance,
  type BalanceOptions,
  type Balances,
  type HistoryEntry,
  type HistoryOptions,
  type HistoryPage,
  type Transfer,
} from './types';

const defaultPageSize = 100;
const maxPageSize = 1000;

export function zeroBalances(): Balances {
  return { debitsPending: 0n, debitsPosted: 0n, creditsPending: 0n, creditsPosted: 0n };
}

export function withNet(balances: Balances): Balance {
  return {
    debitsPending: balances.debitsPending,
    debitsPosted: balances.debitsPosted,
    creditsPending: balances.creditsPending,
    creditsPosted: balances.creditsPosted,
    net: balances.debitsPosted - balances.creditsPosted,
  };
}

/** Moves `balances` by one stored transfer, on the side `accountId` is on. */
export function applyRow(balances: Balances, accountId: string, row: TransferRow): void {
  const side = row.debit_account_id === accountId ? 'debit' : 'credit';
  const pendingAmount = row.pending_amount === null ? null : BigInt(row.pending_amount);
  applyEffect(balances, side, row.kind, BigInt(row.amount), pendingAmount);
}

const cursorVersion = 'h1';

/**
 * The longest cursor accepted, in characters; the contract's `after` allows the same. The cursor's
 * balances take any number of digits the ledger's balances have: the contract bounds every amount at
 * 10^30 minor units, so a balance stays under 10^30 × 2^63 transfers (50 digits) and a cursor under
 * 400 characters. The length alone bounds what `BigInt()` reads.
 */
export const maxCursorLength = ledgerCursorMaxLength;

/** A page cursor: the account, the seq of the page's last transfer, and the balances after it. */
function encodeCursor(accountId: string, seq: number, balances: Balances): string {
  const parts = [
    cursorVersion,
    accountId,
    seq,
    balances.debitsPending,
    balances.debitsPosted,
    balances.creditsPending,
    balances.creditsPosted,
  ];
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

function decodeCursor(accountId: string, cursor: string): { seq: number; balances: Balances } {
  const bad = () =>
    new TillpointError('bad_input', 'The history cursor is not one this ledger gave for this account.', {
      field: 'after',
    });
  if (typeof cursor !== 'string' || cursor.length > maxCursorLength) throw bad();
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts.length !== 7 || parts[0] !== cursorVersion || parts[1] !== accountId) throw bad();
  const seq = Number(parts[2]);
  if (!/^\d{1,15}$/.test(parts[2] as string) || !Number.isSafeInteger(seq)) throw bad();
  const amounts = parts.slice(3);
  if (!amounts.every((part) => /^-?\d+$/.test(part))) throw bad();
  const [debitsPending, debitsPosted, creditsPending, creditsPosted] = amounts.map((part) =>
    BigInt(part),
  ) as [bigint, bigint, bigint, bigint];
  return { seq, balances: { debitsPending, debitsPosted, creditsPending, creditsPosted } };
}

export interface LedgerQueries {
  balance(accountId: string, options?: BalanceOptions): Balance;
  history(accountId: string, options?: HistoryOptions): HistoryPage;
  transfersByRef(ref: string): Transfer[];
  getTransfer(id: string): Transfer | null;
}

export function createLedgerQueries(db: Db, statements: LedgerStatements): LedgerQueries {
  const format = createMicrosFormatter();

  /** The account's seq and stored balances. */
  const currentState = (accountId: string): { seq: number; balances: Balances } => {
    const row = statements.accountById.get(accountId);
    if (!row) throw new TillpointError('not_found', `No ledger account ${accountId}.`, { accountId });
    const balances = {
      debitsPending: BigInt(row.debits_pending),
      debitsPosted: BigInt(row.debits_posted),
      creditsPending: BigInt(row.credits_pending),
      creditsPosted: BigInt(row.credits_posted),
    };
    return { seq: row.seq, balances };
  };

  /**
   * The seq of the last transfer with timestamp ≤ iso (0 when none): timestamps increase with seq,
   * so a binary search over seq finds it in about log2(transfers) point reads.
   */
  const seqThrough = (iso: string): number => {
    const last = statements.lastTransfer.get();
    if (!last) return 0;
    if (last.timestamp <= iso) return last.seq;
    let low = 0; // a seq known to be at or before iso (0: before every transfer)
    let high = last.seq; // a seq known to be after iso
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      const row = statements.transferAtOrAfter.get(middle);
      if (!row || row.seq >= high) high = middle;
      else if (row.timestamp <= iso) low = row.seq;
      else high = row.seq;
    }
    return low;
  };

  /** The balances after every transfer of the account with seq ≤ boundary. */
  const balancesThrough = (
    accountId: string,
    account: number,
    boundary: number,
    current: Balances,
  ): Balances => {
    const params = { account, boundary };
    const through = statements.countThrough.get(params) ?? 0;
    const after = statements.countAfter.get(params) ?? 0;
    if (after === 0) return { ...current };
    const result = zeroBalances();
    if (through <= after) {
      for (const row of statements.accountThrough.iterate(params)) applyRow(result, accountId, row);
      return result;
    }
    const later = zeroBalances();
    for (const row of statements.accountAfter.iterate(params)) applyRow(later, accountId, row);
    result.debitsPending = current.debitsPending - later.debitsPending;
    result.debitsPosted = current.debitsPosted - later.debitsPosted;
    result.creditsPending = current.creditsPending - later.creditsPending;
    result.creditsPosted = current.creditsPosted - later.creditsPosted;
    return result;
  };

  const readBalance = db.transaction((accountId: string, at: Date | undefined): Balance => {
    const { seq, balances } = currentState(accountId);
    if (at === undefined) return withNet(balances);
    return withNet(balancesThrough(accountId, seq, seqThrough(format(lastMicrosOfDate(at))), balances));
  });

  const readHistory = db.transaction((accountId: string, options: HistoryOptions): HistoryPage => {
    const limit = options.limit ?? defaultPageSize;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > maxPageSize) {
      throw new TillpointError(
        'bad_input',
        `History page size must be a whole number from 1 to ${maxPageSize}.`,
        {
          field: 'limit',
        },
      );
    }
    const { seq: account, balances: current } = currentState(accountId);
    const through = options.to ? seqThrough(format(lastMicrosOfDate(options.to))) : Number.MAX_SAFE_INTEGER;
    let after: number;
    let opening: Balances;
    if (options.after !== undefined) {
      const cursor = decodeCursor(accountId, options.after);
      after = cursor.seq;
      opening = cursor.balances;
    } else if (options.from) {
      after = seqThrough(format(microsOfDate(options.from) - 1));
      opening = balancesThrough(accountId, account, after, current);
    } else {
      after = 0;
      opening = zeroBalances();
    }
    const rows = statements.accountPage.all({ account, after, through, limit: limit + 1 });
    const page = rows.length > limit ? rows.slice(0, limit) : rows;
    const running = { ...opening };
    const entries: HistoryEntry[] = page.map((row) => {
      applyRow(running, accountId, row);
      return {
        transfer: toTransfer(row),
        side: row.debit_account_id === accountId ? 'debit' : 'credit',
        balanceAfter: withNet(running),
      };
    });
    const last = page[page.length - 1];
    return {
      accountId,
      opening: withNet(opening),
      entries,
      nextCursor: rows.length > limit && last ? encodeCursor(accountId, last.seq, running) : null,
    };
  });

  return {
    balance(accountId, options = {}) {
      if (options.at !== undefined && Number.isNaN(options.at.getTime())) {
        throw new TillpointError('bad_input', 'Balance date is not a valid date.', { field: 'at' });
      }
      return readBalance(accountId, options.at);
    },
    history(accountId, options = {}) {
      for (const field of ['from', 'to'] as const) {
        const value = options[field];
        if (value !== undefined && Number.isNaN(value.getTime())) {
          throw new TillpointError('bad_input', `History "${field}" is not a valid date.`, { field });
        }
      }
      return readHistory(accountId, options);
    },
    transfersByRef(ref) {
      return statements.transfersByRef.all(ref).map(toTransfer);
    },
    getTransfer(id) {
      const row = statements.transferById.get(id);
      return row ? toTransfer(row) : null;
    },
  };
}
