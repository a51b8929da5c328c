/**
 * Schema migrations: timestamp-named modules applied in order, each in its own transaction, and
 * recorded in `schema_migrations`. A database that records a migration this build does not know
 * was written by a newer Tillpoint: we refuse to open it rather than risk damaging it.
 */
import { type Db } from './db';

export interface Migration {
  /** `YYYYMMDDTHHMMSS_name`, the same as the file name without its extension. */
  readonly id: string;
  readonly sql: string;
}

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownIds: string[]) {
    super(
      `This database was written by a newer Tillpoint (unknown migrations: ${unknownIds.join(', ')}). ` +
        'Update Tillpoint before opening it; nothing was changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

const migrationIdPattern = /^\d{8}T\d{6}_[a-z0-9_]+$/;

export function checkMigrationList(migrations: readonly Migration[]): void {
  let previous = '';
  for (const migration of migrations) {
    if (!migrationIdPattern.test(migration.id)) throw new Error(`Bad migration id: ${migration.id}`);
    if (migration.id <= previous)
      throw new Error(`Migrations out of order: ${previous} then ${migration.id}`);
    previous = migration.id;
  }
}

/** Applies what is missing; returns the ids applied now. */
export function applyMigrations(db: Db, migrations: readonly Migration[], now: () => Date): string[] {
  checkMigrationList(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db
      .prepare('SELECT id FROM schema_migrations')
      .pluck()
      .all()
      .map((id) => String(id)),
  );
  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id)).sort();
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown);

  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const appliedNow: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.id, now().toISOString());
    })();
    appliedNow.push(migration.id);
  }
  return appliedNow;
}

export function newestMigrationId(db: Db): string {
  const row = db.prepare('SELECT max(id) AS id FROM schema_migrations').get() as { id: string | null };
  return row.id ?? '';
}
