/**
 * The central database of a sync test: a fresh database on the machine's PostgreSQL (127.0.0.1:5432,
 * trust, reached through db `test`) when it answers, dropped at the end; PGlite on a loopback socket
 * otherwise. With CI=true the real PostgreSQL must answer: CI exercises it, never the fallback.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import { Client } from 'pg';
import { startPglite } from '../../src/main/sync/demo';
import { migrateCentral } from '../../src/main/sync/centralMigrate';
import { pgClientConfig } from '../../src/main/sync/syncConfig';

export interface CentralDb {
  readonly url: string;
  readonly kind: 'postgresql' | 'pglite';
  readonly host: string;
  readonly port: number;
  /** The URL for another role (trust authentication on the test server). */
  urlAs(role: string): string;
  admin(): Promise<Client>;
  close(): Promise<void>;
}

const pgHost = process.env.TILLPOINT_TEST_PG_HOST ?? '127.0.0.1';
const pgPort = Number(process.env.TILLPOINT_TEST_PG_PORT ?? 5432);

export function postgresReachable(timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: pgHost, port: pgPort });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => {
      // A PostgreSQL server answers an SSLRequest with one byte, 'S' or 'N'.
      const request = Buffer.alloc(8);
      request.writeInt32BE(8, 0);
      request.writeInt32BE(80877103, 4);
      socket.write(request);
    });
    socket.once('data', (data) => done(data[0] === 0x53 || data[0] === 0x4e));
    socket.once('error', () => done(false));
  });
}

export const realPostgres = await postgresReachable();
if (!realPostgres && process.env.CI) {
  throw new Error(`CI: the sync tests need PostgreSQL on ${pgHost}:${pgPort}, and it does not answer.`);
}

export async function createCentralDb(options: { migrate?: boolean } = {}): Promise<CentralDb> {
  let central: CentralDb;
  if (realPostgres) {
    const name = `tillpoint_sync_${crypto.randomBytes(5).toString('hex')}`;
    const base = `postgres://postgres@${pgHost}:${pgPort}`;
    const maintenance = new Client({ connectionString: `${base}/test` });
    await maintenance.connect();
    await maintenance.query(`CREATE DATABASE ${name}`);
    await maintenance.end();
    central = {
      url: `${base}/${name}`,
      kind: 'postgresql',
      host: pgHost,
      port: pgPort,
      urlAs: (role) => `postgres://${encodeURIComponent(role)}@${pgHost}:${pgPort}/${name}`,
      admin: async () => {
        const client = new Client({ connectionString: `${base}/${name}` });
        await client.connect();
        return client;
      },
      async close() {
        const drop = new Client({ connectionString: `${base}/test` });
        await drop.connect();
        await drop.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [name],
        );
        await drop.query(`DROP DATABASE IF EXISTS ${name}`);
        // The tills' roles of this run (their names carry its random store ids).
        const roles = await drop.query<{ rolname: string }>(
          "SELECT rolname FROM pg_roles WHERE rolname LIKE 'tillpoint\\_t' || $1 || '%'",
          [name.slice(-10)],
        );
        for (const role of roles.rows) await drop.query(`DROP ROLE IF EXISTS "${role.rolname}"`);
        await drop.end();
      },
    };
  } else {
    const pg = await startPglite(null, 16);
    const url = new URL(pg.url);
    central = {
      url: pg.url,
      kind: 'pglite',
      host: url.hostname,
      port: Number(url.port),
      urlAs: () => pg.url,
      admin: async () => {
        const client = new Client({ connectionString: pg.url });
        await client.connect();
        return client;
      },
      close: () => pg.close(),
    };
  }
  if (options.migrate !== false) await migrateCentral(pgClientConfig({ databaseUrl: central.url }));
  return central;
}

/** A store id unique to this run, so the roles it makes can be found and dropped. */
export function runStoreId(central: CentralDb, name: string): string {
  const suffix = central.kind === 'postgresql' ? new URL(central.url).pathname.slice(-10) : 'lite';
  return `t${suffix}_${name}`;
}
