/**
 * `tillpoint serve --sync-demo`: PGlite (PostgreSQL in WebAssembly) on a loopback socket as the central
 * database, migrated, with this till registered, so the sync can be watched without installing
 * PostgreSQL. Its data lives in DIR/sync-demo-pg (or in memory for tests). PGlite knows one user, so
 * the demo till connects as it (row-level security is exercised by the tests on real PostgreSQL).
 */
import net from 'node:net';
import { migrateCentral } from './centralMigrate';
import { pgClientConfig, type SyncConfig } from './syncConfig';
import { addTill } from './tills';

export interface SyncDemo {
  readonly databaseUrl: string;
  readonly config: SyncConfig;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts PGlite on a free loopback port; `dataDir` null keeps it in memory. */
export async function startPglite(
  dataDir: string | null,
  maxConnections = 8,
): Promise<{ url: string; close(): Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

export async function startSyncDemo(options: {
  dataDir: string | null;
  storeId?: string;
  tillId?: string;
}): Promise<SyncDemo> {
  const pg = await startPglite(options.dataDir);
  try {
    const client = pgClientConfig({ databaseUrl: pg.url });
    await migrateCentral(client);
    const storeId = options.storeId ?? 'demo-store';
    const tillId = options.tillId ?? 'till-1';
    await addTill(client, { storeId, tillId });
    return {
      databaseUrl: pg.url,
      config: { databaseUrl: pg.url, storeId, tillId, coinLeaseUnits: 1000, pollMs: 150 },
      close: () => pg.close(),
    };
  } catch (error) {
    await pg.close();
    throw error;
  }
}
