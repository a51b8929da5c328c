/**
 * Opens the till's SQLite database with the durability the ledger needs: WAL journal and
 * synchronous=FULL, so a sale acknowledged to the cashier survives a power cut, not only a crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateFile, privateFileMode, secureDataDir } from './dataDir';
import { cacheStatements } from './statementCache';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 native binding built for another ABI (the Electron shell sets it). */
  nativeBinding?: string;
  readonly?: boolean;
}

export const databaseFileName = 'tillpoint.sqlite';

export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  // The folder 0700 and its files 0600 (see dataDir.ts). The database file is made 0600 before
  // SQLite opens it: SQLite gives its -wal and -shm the database file's mode.
  secureDataDir(dataDir);
  const file = path.join(dataDir, databaseFileName);
  if (!options.readonly) ensurePrivateFile(file);
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  // Checkpoints are moved off the commit path: the core runs them while the till is idle (the
  // database.checkpoint service, checkpoints.ts). The automatic one stays as a backstop, at 4,000 pages (16 MiB of WAL)
  // instead of 1,000, so it only lands inside a commit under a bulk load.
  db.pragma('wal_autocheckpoint = 4000');
  cacheStatements(db);
  for (const companion of [`${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(companion)) fs.chmodSync(companion, privateFileMode);
  }
  return db;
}
