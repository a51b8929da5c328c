/**
 * WAL checkpoints as a background service: every `intervalMs` the WAL is copied back into the
 * database (PASSIVE: never waits for readers or blocks writers), so commits rarely pay for a
 * checkpoint; at close the WAL is truncated.
 */
import { type Logger } from 'pino';
import { createIntervalService, type BackgroundService } from './backgroundServices';
import { type Db } from './db';

export function createCheckpointService(
  db: Db,
  logger: Logger,
  now: () => Date,
  intervalMs = 2_000,
): BackgroundService {
  return createIntervalService({
    name: 'database.checkpoint',
    intervalMs,
    logger,
    now,
    tick: () => {
      if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
    },
  });
}

/** Truncates the WAL when the database closes. */
export function finalCheckpoint(db: Db): void {
  if (db.open && !db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
}
