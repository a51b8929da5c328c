/**
 * The desktop app's own calls, answered by the shell on the same IPC channel as the core's handlers
 * (names starting `desktop.`), because they are about this computer and exist only in the desktop
 * app: its start-up options (start with the computer, kiosk), the update feed, the update's state,
 * and a manager's go to install a waiting update. Reading needs a staff session; changing anything
 * needs a manager or an owner. Plain Node: the Electron parts are passed in.
 */
import { type CallResult } from '../../shared/api';
import { applyDesktopPatch, type DesktopSettings, desktopSettingsPatchSchema } from './desktopSettings';
import { type UpdateStatus } from './updater';

export const desktopCallPrefix = 'desktop.';

export interface DesktopCallDeps {
  /** Who is on this session (staff.me through the core), or null when it is not a live session. */
  whoIs(session: string | null): Promise<{ role: string } | null>;
  settings(): DesktopSettings;
  save(settings: DesktopSettings): void;
  /** Applies "start with the computer" to the OS at once. */
  setStartAtLogin(enabled: boolean): void;
  updateStatus(): UpdateStatus;
  managerGo(): UpdateStatus;
  appVersion: string;
}

const fail = (
  code: 'bad_input' | 'unauthorized' | 'forbidden' | 'not_found',
  message: string,
): CallResult => ({
  ok: false,
  error: { code, message },
});

function view(deps: DesktopCallDeps) {
  const { startAtLogin, kiosk, updates } = deps.settings();
  return { startAtLogin, kiosk, updates, update: deps.updateStatus(), appVersion: deps.appVersion };
}

export type DesktopView = ReturnType<typeof view>;

export function createDesktopCalls(deps: DesktopCallDeps) {
  return async (name: string, input: unknown, session: string | null): Promise<CallResult> => {
    const who = await deps.whoIs(session);
    if (!who) return fail('unauthorized', 'Log in to see this till’s desktop settings.');
    const manager = who.role === 'manager' || who.role === 'owner';
    switch (name) {
      case 'desktop.get':
        return { ok: true, data: view(deps) };
      case 'desktop.set': {
        if (!manager)
          return fail('forbidden', 'Only a manager or an owner can change how this till starts and updates.');
        const patch = desktopSettingsPatchSchema.safeParse(input);
        if (!patch.success) return fail('bad_input', patch.error.issues[0]?.message ?? 'Not a valid change.');
        const before = deps.settings();
        const next = applyDesktopPatch(before, patch.data);
        deps.save(next);
        if (next.startAtLogin !== before.startAtLogin) deps.setStartAtLogin(next.startAtLogin);
        return { ok: true, data: view(deps) };
      }
      case 'desktop.installUpdate':
        if (!manager) return fail('forbidden', 'Only a manager or an owner can install an update now.');
        return { ok: true, data: { update: deps.managerGo() } };
      default:
        return fail('not_found', `No desktop call ${name}.`);
    }
  };
}
