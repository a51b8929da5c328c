/** `tillpoint db migrate` and `tillpoint db add-till` against the test's central database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDbCommand } from '../../src/main/sync';
import { Client } from 'pg';
import { pgClientConfig } from '../../src/main/sync/syncConfig';
import { createCentralDb, runStoreId, type CentralDb } from './centralDb';

let central: CentralDb;
beforeAll(async () => {
  central = await createCentralDb({ migrate: false });
}, 60_000);
afterAll(async () => {
  await central?.close();
});

describe('tillpoint db', () => {
  it('migrates, then says it is up to date, then adds a till and prints its URL once', async () => {
    const out: string[] = [];
    await runDbCommand(['migrate', '--database-url', central.url], (text) => out.push(text));
    await runDbCommand(['migrate', '--database-url', central.url], (text) => out.push(text));
    expect(out[0]).toMatch(/^Applied 5 migration\(s\)/);
    expect(out[1]).toMatch(/is up to date/);
    const store = runStoreId(central, 'cli');
    await runDbCommand(
      ['add-till', '--database-url', central.url, '--store', store, '--till', 'front'],
      (text) => out.push(text),
    );
    expect(out[2]).toContain(`Till ${store}/front added`);
    expect(out[2]).toMatch(/TILLPOINT_DATABASE_URL='postgres:\/\/tillpoint_[a-z0-9_]+:[A-Za-z0-9_-]+@/);
  });

  it('says what is wrong with its arguments', async () => {
    await expect(runDbCommand(['migrate'])).rejects.toThrow(/--database-url is needed/);
    await expect(runDbCommand(['add-till', '--database-url', central.url, '--store', 'x'])).rejects.toThrow(
      /needs --store and --till/,
    );
    await expect(
      runDbCommand(['add-till', '--database-url', central.url, '--store', 'bad store', '--till', 't']),
    ).rejects.toThrow(/--store must be/);
    await expect(
      runDbCommand(['migrate', '--database-url', central.url, '--sslmode', 'maybe']),
    ).rejects.toThrow(/--sslmode must be one of/);
    await expect(runDbCommand(['vacuum', '--database-url', central.url])).rejects.toThrow(
      /Unknown db command/,
    );
  });

  it('builds TLS options from sslmode and a CA file', () => {
    expect(pgClientConfig({ databaseUrl: 'postgres://u:p@db.example/x?sslmode=disable' }).ssl).toBe(false);
    expect(pgClientConfig({ databaseUrl: 'postgres://u:p@db.example/x?sslmode=require' }).ssl).toEqual({
      rejectUnauthorized: false,
    });
    const full = pgClientConfig({ databaseUrl: 'postgres://u:p@db.example/x', sslMode: 'verify-full' });
    expect(full.ssl).toEqual({ rejectUnauthorized: true });
    expect(full.connectionString).toBe('postgres://u:p@db.example/x');
    const ca = pgClientConfig({
      databaseUrl: `postgres://u:p@db.example/x?sslmode=verify-ca&sslrootcert=${encodeURIComponent(__filename)}`,
    });
    expect(ca.ssl).toMatchObject({ rejectUnauthorized: true, ca: expect.stringContaining('tillpoint db') });
    expect(ca.connectionString).not.toContain('sslrootcert');
  });

  it('asks the server for TLS when sslmode says so (this test server: TLS only if it has it on)', async () => {
    const admin = await central.admin();
    const ssl =
      central.kind === 'postgresql' ? (await admin.query<{ ssl: string }>('SHOW ssl')).rows[0]?.ssl : 'off';
    await admin.end();
    const client = new Client(pgClientConfig({ databaseUrl: `${central.url}?sslmode=require` }));
    const connected = client.connect().then(
      () => 'connected',
      (error: unknown) => (error as Error).message,
    );
    const outcome = await connected;
    await client.end().catch(() => undefined);
    if (ssl === 'on') expect(outcome).toBe('connected');
    else expect(outcome).toMatch(/does not support SSL/);
  });
});
