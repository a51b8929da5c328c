/**
 * For the ledger's property tests: a model of the ledger kept apart from its code. It sums by hand
 * the transfers the ledger accepted (to compare balances with), and judges the outcome of what it
 * can judge (groups of new transfers, posts, voids, expiries) to catch false refusals and missed
 * limit breaches.
 */
import { type NewTransferInput, type TransferInput } from './types';

export interface ModelAccount {
  id: string;
  asset: string;
  debitLimited: boolean;
  creditLimited: boolean;
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
}

export interface ModelTransfer {
  input: TransferInput;
  kind: 'single' | 'pending' | 'post' | 'void';
  debit: string;
  credit: string;
  amount: bigint;
  reversed: boolean;
  /** For pending ones: resolved (posted, voided or expired) yet? */
  resolved: boolean;
  expiresAt: string | null;
}

/** The model: accounts and the transfers the ledger accepted, summed here by hand. */
export class Model {
  readonly accounts = new Map<string, ModelAccount>();
  readonly transfers = new Map<string, ModelTransfer>();
  /** Every transfer input tried (accepted or not), to replay. */
  readonly attempted: TransferInput[] = [];
  readonly externalKeys = new Set<string>();
  private counter = 0;

  constructor(
    private readonly now: () => Date,
    /** Reads the expiry the ledger gave a pending transfer (it depends on its timestamp). */
    private readonly expiresAtOf: (transferId: string) => string | null,
  ) {}

  freshId(): string {
    this.counter += 1;
    return `t${this.counter}`;
  }

  accountList(): ModelAccount[] {
    return [...this.accounts.values()];
  }

  /** Tracks an account the ledger made (or returned); flag 1 limits debits, 2 limits credits. */
  addAccount(id: string, asset: string, flag: number): void {
    if (this.accounts.has(id)) return;
    this.accounts.set(id, {
      id,
      asset,
      debitLimited: flag === 1,
      creditLimited: flag === 2,
      debitsPending: 0n,
      debitsPosted: 0n,
      creditsPending: 0n,
      creditsPosted: 0n,
    });
  }

  /** Applies one accepted transfer to copies of the balances; returns false when a flag breaks. */
  static move(
    accounts: Map<string, ModelAccount>,
    debit: string,
    credit: string,
    kind: ModelTransfer['kind'],
    amount: bigint,
    pendingAmount: bigint,
  ): boolean {
    const d = accounts.get(debit) as ModelAccount;
    const c = accounts.get(credit) as ModelAccount;
    if (kind === 'single') {
      d.debitsPosted += amount;
      c.creditsPosted += amount;
    } else if (kind === 'pending') {
      d.debitsPending += amount;
      c.creditsPending += amount;
    } else {
      d.debitsPending -= pendingAmount;
      c.creditsPending -= pendingAmount;
      if (kind === 'post') {
        d.debitsPosted += amount;
        c.creditsPosted += amount;
      }
    }
    const debitOk = !d.debitLimited || d.debitsPending + d.debitsPosted <= d.creditsPosted;
    const creditOk = !c.creditLimited || c.creditsPending + c.creditsPosted <= c.debitsPosted;
    return debitOk && creditOk;
  }

  static copy(accounts: Map<string, ModelAccount>): Map<string, ModelAccount> {
    return new Map([...accounts].map(([id, account]) => [id, { ...account }]));
  }

  nowThrough(): string {
    return this.now().toISOString().replace('Z', '999Z');
  }

