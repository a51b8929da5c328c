import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheStatements } from './statementCache';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function open(max?: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-stmt-'));
  dirs.push(dir);
  const db = new Database(path.join(dir, 'db.sqlite'));
  cacheStatements(db, max);
  db.exec(
    "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('a'), ('b'), ('c');",
  );
  return db;
}

describe('the statement cache', () => {
  it('hands back the same compiled statement for the same SQL, in its default mode', () => {
    const db = open();
    const sql = 'SELECT name FROM t WHERE id = ?';
    const first = db.prepare(sql);
    expect(db.prepare(sql)).toBe(first);
    expect(db.prepare(sql).pluck().get(1)).toBe('a');
    // The plucked use above does not leak into the next caller.
    expect(db.prepare(sql).get(2)).toEqual({ name: 'b' });
    expect(db.prepare('UPDATE t SET name = ? WHERE id = ?').run('z', 3).changes).toBe(1);
    db.close();
  });

  it('prepares a fresh statement while the cached one is still iterating', () => {
    const db = open();
    const sql = 'SELECT id FROM t ORDER BY id';
    const seen: number[] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ id: number }>) {
      seen.push(row.id, (db.prepare(sql).all() as { id: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
    db.close();
  });

  it('keeps at most `max` statements, the least recently used leaving first', () => {
    const db = open(2);
    const a = db.prepare('SELECT 1');
    db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(a);
    db.prepare('SELECT 3');
    // SELECT 2 was the least recently used: it left, SELECT 1 stayed.
    expect(db.prepare('SELECT 1')).toBe(a);
    db.close();
  });
});
