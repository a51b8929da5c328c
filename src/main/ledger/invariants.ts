/**
 * The ledger's invariants, checked from scratch by reading every account and transfer: per asset
 * total debits equal total credits (posted and pending apart); no balance is negative and no
 * flagged account is past its limit; every account's four stored balances equal the sum of its
 * transfers; transfers match their accounts' asset, resolve a pending transfer at most once and
 * within its amount, and their timestamps strictly increase.
 */
import { applyEffect, limitBreach } from './effects';
import { toTransfer, type LedgerStatements } from './statements';
import { type Balances, type InvariantReport, type Transfer } from './types';

interface Checked {
  asset: string;
  flags: number;
  stored: Balances;
  summed: Balances;
}

const fields = ['debitsPending', 'debitsPosted', 'creditsPending', 'creditsPosted'] as const;

function zero(): Balances {
  return { debitsPending: 0n, debitsPosted: 0n, creditsPending: 0n, creditsPosted: 0n };
}

export function checkLedgerInvariants(statements: LedgerStatements): InvariantReport {
  const problems: string[] = [];
  const accounts = new Map<string, Checked>();
  for (const row of statements.allAccounts.iterate()) {
    accounts.set(row.id, {
      asset: row.asset,
      flags: row.flags,
      stored: {
        debitsPending: BigInt(row.debits_pending),
        debitsPosted: BigInt(row.debits_posted),
        creditsPending: BigInt(row.credits_pending),
        creditsPosted: BigInt(row.credits_posted),
      },
      summed: zero(),
    });
  }

  const pendings = new Map<string, Transfer>();
  const resolved = new Set<string>();
  let previousTimestamp = '';
  for (const row of statements.allTransfers.iterate()) {
    const transfer = toTransfer(row);
    if (transfer.timestamp <= previousTimestamp) {
      problems.push(
        `transfer ${transfer.id}: timestamp ${transfer.timestamp} does not follow ${previousTimestamp}`,
      );
    }
    previousTimestamp = transfer.timestamp;
    if (transfer.amount <= 0n && transfer.kind !== 'void_pending' && transfer.kind !== 'expire_pending') {
      problems.push(`transfer ${transfer.id}: amount ${transfer.amount} is not positive`);
    }
    const debit = accounts.get(transfer.debitAccountId);
    const credit = accounts.get(transfer.creditAccountId);
    if (!debit || !credit) {
      problems.push(`transfer ${transfer.id}: names a missing account`);
      continue;
    }
    if (debit.asset !== transfer.asset || credit.asset !== transfer.asset) {
      problems.push(`transfer ${transfer.id}: asset ${transfer.asset} differs from its accounts'`);
    }
    if (transfer.kind === 'pending') pendings.set(transfer.id, transfer);
    const pendingId = transfer.postPendingId ?? transfer.voidPendingId;
    if (pendingId !== null) {
      const pending = pendings.get(pendingId);
      if (!pending)
        problems.push(`transfer ${transfer.id}: resolves ${pendingId}, not an earlier pending transfer`);
      else if (pending.amount !== transfer.pendingAmount) {
        problems.push(
          `transfer ${transfer.id}: records pending amount ${transfer.pendingAmount}, not ${pending.amount}`,
        );
      } else if (transfer.amount > pending.amount) {
        problems.push(
          `transfer ${transfer.id}: posts ${transfer.amount}, more than pending ${pending.amount}`,
        );
      }
      if (resolved.has(pendingId)) problems.push(`pending transfer ${pendingId} is resolved more than once`);
      resolved.add(pendingId);
    }
    applyEffect(debit.summed, 'debit', transfer.kind, transfer.amount, transfer.pendingAmount);
    applyEffect(credit.summed, 'credit', transfer.kind, transfer.amount, transfer.pendingAmount);
  }

  for (const timeout of statements.allTimeouts.iterate()) {
    if (!pendings.has(timeout.transfer_id) || resolved.has(timeout.transfer_id)) {
      problems.push(`pending timeout ${timeout.transfer_id} is not an open pending transfer`);
    }
  }

  const totals = new Map<string, Balances>();
  for (const [id, account] of accounts) {
    const total = totals.get(account.asset) ?? zero();
    totals.set(account.asset, total);
    for (const field of fields) {
      total[field] += account.stored[field];
      if (account.stored[field] !== account.summed[field]) {
        problems.push(
          `account ${id}: stored ${field} ${account.stored[field]} ≠ sum of transfers ${account.summed[field]}`,
        );
      }
      if (account.stored[field] < 0n)
        problems.push(`account ${id}: ${field} is negative (${account.stored[field]})`);
    }
    const breach = limitBreach(account.flags, account.stored);
    if (breach !== null) problems.push(`account ${id}: ${breach.replace('_', ' ')} (flag breached)`);
  }
  for (const [asset, total] of totals) {
    if (total.debitsPosted !== total.creditsPosted) {
      problems.push(
        `asset ${asset}: posted debits ${total.debitsPosted} ≠ posted credits ${total.creditsPosted}`,
      );
    }
    if (total.debitsPending !== total.creditsPending) {
      problems.push(
        `asset ${asset}: pending debits ${total.debitsPending} ≠ pending credits ${total.creditsPending}`,
      );
    }
  }
  return { ok: problems.length === 0, problems };
}