  /** Records what the ledger accepted in a group, skipping transfers that already existed. */
  accept(group: TransferInput[]): void {
    for (const input of group) {
      if (this.transfers.has(input.id)) continue;
      if ('postPendingId' in input && input.postPendingId) {
        const pending = this.transfers.get(input.postPendingId) as ModelTransfer;
        const amount = input.amount ?? pending.amount;
        Model.move(this.accounts, pending.debit, pending.credit, 'post', amount, pending.amount);
        pending.resolved = true;
        this.transfers.set(input.id, {
          input,
          kind: 'post',
          debit: pending.debit,
          credit: pending.credit,
          amount,
          reversed: false,
          resolved: true,
          expiresAt: null,
        });
      } else if ('voidPendingId' in input && input.voidPendingId) {
        const pending = this.transfers.get(input.voidPendingId) as ModelTransfer;
        Model.move(this.accounts, pending.debit, pending.credit, 'void', pending.amount, pending.amount);
        pending.resolved = true;
        this.transfers.set(input.id, {
          input,
          kind: 'void',
          debit: pending.debit,
          credit: pending.credit,
          amount: pending.amount,
          reversed: false,
          resolved: true,
          expiresAt: null,
        });
      } else {
        const fresh = input as NewTransferInput;
        const kind = fresh.pending ? 'pending' : 'single';
        Model.move(this.accounts, fresh.debitAccountId, fresh.creditAccountId, kind, fresh.amount, 0n);
        if (fresh.externalKey) this.externalKeys.add(fresh.externalKey);
        if (fresh.reversesId) (this.transfers.get(fresh.reversesId) as ModelTransfer).reversed = true;
        const expiresAt = fresh.timeoutMs ? this.expiresAtOf(fresh.id) : null;
        this.transfers.set(fresh.id, {
          input,
          kind,
          debit: fresh.debitAccountId,
          credit: fresh.creditAccountId,
          amount: fresh.amount,
          reversed: false,
          resolved: false,
          expiresAt,
        });
      }
    }
  }

  /**
   * The outcome of each group of one submit call, judged in order (an accepted group changes what
   * the next one sees): 'ok' or 'error' for groups of new single/pending transfers, null from the
   * first group the model cannot judge on (replays, posts, voids).
   */
  predictGroups(groups: TransferInput[][]): ('ok' | 'error' | null)[] {
    let accounts = Model.copy(this.accounts);
    let keys = new Set(this.externalKeys);
    const known = new Set([...this.transfers.keys(), ...this.attempted.map((x) => x.id)]);
    let judging = true;
    return groups.map((group) => {
      if (!judging) return null;
      const trialAccounts = Model.copy(accounts);
      const trialKeys = new Set(keys);
      const outcome = Model.judge(group, trialAccounts, trialKeys, known);
      if (outcome === null) judging = false;
      if (outcome === 'ok') {
        accounts = trialAccounts;
        keys = trialKeys;
      }
      return outcome;
    });
  }

  private static judge(
    group: TransferInput[],
    accounts: Map<string, ModelAccount>,
    keys: Set<string>,
    known: Set<string>,
  ): 'ok' | 'error' | null {
    const ids = new Set<string>();
    for (const input of group) {
      if (!('debitAccountId' in input) || 'postPendingId' in input || 'voidPendingId' in input) return null;
      const fresh = input as NewTransferInput;
      if (known.has(fresh.id) || ids.has(fresh.id)) return null;
      ids.add(fresh.id);
    }
    for (const input of group) {
      const fresh = input as NewTransferInput;
      const d = accounts.get(fresh.debitAccountId);
      const c = accounts.get(fresh.creditAccountId);
      if (!d || !c || d === c || d.asset !== fresh.asset || c.asset !== fresh.asset || fresh.amount <= 0n) {
        return 'error';
      }
      if (fresh.externalKey) {
        if (keys.has(fresh.externalKey)) return 'error';
        keys.add(fresh.externalKey);
      }
      if (!Model.move(accounts, d.id, c.id, fresh.pending ? 'pending' : 'single', fresh.amount, 0n))
        return 'error';
    }
    return 'ok';
  }

  /** Expected outcome of posting or voiding a pending transfer (posts and voids never break a flag). */
  predictResolve(pendingId: string, post: boolean, amount: bigint | null): 'ok' | 'error' {
    const pending = this.transfers.get(pendingId);
    if (!pending || pending.kind !== 'pending' || pending.resolved) return 'error';
    if (pending.expiresAt !== null && pending.expiresAt <= this.nowThrough()) return 'error';
    if (amount !== null && (post ? amount > pending.amount : amount !== pending.amount)) return 'error';
    return 'ok';
  }

  expireDue(): number {
    let count = 0;
    for (const transfer of this.transfers.values()) {
      if (transfer.kind !== 'pending' || transfer.resolved || transfer.expiresAt === null) continue;
      if (transfer.expiresAt > this.nowThrough()) continue;
      Model.move(this.accounts, transfer.debit, transfer.credit, 'void', transfer.amount, transfer.amount);
      transfer.resolved = true;
      count += 1;
    }
    return count;
  }
}
