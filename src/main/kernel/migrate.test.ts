import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { openDatabase } from './db';
import { applyMigrations, checkMigrationList, DatabaseTooNewError, type Migration } from './migrate';
import { migrations } from './migrations';
import { testPinHashParams } from '../staff';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-migrate-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const now = () => new Date('2026-11-21T12:00:00Z');

describe('migrations', () => {
  it('lists every migration file of the folder, in order', () => {
    const folder = path.join(import.meta.dirname, 'migrations');
    const files = fs
      .readdirSync(folder)
      .filter((f) => /^\d{8}T\d{6}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrations.map((m) => m.id)).toEqual(files);
    expect(() => checkMigrationList(migrations)).not.toThrow();
  });

  it('applies each migration once and records it', () => {
    const db = openDatabase(tempDir());
    const list: Migration[] = [
      { id: '20260101T000000_a', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { id: '20260102T000000_b', sql: 'CREATE TABLE b (y INTEGER) STRICT;' },
    ];
    expect(applyMigrations(db, list.slice(0, 1), now)).toEqual(['20260101T000000_a']);
    expect(applyMigrations(db, list, now)).toEqual(['20260102T000000_b']);
    expect(applyMigrations(db, list, now)).toEqual([]);
    db.close();
  });

  it('rolls a failing migration back whole and records nothing for it', () => {
    const db = openDatabase(tempDir());
    const broken: Migration[] = [
      { id: '20260101T000000_bad', sql: 'CREATE TABLE ok (x INTEGER); CREATE TABLE ok (x);' },
    ];
    expect(() => applyMigrations(db, broken, now)).toThrow(/already exists/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses to open a database written by a newer Tillpoint, changing nothing', async () => {
    const dataDir = tempDir();
    const first = await createCore({
      pinHashParams: testPinHashParams,
      dataDir,
      logger: pino({ level: 'silent' }),
    });
    first.db
      .prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)')
      .run('29990101T000000_future', 'x');
    first.close();
    await expect(
      createCore({ pinHashParams: testPinHashParams, dataDir, logger: pino({ level: 'silent' }) }),
    ).rejects.toThrow(DatabaseTooNewError);
    await expect(
      createCore({ pinHashParams: testPinHashParams, dataDir, logger: pino({ level: 'silent' }) }),
    ).rejects.toThrow(/29990101T000000_future/);
  });

  it.each([
    [[{ id: 'nope', sql: '' }], /Bad migration id/],
    [
      [
        { id: '20260102T000000_b', sql: '' },
        { id: '20260101T000000_a', sql: '' },
      ],
      /out of order/,
    ],
  ])('rejects a bad migration list %#', (list, message) => {
    expect(() => checkMigrationList(list)).toThrow(message);
  });

  it('opens with WAL and synchronous=FULL', () => {
    const db = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
