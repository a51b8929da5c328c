import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePinHash, productionPinHashParams } from './pinHash';
import {
  addMember,
  auditRows,
  expectApiError,
  openTestTill,
  ownerPin,
  setupOwner,
  staffServiceOn,
  type TestTill,
} from './staffTestKit';

const minute = 60_000;

describe('first run', () => {
  let till: TestTill;
  beforeEach(async () => {
    till = await openTestTill();
  });
  afterEach(() => till.close());

  it('sets up the owner once, logged in, then refuses with conflict', async () => {
    expect(await till.core.call('staff.status', {})).toEqual({ needsSetup: true });
    const first = await till.core.call('staff.setupOwner', { name: '  Olive   Owner ', pin: ownerPin });
    expect(first.staff).toEqual({
      staffId: expect.stringMatching(/^[0-9A-Z]{26}$/),
      name: 'Olive Owner',
      role: 'owner',
    });
    expect(first.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.expiresAt).toBe(new Date(till.clock.nowMs + 12 * 60 * minute).toISOString());
    expect(await till.core.call('staff.status', {})).toEqual({ needsSetup: false });

    const again = await expectApiError(
      till.core.call('staff.setupOwner', { name: 'Mallory', pin: '5937' }),
      'conflict',
    );
    expect(again.message).toMatch(/already has staff/);
    const me = await till.core.call('staff.me', {}, first.session);
    expect(me.staff.role).toBe('owner');
    expect(me.permissions).toContain('staff.manage');
    expect(auditRows(till).map((row) => row.action)).toEqual([
      'staff.created',
      'staff.owner_setup',
      'staff.login',
    ]);
  });

  it('refuses a weak or malformed first PIN and writes nothing', async () => {
    const weak = await expectApiError(
      till.core.call('staff.setupOwner', { name: 'Olive', pin: '1234' }),
      'bad_input',
    );
    expect(weak.message).toMatch(/too easy to guess/);
    await expectApiError(till.core.call('staff.setupOwner', { name: 'Olive', pin: '12' }), 'bad_input');
    expect(await till.core.call('staff.status', {})).toEqual({ needsSetup: true });
    expect(auditRows(till)).toEqual([]);
  });

  it('stores the PIN with the production scrypt parameters, never the PIN itself', async () => {
    await setupOwner(till);
    const row = till.core.db.prepare('SELECT pin_hash FROM staff').get() as { pin_hash: string };
    expect(row.pin_hash).not.toContain(ownerPin);
    expect(parsePinHash(row.pin_hash).params).toEqual(productionPinHashParams);
    expect(row.pin_hash.startsWith('$scrypt-keyed$ln=15,r=8,p=1$')).toBe(true);
  });

  it('re-hashes a PIN stored with weaker parameters at its next login', async () => {
    await setupOwner(till);
    const cheap = staffServiceOn(till, {
      pinHashParams: { logN: 10, r: 8, p: 1, keyLengthBytes: 32 },
    }).service;
    const old = await cheap.createStaffMember({ name: 'Old Timer', role: 'cashier', pin: '5937' });
    const stored = () =>
      till.core.db.prepare('SELECT pin_hash FROM staff WHERE id = ?').pluck().get(old.staffId) as string;
    expect(parsePinHash(stored()).params.logN).toBe(10);
    await till.core.call('staff.login', { staffId: old.staffId, pin: '5937' });
    expect(parsePinHash(stored()).params).toEqual(productionPinHashParams);
    await till.core.call('staff.login', { staffId: old.staffId, pin: '5937' });
  });
});

