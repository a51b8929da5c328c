import { describe, expect, it } from 'vitest';
import { type ApiError, type CallResult, createClient, type Transport } from '../../../shared/api';
import { observeCallErrors } from '../api/callErrors';
import { createAppController, type KeyValueStorage, sessionEndedNotice } from './appController';
import { sessionStorageKey, type StaffSession } from './session';
import { storeProfileStorageKey } from './storeProfile';

const maya = { staffId: '01JABCDEFGHJKMNPQRSTVWXYZ0', name: 'Maya Lopez', role: 'owner' as const };

const info = {
  name: 'Tillpoint',
  version: '0.1.0',
  mode: 'demo',
  dataDir: '/data',
  schemaVersion: '20261121T000000_core',
  startedAt: '2026-03-04T09:00:00.000Z',
  node: '20.19.0',
  door: 'host',
};

/** A stand-in for the core behind a door: the few handlers the start-up flow uses, with state. */
function fakeTill(options: { pairing?: 'required' | 'refused'; down?: boolean; needsSetup?: boolean } = {}) {
  const sessions = new Set<string>();
  const calls: { name: string; session: string | null }[] = [];
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const settings = { storeName: 'Corner Café', locale: 'de-DE', idleLockMinutes: 5 };
  const fail = (error: ApiError): CallResult => ({ ok: false, error });
  const transport: Transport = {
    async invoke(name, _input, session) {
      calls.push({ name, session });
      if (options.down)
        return fail({ code: 'unavailable', message: 'The till cannot be reached (network error).' });
      if (options.pairing === 'required') {
        return fail({ code: 'unauthorized', message: 'Pair first.', details: { pairingRequired: true } });
      }
      if (options.pairing === 'refused')
        return fail({ code: 'unauthorized', message: 'Wrong bearer token.' });
      const noSession = fail({
        code: 'unauthorized',
        message: 'Log in with your PIN first (no valid staff session).',
      });
      switch (name) {
        case 'system.info':
          return { ok: true, data: info };
        case 'staff.status':
          return { ok: true, data: { needsSetup: options.needsSetup ?? false } };
        case 'staff.me':
          if (!session || !sessions.has(session)) return noSession;
          return {
            ok: true,
            data: {
              staff: maya,
              initials: 'ML',
              permissions: ['session'],
              expiresAt: '2026-03-04T21:00:00.000Z',
            },
          };
        case 'staff.lock':
        case 'staff.logout':
          if (!session || !sessions.delete(session)) return noSession;
          return { ok: true, data: { ended: true } };
        case 'settings.get':
          return session && sessions.has(session) ? { ok: true, data: { settings } } : noSession;
        case 'orders.list':
          return session && sessions.has(session) ? { ok: true, data: [] } : noSession;
        default:
          return fail({ code: 'not_found', message: `No handler named "${name}".` });
      }
    },
    on: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
  };
  const emit = (event: string, payload: unknown) => {
    for (const listener of eventListeners) listener(event, payload);
  };
  return { transport, sessions, calls, settings, emit };
}

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function setup(
  till: ReturnType<typeof fakeTill>,
  storage = memoryStorage(),
  profileStorage = memoryStorage(),
) {
  const observed = observeCallErrors(till.transport);
  const client = createClient(observed.transport);
  const notices: string[] = [];
  const controller = createAppController({
    client,
    storage,
    profileStorage,
    onCallError: observed.onCallError,
    notify: (message) => notices.push(message),
  });
  return { controller, client, storage, profileStorage, notices };
}

const session = (token: string): StaffSession => ({
  session: token,
  staff: maya,
  expiresAt: '2026-03-04T21:00:00.000Z',
});

describe('start-up flow', () => {
  it.each([
    [{ pairing: 'required' as const }, { kind: 'pairing', reason: null }],
    [
      { pairing: 'refused' as const },
      { kind: 'pairing', reason: 'The saved pairing token was not accepted.' },
    ],
    [{ down: true }, { kind: 'unreachable', message: 'The till cannot be reached (network error).' }],
    [{ needsSetup: true }, { kind: 'setup' }],
    [{}, { kind: 'login', preselectStaffId: null, notice: null }],
  ])('a till like %o starts on %o', async (options, phase) => {
    const { controller } = setup(fakeTill(options));
    await controller.start();
    expect(controller.store.getState().phase).toEqual(phase);
  });

  it('keeps what system.info said (the demo badge reads it)', async () => {
    const { controller } = setup(fakeTill());
    await controller.start();
    expect(controller.store.getState().info?.mode).toBe('demo');
  });

  it('restores a stored session after a reload', async () => {
    const till = fakeTill();
    till.sessions.add('tok-1');
    const storage = memoryStorage({ [sessionStorageKey]: JSON.stringify(session('tok-1')) });
    const { controller } = setup(till, storage);
    await controller.start();
    expect(controller.store.getState().phase).toEqual({ kind: 'ready' });
    expect(controller.store.getState().staffSession?.staff.name).toBe('Maya Lopez');
    expect(till.calls.find((call) => call.name === 'staff.me')?.session).toBe('tok-1');
  });

  it('drops a stored session the core no longer knows, and says so on the login screen', async () => {
    const storage = memoryStorage({ [sessionStorageKey]: JSON.stringify(session('tok-gone')) });
    const { controller } = setup(fakeTill(), storage);
    await controller.start();
    expect(controller.store.getState().phase).toEqual({
      kind: 'login',
      preselectStaffId: maya.staffId,
      notice: sessionEndedNotice,
    });
    expect(storage.data.has(sessionStorageKey)).toBe(false);
  });

  it('forgets any stored session on a till that still needs its owner', async () => {
    const storage = memoryStorage({ [sessionStorageKey]: JSON.stringify(session('tok-1')) });
    const { controller } = setup(fakeTill({ needsSetup: true }), storage);
    await controller.start();
    expect(storage.data.has(sessionStorageKey)).toBe(false);
  });
});

