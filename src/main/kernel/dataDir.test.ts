import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateFile, modeOf, secureDataDir, writePrivateFile } from './dataDir';
import { openDatabase } from './db';

let parent: string;
let savedUmask: number;

beforeEach(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-datadir-'));
  // The widest usual umask: without the till's own care, everything would be readable by others.
  savedUmask = process.umask(0o000);
});

afterEach(() => {
  process.umask(savedUmask);
  fs.rmSync(parent, { recursive: true, force: true });
});

describe('the data folder is the till’s alone', () => {
  it('opens a new database with the folder 0700 and the database, -wal and -shm 0600, whatever the umask', () => {
    process.umask(0o000);
    const dir = path.join(parent, 'new', 'Tillpoint');
    const db = openDatabase(dir);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    expect(modeOf(dir)).toBe(0o700);
    for (const name of ['tillpoint.sqlite', 'tillpoint.sqlite-wal', 'tillpoint.sqlite-shm']) {
      expect(modeOf(path.join(dir, name)), name).toBe(0o600);
    }
    // Files made later by any part of the core start private too (the umask is narrowed).
    fs.mkdirSync(path.join(dir, 'images'));
    fs.writeFileSync(path.join(dir, 'images', 'a.png'), 'x');
    expect(modeOf(path.join(dir, 'images'))).toBe(0o700);
    expect(modeOf(path.join(dir, 'images', 'a.png'))).toBe(0o600);
    db.close();
  });

  it('closes an existing folder that was left readable by everyone', () => {
    process.umask(0o000);
    const dir = path.join(parent, 'old');
    fs.mkdirSync(path.join(dir, 'images'), { recursive: true, mode: 0o777 });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'images'), 0o755);
    for (const name of ['tillpoint.sqlite', 'host.token', 'device.key', 'images/cafe.png']) {
      fs.writeFileSync(path.join(dir, name), '', { mode: 0o644 });
    }
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not the till’s', { mode: 0o644 });
    openDatabase(dir).close();
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, 'images'))).toBe(0o700);
    for (const name of ['tillpoint.sqlite', 'host.token', 'device.key', 'images/cafe.png']) {
      expect(modeOf(path.join(dir, name)), name).toBe(0o600);
    }
    // A file that is not the till's is left as it was.
    expect(modeOf(path.join(dir, 'notes.txt'))).toBe(0o644);
  });

  it('never follows a symbolic link planted in the folder', () => {
    const dir = path.join(parent, 'linked');
    fs.mkdirSync(dir);
    const outside = path.join(parent, 'outside.txt');
    fs.writeFileSync(outside, '', { mode: 0o644 });
    fs.chmodSync(outside, 0o644);
    fs.symlinkSync(outside, path.join(dir, 'host.token'));
    secureDataDir(dir);
    expect(modeOf(outside)).toBe(0o644);
  });

  it('refuses a data folder that is a file, with a clear error', () => {
    const file = path.join(parent, 'file');
    fs.writeFileSync(file, '');
    expect(() => secureDataDir(file)).toThrow(/not a folder|EEXIST|ENOTDIR/);
  });

  it('writes private files atomically with mode 0600', () => {
    const file = path.join(parent, 'secret');
    writePrivateFile(file, 'one');
    writePrivateFile(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readdirSync(parent)).toEqual(['secret']);
    fs.chmodSync(file, 0o644);
    ensurePrivateFile(file);
    expect(modeOf(file)).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
  });
});
