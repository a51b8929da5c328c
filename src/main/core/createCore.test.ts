import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError, handlers } from '../../shared/api';
import { createCore, type Core } from './createCore';
import { testPinHashParams } from '../staff';

let dataDir: string;
let core: Core;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-core-'));
  core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
  });
});
afterEach(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('createCore', () => {
  it('answers system.info and system.health', async () => {
    const info = await core.call('system.info', {});
    expect(info).toMatchObject({ name: 'Tillpoint', mode: 'demo', dataDir, door: 'test' });
    expect(info.schemaVersion).toMatch(/^\d{8}T\d{6}_/);
    const health = await core.call('system.health', {});
    expect(health.status).toBe('ok');
    expect(health.checks).toContainEqual(expect.objectContaining({ name: 'database', ok: true }));
  });

  it('returns typed errors, never throws, from invoke', async () => {
    expect(await core.invoke('no.such', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No handler named "no.such".' },
    });
    const bad = await core.invoke('system.info', { surprise: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await core.invoke('system.info', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'bad_input' },
    });
  });

  it('throws ApiCallError from call', async () => {
    await expect(core.call('system.info', { surprise: 1 } as never)).rejects.toBeInstanceOf(ApiCallError);
  });

  it('refuses a non-public handler without a staff session', async () => {
    const guarded = Object.values(handlers).find((def) => def.permission !== 'public');
    if (!guarded) return; // every handler is public until staff lands
    const result = await core.invoke(guarded.name, {}, null);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(['unauthorized', 'bad_input']).toContain(result.error.code);
  });

  it('closes cleanly, twice', async () => {
    await core.close();
    await expect(core.close()).resolves.toBeUndefined();
  });
});
