/**
 * The central schema's migrations: the SQL files in ./central/migrations (NNN_name.sql), applied in
 * order by `tillpoint db migrate --database-url URL`, each in its own transaction, recorded in
 * `tillpoint.schema_migrations`; an advisory lock keeps two runs from racing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client, type ClientConfig } from 'pg';

export interface CentralMigration {
  readonly id: string;
  readonly sql: string;
}

const fileName = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** The folder of the SQL files: beside this file in the sources, or the repository's from a build. */
export function centralMigrationsDir(): string {
  const candidates = [
    path.join(__dirname, 'central', 'migrations'),
    path.join(__dirname, '..', '..', 'src', 'main', 'sync', 'central', 'migrations'),
    path.join(process.cwd(), 'src', 'main', 'sync', 'central', 'migrations'),
  ];
  const found = candidates.find((dir) => fs.existsSync(dir));
  if (!found)
    throw new Error(`The central schema's migrations are not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function loadCentralMigrations(dir = centralMigrationsDir()): CentralMigration[] {
  return fs
    .readdirSync(dir)
    .filter((name) => fileName.test(name))
    .sort()
    .map((name) => ({
      id: name.slice(0, -'.sql'.length),
      sql: fs.readFileSync(path.join(dir, name), 'utf8'),
    }));
}

const lockKey = 7_415_310_001;

/** Applies what is missing; returns the ids applied now. */
export async function migrateCentral(
  config: ClientConfig,
  migrations: readonly CentralMigration[] = loadCentralMigrations(),
): Promise<string[]> {
  const client = new Client(config);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [lockKey]);
    await client.query('CREATE SCHEMA IF NOT EXISTS tillpoint');
    await client.query(`CREATE TABLE IF NOT EXISTS tillpoint.schema_migrations (
      id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await client.query<{ id: string }>('SELECT id FROM tillpoint.schema_migrations')).rows.map(
        (r) => r.id,
      ),
    );
    const known = new Set(migrations.map((m) => m.id));
    const unknown = [...done].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new Error(
        `The central database was migrated by a newer Tillpoint (unknown: ${unknown.join(', ')}); nothing was changed.`,
      );
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO tillpoint.schema_migrations (id) VALUES ($1)', [migration.id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Central migration ${migration.id} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.id);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [lockKey]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
