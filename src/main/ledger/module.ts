/**
 * The ledger as a domain of the core: builds the one Ledger of the till on the core's database
 * and clock, and implements the read handlers (`ledger.accounts`, `ledger.history`). Other
 * domains are given `ledger` to write their transfers.
 */
import { type ApiOutput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { createLedger } from './ledger';
import { type Account, type Balance, type HistoryEntry, type Ledger } from './types';

export interface LedgerModule extends DomainModule {
  readonly ledger: Ledger;
}

type AccountView = ApiOutput<'ledger.accounts'>['accounts'][number];
type BalanceView = ApiOutput<'ledger.history'>['opening'];
type EntryView = ApiOutput<'ledger.history'>['entries'][number];

export function balanceView(balance: Balance): BalanceView {
  return {
    debitsPending: balance.debitsPending.toString(),
    debitsPosted: balance.debitsPosted.toString(),
    creditsPending: balance.creditsPending.toString(),
    creditsPosted: balance.creditsPosted.toString(),
    net: balance.net.toString(),
  };
}

export function accountView(account: Account): AccountView {
  return {
    id: account.id,
    asset: account.asset,
    code: account.code,
    ref: account.ref,
    flags: { ...account.flags },
    createdAt: account.createdAt,
    ...balanceView({ ...account, net: account.debitsPosted - account.creditsPosted }),
  };
}

function entryView(entry: HistoryEntry): EntryView {
  const { transfer } = entry;
  return {
    id: transfer.id,
    kind: transfer.kind,
    timestamp: transfer.timestamp,
    side: entry.side,
    amount: transfer.amount.toString(),
    asset: transfer.asset,
    code: transfer.code,
    ref: transfer.ref,
    debitAccountId: transfer.debitAccountId,
    creditAccountId: transfer.creditAccountId,
    externalKey: transfer.externalKey,
    staffId: transfer.staffId,
    memo: transfer.memo,
    pendingId: transfer.postPendingId ?? transfer.voidPendingId,
    reversesId: transfer.reversesId,
    balanceAfter: balanceView(entry.balanceAfter),
  };
}

export function createLedgerModule(deps: CoreDeps): LedgerModule {
  const ledger = createLedger(deps.db, { now: deps.now });
  const handlers: PartialHandlerImpls = {
    'ledger.accounts': (input) => ({
      accounts: ledger
        .listAccounts({
          ...(input.asset !== undefined ? { asset: input.asset } : {}),
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.ref !== undefined ? { ref: input.ref } : {}),
        })
        .map(accountView),
    }),
    'ledger.history': (input) => {
      const account = ledger.getAccount(input.accountId);
      if (!account) {
        throw new TillpointError('not_found', `No ledger account ${input.accountId}.`, {
          accountId: input.accountId,
        });
      }
      const page = ledger.history(input.accountId, {
        limit: input.limit,
        ...(input.from !== undefined ? { from: new Date(input.from) } : {}),
        ...(input.to !== undefined ? { to: new Date(input.to) } : {}),
        ...(input.after !== undefined ? { after: input.after } : {}),
      });
      return {
        account: accountView(account),
        opening: balanceView(page.opening),
        entries: page.entries.map(entryView),
        nextCursor: page.nextCursor,
      };
    },
  };
  return { handlers, ledger };
}
