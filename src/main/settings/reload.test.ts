/**
 * A sync pull writes the central copy of the store settings into their table; `reload()` makes the
 * settings service read them again and tell the screens what changed (and nothing when nothing did).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditModule } from '../audit';
import {
  applyMigrations,
  coreConfigSchema,
  EventBus,
  migrations,
  openDatabase,
  type CoreDeps,
} from '../kernel';
import { createSettingsService } from './settingsService';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function settingsOnFreshTill() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-settings-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  const now = () => new Date();
  applyMigrations(db, migrations, now);
  const deps: CoreDeps = {
    db,
    dataDir: dir,
    config: coreConfigSchema.parse({}),
    events: new EventBus(),
    logger: pino({ level: 'silent' }),
    now,
    startedAt: now(),
    serviceHealth: () => [],
  };
  return { deps, service: createSettingsService(deps, createAuditModule(deps).service) };
}

describe('settings reload', () => {
  it('reads what another writer put in the table and announces the change', () => {
    const { deps, service } = settingsOnFreshTill();
    service.update({ storeName: 'Corner Shop' }, null);
    expect(service.get().storeName).toBe('Corner Shop');
    const seen: unknown[] = [];
    deps.events.on('settings.updated', (payload) => seen.push(payload));

    deps.db
      .prepare("UPDATE settings SET value = ? WHERE key = 'store.storeName'")
      .run(JSON.stringify('Central café'));
    expect(service.get().storeName).toBe('Corner Shop'); // cached until told
    service.reload();
    expect(service.get().storeName).toBe('Central café');
    expect(seen).toEqual([{ settings: service.get(), changed: ['storeName'] }]);

    service.reload();
    expect(seen).toHaveLength(1);
    deps.db.close();
  });
});
