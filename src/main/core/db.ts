/**
 * Opens the till's SQLite database with the durability the ledger needs: WAL journal and
 * synchronous=FULL, so a sale acknowledged to the cashier survives a power cut, not only a crash.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  /** Path of a better-sqlite3 native binding built for another ABI (the Electron shell sets it). */
  nativeBinding?: string;
  readonly?: boolean;
}

export const databaseFileName = 'tillpoint.sqlite';

export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, databaseFileName);
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
