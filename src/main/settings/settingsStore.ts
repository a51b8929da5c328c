/**
 * The store settings' rows in the core's `settings` table: one row per field, key `store.<field>`,
 * value the field's JSON. A field never set reads as its default; a stored value that no longer passes
 * its schema (written by an older version) reads as the default too, with a warning in the log.
 */
import { type Logger } from 'pino';
import {
  defaultStoreSettings,
  storeSettingKeys,
  storeSettingsFields,
  type StoreSettingKey,
  type StoreSettings,
} from '../../shared/api/settings';
import { type Db } from '../kernel';

export const storeSettingPrefix = 'store.';

export function storeSettingRowKey(field: StoreSettingKey): string {
  return `${storeSettingPrefix}${field}`;
}

/** A fresh copy of the defaults (the arrays are not shared with the frozen defaults). */
export function defaultSettingsCopy(): StoreSettings {
  return structuredClone({ ...defaultStoreSettings }) as StoreSettings;
}

export function readStoreSettings(db: Db, logger: Logger): StoreSettings {
  const rows = db.prepare("SELECT key, value FROM settings WHERE key LIKE 'store.%'").all() as {
    key: string;
    value: string;
  }[];
  const settings = defaultSettingsCopy() as Record<StoreSettingKey, unknown>;
  for (const row of rows) {
    const field = row.key.slice(storeSettingPrefix.length) as StoreSettingKey;
    if (!storeSettingKeys.includes(field)) continue;
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      logger.warn({ key: row.key }, 'a store setting is not JSON; using its default');
      continue;
    }
    const parsed = storeSettingsFields[field].safeParse(value);
    if (parsed.success) settings[field] = parsed.data;
    else logger.warn({ key: row.key }, 'a stored store setting is not valid; using its default');
  }
  return settings as StoreSettings;
}

/** Writes the given fields (call inside a transaction). */
export function writeStoreSettings(db: Db, values: Partial<StoreSettings>, at: Date): void {
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  for (const field of storeSettingKeys) {
    if (!(field in values)) continue;
    upsert.run(storeSettingRowKey(field), JSON.stringify(values[field]), at.toISOString());
  }
}

/** The key of this till's id, made once on first use. */
export const tillIdSettingKey = 'till.id';

export function readTillId(db: Db): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(tillIdSettingKey) as
    { value: string } | undefined;
  if (!row) return null;
  const value: unknown = JSON.parse(row.value);
  return typeof value === 'string' ? value : null;
}

export function writeTillId(db: Db, tillId: string, at: Date): void {
  db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
  ).run(tillIdSettingKey, JSON.stringify(tillId), at.toISOString());
}
