/**
 * The `ledger.*` handlers: read-only views of the double-entry ledger for owners and managers
 * (accounts with their balances, an account's history with the running balance). Amounts are
 * decimal strings of minor units of the account's asset ("1250" = $12.50 in USD).
 */
import { z } from 'zod';
import { isoDateTimeText, text } from './bounds';
import { defineHandler } from './define';

/** The longest history cursor the ledger gives (see src/main/ledger/queries.ts). */
export const ledgerCursorMaxLength = 4096;

/** A whole number of minor units as a decimal string; balances and `net` may be negative. */
export const minorUnitsSchema = z
  .string()
  .regex(/^-?\d+$/, 'An amount is a whole number of minor units, as text.');

export const ledgerBalanceSchema = z.object({
  debitsPending: minorUnitsSchema,
  debitsPosted: minorUnitsSchema,
  creditsPending: minorUnitsSchema,
  creditsPosted: minorUnitsSchema,
  net: minorUnitsSchema.describe('debitsPosted − creditsPosted: positive for a debit balance (cash held)'),
});

export const ledgerAccountSchema = ledgerBalanceSchema.extend({
  id: z.string(),
  asset: z.string(),
  code: z.string().describe('what the account is: cash_drawer, sales_revenue, customer_coins, ...'),
  ref: z.string().describe("'' or the owner's id (a customer, a vendor)"),
  flags: z.object({
    debitsMustNotExceedCredits: z.boolean(),
    creditsMustNotExceedDebits: z.boolean(),
  }),
  createdAt: z.string(),
});

export const ledgerTransferKinds = [
  'single',
  'pending',
  'post_pending',
  'void_pending',
  'expire_pending',
] as const;

export const ledgerHistoryEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(ledgerTransferKinds),
  timestamp: z.string().describe('ISO 8601 UTC with microseconds'),
  side: z.enum(['debit', 'credit']).describe('whether this account was debited or credited'),
  amount: minorUnitsSchema,
  asset: z.string(),
  code: z.string(),
  ref: z.string(),
  debitAccountId: z.string(),
  creditAccountId: z.string(),
  externalKey: z.string().nullable(),
  staffId: z.string().nullable(),
  memo: z.string().nullable(),
  pendingId: z.string().nullable().describe('the pending transfer a post, void or expiry resolves'),
  reversesId: z.string().nullable(),
  balanceAfter: ledgerBalanceSchema,
});

export const ledgerAccounts = defineHandler({
  name: 'ledger.accounts',
  summary: 'Ledger accounts with their balances, optionally filtered by asset, code or owner ref.',
  permission: 'reports.read',
  input: z
    .object({
      asset: text({ max: 16, min: 1, trim: false }).optional(),
      code: text({ max: 200, min: 1, trim: false }).optional(),
      ref: text({ max: 200, trim: false }).optional(),
    })
    .strict(),
  output: z.object({ accounts: z.array(ledgerAccountSchema) }),
});

export const ledgerHistory = defineHandler({
  name: 'ledger.history',
  summary: "One page of an account's transfers, oldest first, each with the balance right after it.",
  permission: 'reports.read',
  input: z
    .object({
      accountId: text({ max: 200, min: 1, trim: false }),
      from: isoDateTimeText().optional().describe('transfers at or after this instant'),
      to: isoDateTimeText().optional().describe('transfers at or before this instant'),
      limit: z.number().int().min(1).max(500).default(100),
      after: text({ max: ledgerCursorMaxLength, min: 1, trim: false })
        .optional()
        .describe('the nextCursor of the previous page'),
    })
    .strict(),
  output: z.object({
    account: ledgerAccountSchema,
    opening: ledgerBalanceSchema.describe('the balance just before the first entry of the page'),
    entries: z.array(ledgerHistoryEntrySchema),
    nextCursor: z.string().nullable(),
  }),
});

export const ledgerHandlers = [ledgerAccounts, ledgerHistory] as const;
