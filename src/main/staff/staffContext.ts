/** What the parts of the staff domain share: the core's services, the session store, the options. */
import { type AuditService } from '../audit';
import { type CoreDeps } from '../kernel';
import { type PinHashParams } from './pinHash';
import { type SessionStore } from './sessions';
import { recordOf, type StaffRow } from './staffStore';
import { type staffChanges } from '../../shared/api/staff';

export type StaffChange = (typeof staffChanges)[number];

export interface StaffContext {
  readonly deps: CoreDeps;
  readonly audit: AuditService;
  readonly sessions: SessionStore;
  readonly pinHashParams: PinHashParams;
  /** The device key PIN hashes are keyed with (deviceSecret.ts); read once, on first use. */
  deviceKey(): Buffer;
  /** Whether easy PINs (0000, 1234...) may be set now: the store setting, or the module option. */
  weakPinsAllowed(): boolean;
  /** The store's fixed PIN length (4 to 8), or 0 when any length from 4 to 8 will do. */
  pinLength(): number;
}

/**
 * The row of the core's `settings` table that allows easy PINs when it holds JSON `true`: the store
 * setting `weakPinsAllowed`, in the settings domain's `store.<field>` form.
 */
export const weakPinsAllowedSettingKey = 'store.weakPinsAllowed';

export function readWeakPinsAllowedSetting(deps: CoreDeps): boolean {
  const row = deps.db.prepare('SELECT value FROM settings WHERE key = ?').get(weakPinsAllowedSettingKey) as
    { value: string } | undefined;
  return row !== undefined && row.value.trim().toLowerCase() === 'true';
}

/** The store setting `pinLength` (row `store.pinLength`), 0 when not set or not readable. */
export const pinLengthSettingKey = 'store.pinLength';

export function readPinLengthSetting(deps: CoreDeps): number {
  const row = deps.db.prepare('SELECT value FROM settings WHERE key = ?').get(pinLengthSettingKey) as
    { value: string } | undefined;
  const value = row === undefined ? 0 : Number(row.value);
  return Number.isInteger(value) && value >= 4 && value <= 8 ? value : 0;
}

/** Tells every client a member changed; call it after the change's transaction committed. */
export function emitStaffUpdated(sc: StaffContext, row: StaffRow, change: StaffChange): void {
  sc.deps.events.emit('staff.updated', { change, staff: recordOf(row, sc.deps.now().getTime()) });
}
