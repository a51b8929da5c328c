/** The `sync.*` handlers: how this till's sync to the central PostgreSQL stands, and "retry now". */
import { z } from 'zod';
import { defineHandler } from './define';

export const syncStates = ['off', 'synced', 'behind', 'offline', 'error'] as const;
export type SyncState = (typeof syncStates)[number];

export const syncStatusSchema = z.object({
  enabled: z.boolean(),
  state: z
    .enum(syncStates)
    .describe('off (no central database), synced, behind (rows waiting), offline, error'),
  target: z.string().nullable().describe('the central database, without its password'),
  storeId: z.string().nullable(),
  tillId: z.string().nullable(),
  pendingRows: z.number().int().nonnegative().describe('outbox rows the central database has not confirmed'),
  oldestPendingAt: z.string().nullable(),
  lagSeconds: z.number().nonnegative().describe('age of the oldest unconfirmed row (0 when none waits)'),
  offlineSince: z.string().nullable(),
  lastError: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
  confirmedSeq: z.number().int().nonnegative(),
  newestSeq: z.number().int().nonnegative(),
  batchSize: z.number().int().nonnegative(),
  batches: z.number().int().nonnegative(),
  rowsPushed: z.number().int().nonnegative(),
  rowsPulled: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  byTable: z
    .array(z.object({ tableName: z.string(), pendingRows: z.number().int().nonnegative() }))
    .describe('unconfirmed rows per table'),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const syncHandlers = [
  defineHandler({
    name: 'sync.status',
    summary:
      'The sync to the central PostgreSQL: state (off, synced, N behind, offline since, error), the queue, the last ' +
      'error, counts per table. Never shows the database password.',
    permission: 'session',
    input: z.object({}).strict(),
    output: syncStatusSchema,
  }),
  defineHandler({
    name: 'sync.retryNow',
    summary: 'Ends the back-off wait and tries the central database at once; answers the status.',
    permission: 'session',
    input: z.object({}).strict(),
    output: syncStatusSchema,
  }),
] as const;