describe('login', () => {
  let till: TestTill;
  let owner: { session: string; staffId: string };
  let cashierId: string;
  beforeEach(async () => {
    till = await openTestTill();
    owner = await setupOwner(till);
    cashierId = (await addMember(till, owner.session, { name: 'Cal Cashier', role: 'cashier', pin: '5937' }))
      .staffId;
  });
  afterEach(() => till.close());

  it('lists active staff for the login screen', async () => {
    const { staff } = await till.core.call('staff.list', {});
    expect(staff).toEqual([
      { staffId: cashierId, name: 'Cal Cashier', role: 'cashier', initials: 'CC', lockedUntil: null },
      { staffId: owner.staffId, name: 'Olive Owner', role: 'owner', initials: 'OO', lockedUntil: null },
    ]);
    await till.core.call('staff.update', { staffId: cashierId, active: false }, owner.session);
    expect((await till.core.call('staff.list', {})).staff.map((s) => s.name)).toEqual(['Olive Owner']);
  });

  it('logs in with the right PIN and refuses a wrong one', async () => {
    const ok = await till.core.call('staff.login', { staffId: cashierId, pin: '5937' });
    expect(ok.staff).toEqual({ staffId: cashierId, name: 'Cal Cashier', role: 'cashier' });
    const wrong = await expectApiError(
      till.core.call('staff.login', { staffId: cashierId, pin: '5938' }),
      'unauthorized',
    );
    expect(wrong.message).toMatch(/^Wrong PIN for Cal Cashier\. 4 more wrong tries/);
    expect(wrong.details).toEqual({ staffId: cashierId, attemptsLeft: 4 });
    await expectApiError(till.core.call('staff.login', { staffId: cashierId, pin: 'abcd' }), 'bad_input');
    await expectApiError(
      till.core.call('staff.login', { staffId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', pin: '5937' }),
      'not_found',
    );
  });

  it('locks after five wrong PINs in a row, until the lock expires', async () => {
    for (let i = 0; i < 4; i++) {
      await expectApiError(
        till.core.call('staff.login', { staffId: cashierId, pin: '1111' }),
        'unauthorized',
      );
    }
    const fifth = await expectApiError(
      till.core.call('staff.login', { staffId: cashierId, pin: '1111' }),
      'locked',
    );
    const lockedUntil = new Date(till.clock.nowMs + 5 * minute).toISOString();
    expect(fifth.details).toEqual({ staffId: cashierId, lockedUntil });

    // Even the right PIN is refused while locked, and that attempt does not count.
    const locked = await expectApiError(
      till.core.call('staff.login', { staffId: cashierId, pin: '5937' }),
      'locked',
    );
    expect(locked.details).toEqual({ staffId: cashierId, lockedUntil });
    expect(locked.message).toMatch(/Cal Cashier is locked out/);
    const card = (await till.core.call('staff.list', {})).staff.find((s) => s.staffId === cashierId);
    expect(card?.lockedUntil).toBe(lockedUntil);

    till.clock.advance(5 * minute - 1);
    await expectApiError(till.core.call('staff.login', { staffId: cashierId, pin: '5937' }), 'locked');
    till.clock.advance(1);
    const ok = await till.core.call('staff.login', { staffId: cashierId, pin: '5937' });
    expect(ok.staff.staffId).toBe(cashierId);
    expect(
      (await till.core.call('staff.list', {})).staff.find((s) => s.staffId === cashierId)?.lockedUntil,
    ).toBeNull();

    const failedCounts = auditRows(till, 'staff.pin_failed').map(
      (row) => (JSON.parse(row.details) as { failedPinCount: number }).failedPinCount,
    );
    expect(failedCounts).toEqual([1, 2, 3, 4, 5]); // the PIN that locks is the fifth, not the zeroth
    const lockEntries = auditRows(till, 'staff.locked');
    expect(lockEntries).toHaveLength(1);
    expect(JSON.parse(lockEntries[0]?.details ?? '{}')).toEqual({ lockedUntil, lockNumber: 1 });
  });

  it('doubles each further lock up to an hour; a correct PIN starts over', async () => {
    const lockOnce = async () => {
      for (let i = 0; i < 4; i++) {
        await expectApiError(
          till.core.call('staff.login', { staffId: cashierId, pin: '1111' }),
          'unauthorized',
        );
      }
      const error = await expectApiError(
        till.core.call('staff.login', { staffId: cashierId, pin: '1111' }),
        'locked',
      );
      const until = Date.parse((error.details as { lockedUntil: string }).lockedUntil);
      const durationMs = until - till.clock.nowMs;
      till.clock.nowMs = until;
      return durationMs;
    };
    expect(await lockOnce()).toBe(5 * minute);
    expect(await lockOnce()).toBe(10 * minute);
    // Skip ahead to a long streak (the rule table in lockout.test.ts walks every step): capped at an hour.
    till.core.db.prepare('UPDATE staff SET lock_count = 6 WHERE id = ?').run(cashierId);
    expect(await lockOnce()).toBe(60 * minute);

    await till.core.call('staff.login', { staffId: cashierId, pin: '5937' });
    expect(await lockOnce()).toBe(5 * minute);
  });

  it('counts wrong PINs tried at the same time one by one', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 7 }, () => till.core.call('staff.login', { staffId: cashierId, pin: '1111' })),
    );
    const codes = attempts.map((a) => (a.status === 'rejected' ? (a.reason as { code: string }).code : 'ok'));
    expect(codes.filter((c) => c === 'unauthorized')).toHaveLength(4);
    expect(codes.filter((c) => c === 'locked')).toHaveLength(3);
    expect(auditRows(till, 'staff.pin_failed')).toHaveLength(5);
    expect(auditRows(till, 'staff.locked')).toHaveLength(1);
  });

  it('a correct PIN resets the count of wrong ones', async () => {
    for (let i = 0; i < 4; i++) {
      await expectApiError(
        till.core.call('staff.login', { staffId: cashierId, pin: '1111' }),
        'unauthorized',
      );
    }
    await till.core.call('staff.login', { staffId: cashierId, pin: '5937' });
    const wrong = await expectApiError(
      till.core.call('staff.login', { staffId: cashierId, pin: '1111' }),
      'unauthorized',
    );
    expect(wrong.details).toEqual({ staffId: cashierId, attemptsLeft: 4 });
  });

  it('audits every login and failed PIN, never the PIN', async () => {
    await till.core.call('staff.login', { staffId: cashierId, pin: '5937' });
    await expectApiError(till.core.call('staff.login', { staffId: cashierId, pin: '7777' }), 'unauthorized');
    const logins = auditRows(till, 'staff.login').filter((row) => row.staff_id === cashierId);
    expect(logins).toHaveLength(2); // addMember logged them in once already
    const failed = auditRows(till, 'staff.pin_failed');
    expect(failed).toEqual([
      {
        staff_id: cashierId,
        action: 'staff.pin_failed',
        ref: cashierId,
        details: JSON.stringify({ purpose: 'login', actorStaffId: null, failedPinCount: 1 }),
      },
    ]);
    const everything = JSON.stringify(auditRows(till));
    expect(everything).not.toContain('5937');
    expect(everything).not.toContain('7777');
  });
});
