import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { newToken, tokenHash } from './sessions';
import {
  addMember,
  auditRows,
  expectApiError,
  openTestTill,
  setupOwner,
  type TestTill,
} from './staffTestKit';

const minute = 60_000;
const hour = 60 * minute;

describe('sessions', () => {
  let till: TestTill;
  let owner: { session: string; staffId: string };
  let cashier: { session: string; staffId: string };
  beforeEach(async () => {
    till = await openTestTill();
    owner = await setupOwner(till);
    cashier = await addMember(till, owner.session, { name: 'Cal Cashier', role: 'cashier', pin: '5937' });
  });
  afterEach(() => till.close());

  it('lets a session call what its role allows, and nothing else', async () => {
    const all = await till.core.call('staff.listAll', {}, owner.session);
    expect(all.staff).toHaveLength(2);
    const me = await till.core.call('staff.me', {}, cashier.session);
    expect(me).toEqual({
      staff: { staffId: cashier.staffId, name: 'Cal Cashier', role: 'cashier' },
      initials: 'CC',
      permissions: ['public', 'session', 'sales.sell', 'shift.manage'],
      expiresAt: new Date(till.clock.nowMs + 12 * hour).toISOString(),
    });
    const forbidden = await expectApiError(till.core.call('staff.listAll', {}, cashier.session), 'forbidden');
    expect(forbidden.details).toEqual({ permission: 'staff.manage', role: 'cashier' });
    await expectApiError(till.core.call('audit.list', {}, cashier.session), 'forbidden');
  });

  it.each([
    ['no session', null],
    ['a well-formed token nobody was given', newToken()],
    ['garbage', 'not-a-token'],
    ['the stored hash instead of the token', 'HASH'],
  ])('refuses %s with unauthorized', async (_label, session) => {
    const token = session === 'HASH' ? tokenHash(owner.session) : session;
    await expectApiError(till.core.call('staff.me', {}, token), 'unauthorized');
  });

  it('stores only the SHA-256 of a session token', () => {
    const hashes = till.core.db.prepare('SELECT token_hash FROM staff_sessions').pluck().all();
    expect(hashes).toContain(tokenHash(owner.session));
    expect(hashes).not.toContain(owner.session);
  });

  it('logout and lock end the session', async () => {
    expect(await till.core.call('staff.logout', {}, cashier.session)).toEqual({ ended: true });
    await expectApiError(till.core.call('staff.me', {}, cashier.session), 'unauthorized');
    expect(await till.core.call('staff.lock', {}, owner.session)).toEqual({ ended: true });
    await expectApiError(till.core.call('staff.me', {}, owner.session), 'unauthorized');
    const ended = till.core.db
      .prepare('SELECT staff_id, end_reason FROM staff_sessions WHERE ended_at IS NOT NULL ORDER BY staff_id')
      .all();
    expect(ended).toEqual(
      [
        { staff_id: cashier.staffId, end_reason: 'logout' },
        { staff_id: owner.staffId, end_reason: 'lock' },
      ].sort((a, b) => a.staff_id.localeCompare(b.staff_id)),
    );
    expect(auditRows(till, 'staff.logout').map((row) => row.staff_id)).toEqual([cashier.staffId]);
    expect(auditRows(till, 'staff.till_locked').map((row) => row.staff_id)).toEqual([owner.staffId]);
  });

  it('ends a session after 12 hours without a call; each call pushes that back', async () => {
    till.clock.advance(11 * hour);
    await till.core.call('staff.me', {}, cashier.session);
    till.clock.advance(11 * hour);
    const me = await till.core.call('staff.me', {}, cashier.session);
    expect(me.expiresAt).toBe(new Date(till.clock.nowMs + 12 * hour).toISOString());
    till.clock.advance(12 * hour + 1);
    await expectApiError(till.core.call('staff.me', {}, cashier.session), 'unauthorized');
    // The idle one ended for good, even when time seems to go back.
    till.clock.advance(-hour);
    await expectApiError(till.core.call('staff.me', {}, cashier.session), 'unauthorized');
    expect(auditRows(till, 'staff.session_expired').map((row) => row.staff_id)).toEqual([cashier.staffId]);
    const reason = till.core.db
      .prepare('SELECT end_reason FROM staff_sessions WHERE token_hash = ?')
      .pluck()
      .get(tokenHash(cashier.session));
    expect(reason).toBe('idle');
  });

  it('writes the last-seen time at most once a minute', async () => {
    const lastSeen = () =>
      till.core.db
        .prepare('SELECT last_seen_at FROM staff_sessions WHERE token_hash = ?')
        .pluck()
        .get(tokenHash(cashier.session));
    const loggedInAt = new Date(till.clock.nowMs).toISOString();
    till.clock.advance(30_000);
    await till.core.call('staff.me', {}, cashier.session);
    expect(lastSeen()).toBe(loggedInAt);
    till.clock.advance(30_000);
    await till.core.call('staff.me', {}, cashier.session);
    expect(lastSeen()).toBe(new Date(till.clock.nowMs).toISOString());
  });

  it('survives a restart of the core (the table, not only the cache, knows the session)', async () => {
    till.clock.advance(2 * minute);
    await till.core.call('staff.me', {}, cashier.session);
    till.core.close();
    const again = await createCore({
      dataDir: till.dir,
      logger: pino({ level: 'silent' }),
      now: till.clock.now,
    });
    try {
      const me = await again.call('staff.me', {}, cashier.session);
      expect(me.staff.staffId).toBe(cashier.staffId);
      expect(me.expiresAt).toBe(new Date(till.clock.nowMs + 12 * hour).toISOString());
      await again.call('staff.logout', {}, cashier.session);
      await expectApiError(again.call('staff.me', {}, cashier.session), 'unauthorized');
    } finally {
      again.close();
    }
  });

  it('deactivating a member ends their sessions; a role change applies to the next call', async () => {
    const manager = await addMember(till, owner.session, {
      name: 'Mia Manager',
      role: 'manager',
      pin: '7351',
    });
    await till.core.call('staff.update', { staffId: cashier.staffId, role: 'manager' }, owner.session);
    const me = await till.core.call('staff.me', {}, cashier.session);
    expect(me.staff.role).toBe('manager');
    await till.core.call('audit.list', {}, cashier.session);

    await till.core.call('staff.update', { staffId: manager.staffId, name: 'Mia M.' }, owner.session);
    expect((await till.core.call('staff.me', {}, manager.session)).staff.name).toBe('Mia M.');

    await till.core.call('staff.update', { staffId: cashier.staffId, active: false }, owner.session);
    await expectApiError(till.core.call('staff.me', {}, cashier.session), 'unauthorized');
    await expectApiError(
      till.core.call('staff.login', { staffId: cashier.staffId, pin: '5937' }),
      'not_found',
    );
    const reason = till.core.db
      .prepare('SELECT end_reason FROM staff_sessions WHERE token_hash = ?')
      .pluck()
      .get(tokenHash(cashier.session));
    expect(reason).toBe('deactivated');
  });
});
