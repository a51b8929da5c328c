/**
 * Ledger accounts: one per (asset, code, ref), made once by `ensureAccount` and never changed
 * afterwards except for the four balances, which only the submit path moves.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError } from '../../shared/api/errors';
import { bitsToFlags, creditsLimitBit, debitsLimitBit, flagsToBits } from './effects';
import { toAccount, type LedgerStatements } from './statements';
import { type Account, type AccountFilter, type EnsureAccountInput } from './types';

const assetPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,31}$/;
const maxKeyLength = 200;

function checkKey(value: unknown, field: string, allowEmpty: boolean): string {
  if (
    typeof value !== 'string' ||
    (!allowEmpty && value.length === 0) ||
    value.length > maxKeyLength ||
    /\s/.test(value)
  ) {
    throw new TillpointError(
      'bad_input',
      `Account ${field} must be a${allowEmpty ? '' : ' non-empty'} string of at most ${maxKeyLength} characters, no spaces.`,
      { field, value: typeof value === 'string' ? value : null },
    );
  }
  return value;
}

export interface AccountStore {
  ensureAccount(input: EnsureAccountInput): Account;
  getAccount(id: string): Account | null;
  findAccount(asset: string, code: string, ref?: string): Account | null;
  listAccounts(filter?: AccountFilter): Account[];
}

export function createAccountStore(statements: LedgerStatements, clock: () => Date): AccountStore {
  const newId = monotonicFactory();

  return {
    ensureAccount(input) {
      const asset = input?.asset;
      if (typeof asset !== 'string' || !assetPattern.test(asset)) {
        throw new TillpointError(
          'bad_input',
          'Account asset must be a code such as USD, BTC, ETH or COINS.',
          {
            field: 'asset',
            value: typeof asset === 'string' ? asset : null,
          },
        );
      }
      const code = checkKey(input.code, 'code', false);
      const ref = checkKey(input.ref ?? '', 'ref', true);
      const bits = flagsToBits(input.flags);
      if (bits === (debitsLimitBit | creditsLimitBit)) {
        throw new TillpointError(
          'bad_input',
          'An account limits its debits or its credits, not both (debitsMustNotExceedCredits, creditsMustNotExceedDebits).',
          { field: 'flags' },
        );
      }
      let row = statements.accountByKey.get(asset, code, ref);
      if (!row) {
        statements.insertAccount.run(newId(clock().getTime()), asset, code, ref, bits, clock().toISOString());
        row = statements.accountByKey.get(asset, code, ref);
        if (!row) throw new Error(`Account ${asset}/${code}/${ref} vanished right after it was made.`);
      }
      if (row.flags !== bits) {
        throw new TillpointError(
          'conflict',
          `Account ${asset}/${code}${ref ? `/${ref}` : ''} exists with other flags; an account's flags never change.`,
          { accountId: row.id, existing: bitsToFlags(row.flags), requested: bitsToFlags(bits) },
        );
      }
      return toAccount(row);
    },

    getAccount(id) {
      const row = statements.accountById.get(id);
      return row ? toAccount(row) : null;
    },

    findAccount(asset, code, ref = '') {
      const row = statements.accountByKey.get(asset, code, ref);
      return row ? toAccount(row) : null;
    },

    listAccounts(filter = {}) {
      return statements.listAccounts
        .all({ asset: filter.asset ?? null, code: filter.code ?? null, ref: filter.ref ?? null })
        .map(toAccount);
    },
  };
}
