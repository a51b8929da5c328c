/**
 * The settings service: reads the store settings (cached; the cache is dropped on every update) and
 * applies partial updates, validated as a whole, audited, in one transaction, announced with a
 * `settings.updated` event after the commit.
 */
import { monotonicFactory } from 'ulid';
import { TillpointError, describeZodError } from '../../shared/api';
import {
  storeSettingKeys,
  storeSettingsSchema,
  type StoreSettingKey,
  type StoreSettings,
  type StoreSettingsPatch,
} from '../../shared/api/settings';
import { type AuditService } from '../audit';
import { type StaffIdentity, type CoreDeps } from '../kernel';
import { salesCurrencyGuard, type CurrencyGuard } from './currencyGuards';
import { readStoreSettings, readTillId, writeStoreSettings, writeTillId } from './settingsStore';

export interface SettingsUpdateResult {
  settings: StoreSettings;
  changed: StoreSettingKey[];
}

export interface SettingsService {
  /** The current settings; the returned object is a copy the caller may keep. */
  get(): StoreSettings;
  /** Changes the given fields; `actor` is recorded in the audit log (null for the system, e.g. a seed). */
  update(patch: StoreSettingsPatch, actor: StaffIdentity | null): SettingsUpdateResult;
  /** This till's id (a ULID made on first use and kept in the settings table). */
  tillId(): string;
  /**
   * Reads the settings again after another writer changed their table (a sync pull from the central
   * database, whose copy wins), and tells the screens what changed.
   */
  reload(): void;
  /** Adds a rule that can refuse a change of the store currency. */
  addCurrencyGuard(guard: CurrencyGuard): void;
  /**
   * Adds a rule another domain keeps about a setting (e.g. staff: a fixed PIN length only when every
   * active member's PIN has it): given the new value, why it is refused, or null.
   */
  addFieldGuard<K extends StoreSettingKey>(field: K, guard: (value: StoreSettings[K]) => string | null): void;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function createSettingsService(deps: CoreDeps, audit: AuditService): SettingsService {
  const { db, logger, now, events } = deps;
  const guards: CurrencyGuard[] = [];
  const fieldGuards: { field: StoreSettingKey; guard: (value: never) => string | null }[] = [];
  const salesGuard = salesCurrencyGuard(db);
  const newTillId = monotonicFactory();
  let cached: StoreSettings | null = null;

  const current = (): StoreSettings => {
    if (!cached) cached = readStoreSettings(db, logger);
    return cached;
  };

  return {
    get: () => structuredClone(current()),

    update(patch, actor) {
      const result = db.transaction((): SettingsUpdateResult => {
        const before = readStoreSettings(db, logger);
        const parsed = storeSettingsSchema.safeParse({ ...before, ...patch });
        if (!parsed.success) {
          const { message, issues } = describeZodError(parsed.error);
          throw new TillpointError('bad_input', message, { issues });
        }
        const after = parsed.data;
        const changed = storeSettingKeys.filter((key) => !sameValue(before[key], after[key]));
        if (changed.length === 0) return { settings: after, changed };
        if (changed.includes('currency')) {
          // The guards of other domains first (the more specific reason), then the sales check.
          for (const guard of [...guards, salesGuard]) {
            const reason = guard({ from: before.currency, to: after.currency });
            if (reason !== null) {
              throw new TillpointError('conflict', reason, {
                field: 'currency',
                from: before.currency,
                to: after.currency,
              });
            }
          }
        }
        for (const { field, guard } of fieldGuards) {
          if (!changed.includes(field)) continue;
          const reason = guard(after[field] as never);
          if (reason !== null) {
            throw new TillpointError('conflict', reason, { field, from: before[field], to: after[field] });
          }
        }
        const values: Partial<StoreSettings> = {};
        const diff: Record<string, { from: unknown; to: unknown }> = {};
        for (const key of changed) {
          Object.assign(values, { [key]: after[key] });
          diff[key] = { from: before[key], to: after[key] };
        }
        writeStoreSettings(db, values, now());
        audit.record({
          staffId: actor?.staffId ?? null,
          action: 'settings.updated',
          details: { changes: diff },
        });
        return { settings: after, changed };
      })();
      if (result.changed.length > 0) {
        cached = null;
        events.emit('settings.updated', {
          settings: structuredClone(result.settings),
          changed: result.changed,
        });
      }
      return { settings: structuredClone(result.settings), changed: result.changed };
    },

    reload() {
      const before = current();
      cached = null;
      const after = current();
      const changed = storeSettingKeys.filter((key) => !sameValue(before[key], after[key]));
      if (changed.length > 0) events.emit('settings.updated', { settings: structuredClone(after), changed });
    },

    tillId() {
      const existing = readTillId(db);
      if (existing) return existing;
      const at = now();
      writeTillId(db, newTillId(at.getTime()), at);
      const made = readTillId(db);
      if (!made) throw new Error('The till id could not be stored in the settings table.');
      return made;
    },

    addCurrencyGuard(guard) {
      guards.push(guard);
    },

    addFieldGuard(field, guard) {
      fieldGuards.push({ field, guard: guard as (value: never) => string | null });
    },
  };
}