describe('the session’s life', () => {
  it('signing in sends the session with every call and keeps it for reloads', async () => {
    const till = fakeTill();
    till.sessions.add('tok-1');
    const { controller, client, storage } = setup(till);
    await controller.start();
    controller.signedIn(session('tok-1'));
    expect(controller.store.getState().phase).toEqual({ kind: 'ready' });
    expect(JSON.parse(storage.data.get(sessionStorageKey)!)).toEqual(session('tok-1'));
    await client.invoke('system.health' as never, {} as never).catch(() => undefined);
    expect(till.calls.at(-1)?.session).toBe('tok-1');
  });

  it('Lock ends the session on the core, clears it here, and opens the PIN pad for who locked', async () => {
    const till = fakeTill();
    till.sessions.add('tok-1');
    const { controller, storage, notices } = setup(till);
    await controller.start();
    controller.signedIn(session('tok-1'));
    await controller.lock();
    expect(till.sessions.has('tok-1')).toBe(false);
    expect(storage.data.has(sessionStorageKey)).toBe(false);
    expect(controller.store.getState().staffSession).toBeNull();
    expect(controller.store.getState().phase).toEqual({
      kind: 'login',
      preselectStaffId: maya.staffId,
      notice: 'Locked by Maya Lopez. Type your PIN to carry on.',
    });
    expect(notices).toEqual([]);
  });

  it('Log out returns to the staff tiles', async () => {
    const till = fakeTill();
    till.sessions.add('tok-1');
    const { controller } = setup(till);
    await controller.start();
    controller.signedIn(session('tok-1'));
    await controller.logout();
    expect(till.calls.at(-1)).toEqual({ name: 'staff.logout', session: 'tok-1' });
    expect(controller.store.getState().phase).toEqual({
      kind: 'login',
      preselectStaffId: null,
      notice: null,
    });
  });

  it('an expired session seen on any later call returns to login with a notice', async () => {
    const till = fakeTill();
    till.sessions.add('tok-1');
    const { controller, client, notices } = setup(till);
    await controller.start();
    controller.signedIn(session('tok-1'));
    till.sessions.clear();
    await expect(client.invoke('orders.list' as never, {} as never)).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(controller.store.getState().phase).toEqual({
      kind: 'login',
      preselectStaffId: maya.staffId,
      notice: null,
    });
    expect(notices).toEqual([sessionEndedNotice]);
  });

  it('a lock whose session had already ended is quiet', async () => {
    const till = fakeTill();
    const { controller, notices } = setup(till);
    await controller.start();
    controller.signedIn(session('tok-expired'));
    await controller.lock();
    expect(controller.store.getState().phase.kind).toBe('login');
    expect(notices).toEqual([]);
  });

  it('a lock the core cannot hear about still locks here, and says so', async () => {
    const till = fakeTill();
    const { controller, notices } = setup(till);
    await controller.start();
    controller.signedIn(session('tok-1'));
    const down = fakeTill({ down: true });
    till.transport.invoke = down.transport.invoke;
    await controller.lock();
    expect(controller.store.getState().phase.kind).toBe('login');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('could not be told');
  });

  it('keeps a trimmed store name, or none', () => {
    const { controller } = setup(fakeTill());
    controller.setStoreName('  Corner Café ');
    expect(controller.store.getState().storeName).toBe('Corner Café');
    controller.setStoreName('   ');
    expect(controller.store.getState().storeName).toBeNull();
  });
});

describe('the store’s profile', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('is read from settings once logged in, and remembered for the next visit', async () => {
    const till = fakeTill();
    till.sessions.add('tok-1');
    const { controller, profileStorage } = setup(till);
    await controller.start();
    expect(controller.store.getState().storeName).toBeNull();
    controller.signedIn(session('tok-1'));
    await settle();
    expect(controller.store.getState()).toMatchObject({
      storeName: 'Corner Café',
      locale: 'de-DE',
      idleLockMinutes: 5,
    });
    expect(JSON.parse(profileStorage.data.get(storeProfileStorageKey)!)).toEqual({
      storeName: 'Corner Café',
      locale: 'de-DE',
    });

    const next = setup(fakeTill(), memoryStorage(), profileStorage);
    expect(next.controller.store.getState()).toMatchObject({ storeName: 'Corner Café', locale: 'de-DE' });
  });

  it('follows settings.updated', async () => {
    const till = fakeTill();
    const { controller } = setup(till);
    await controller.start();
    till.emit('settings.updated', {
      settings: { ...till.settings, storeName: 'Corner Café & Bakery', locale: 'fr-FR', idleLockMinutes: 0 },
      changed: ['storeName', 'locale', 'idleLockMinutes'],
    });
    expect(controller.store.getState()).toMatchObject({
      storeName: 'Corner Café & Bakery',
      locale: 'fr-FR',
      idleLockMinutes: 0,
    });
  });

  it('ignores a malformed remembered profile', () => {
    const { controller } = setup(
      fakeTill(),
      memoryStorage(),
      memoryStorage({ [storeProfileStorageKey]: '{"storeName":""}' }),
    );
    expect(controller.store.getState().storeName).toBeNull();
  });
});
