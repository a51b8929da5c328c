/**
 * The state of one submit call: working copies of the accounts it touches (each read once, moved
 * in memory, written back once before commit), an undo log to put them back when a group is
 * refused, and the ledger's clock (timestamps strictly increase from the last stored one).
 */
import { type LedgerStatements } from './statements';
import { lastMicrosOfDate, microsFromIso } from './timestamps';
import { type Balances } from './types';

export interface WorkingAccount extends Balances {
  readonly seq: number;
  readonly id: string;
  readonly asset: string;
  readonly flags: number;
  dirty: boolean;
}

interface UndoEntry extends Balances {
  account: WorkingAccount;
}

/** The state of one submit call: working copies of the accounts it touched and its clock. */
export class SubmitSession {
  private readonly accounts = new Map<string, WorkingAccount | null>();
  private readonly undoLog: UndoEntry[] = [];
  private lastMicros: number;
  /** The clock's millisecond, as its last microsecond: a pending transfer expires when it is reached. */
  nowThroughIso = '';
  private nowMicros = 0;

  constructor(
    private readonly statements: LedgerStatements,
    private readonly clock: () => Date,
    readonly format: (micros: number) => string,
  ) {
    const last = statements.lastTransfer.get();
    this.lastMicros = last === undefined ? 0 : microsFromIso(last.timestamp);
    this.tick();
  }

  /** Reads the clock (once per group: transfers of a group get consecutive timestamps). */
  tick(): void {
    const now = this.clock();
    this.nowMicros = now.getTime() * 1000;
    this.nowThroughIso = this.format(lastMicrosOfDate(now));
  }

  nextTimestamp(): string {
    const micros = this.nowMicros > this.lastMicros ? this.nowMicros : this.lastMicros + 1;
    this.lastMicros = micros;
    return this.format(micros);
  }

  account(id: string): WorkingAccount | null {
    const known = this.accounts.get(id);
    if (known !== undefined) return known;
    const row = this.statements.accountById.get(id);
    const account: WorkingAccount | null = row
      ? {
          seq: row.seq,
          id: row.id,
          asset: row.asset,
          flags: row.flags,
          debitsPending: BigInt(row.debits_pending),
          debitsPosted: BigInt(row.debits_posted),
          creditsPending: BigInt(row.credits_pending),
          creditsPosted: BigInt(row.credits_posted),
          dirty: false,
        }
      : null;
    this.accounts.set(id, account);
    return account;
  }

  /** Records an account's balances before a change, so a refused group can be undone. */
  remember(account: WorkingAccount): void {
    this.undoLog.push({
      account,
      debitsPending: account.debitsPending,
      debitsPosted: account.debitsPosted,
      creditsPending: account.creditsPending,
      creditsPosted: account.creditsPosted,
    });
  }

  /** A group succeeded: its changes stay. */
  keep(): void {
    this.undoLog.length = 0;
  }

  /** A group was refused: put the working copies back as they were before it. */
  undo(): void {
    for (let i = this.undoLog.length - 1; i >= 0; i -= 1) {
      const entry = this.undoLog[i] as UndoEntry;
      entry.account.debitsPending = entry.debitsPending;
      entry.account.debitsPosted = entry.debitsPosted;
      entry.account.creditsPending = entry.creditsPending;
      entry.account.creditsPosted = entry.creditsPosted;
    }
    this.undoLog.length = 0;
  }

  /** Writes every changed account's balances back (once per account per submit). */
  flush(): void {
    for (const account of this.accounts.values()) {
      if (account === null || !account.dirty) continue;
      this.statements.updateBalances.run(
        account.debitsPending.toString(),
        account.debitsPosted.toString(),
        account.creditsPending.toString(),
        account.creditsPosted.toString(),
        account.seq,
      );
      account.dirty = false;
    }
  }
}
