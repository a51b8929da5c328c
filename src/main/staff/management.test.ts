import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EventPayload } from '../../shared/api';
import { weakPinsAllowedSettingKey } from './staffContext';
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

describe('staff management', () => {
  let till: TestTill;
  let owner: { session: string; staffId: string };
  let events: EventPayload<'staff.updated'>[];
  beforeEach(async () => {
    till = await openTestTill();
    events = [];
    till.core.events.on('staff.updated', (payload) => events.push(payload));
    owner = await setupOwner(till);
  });
  afterEach(() => till.close());

  it('creates a member, audited and announced', async () => {
    const created = await till.core.call(
      'staff.create',
      { name: 'Cal Cashier', role: 'cashier', pin: '5937' },
      owner.session,
    );
    const at = new Date(till.clock.nowMs).toISOString();
    expect(created).toEqual({
      staffId: expect.stringMatching(/^[0-9A-Z]{26}$/),
      name: 'Cal Cashier',
      role: 'cashier',
      initials: 'CC',
      lockedUntil: null,
      active: true,
      createdAt: at,
      updatedAt: at,
      createdBy: owner.staffId,
    });
    expect(events.map((e) => [e.change, e.staff.name])).toEqual([
      ['created', 'Olive Owner'],
      ['created', 'Cal Cashier'],
    ]);
    const entry = auditRows(till, 'staff.created').at(-1);
    expect(entry).toEqual({
      staff_id: owner.staffId,
      action: 'staff.created',
      ref: created.staffId,
      details: JSON.stringify({ name: 'Cal Cashier', role: 'cashier' }),
    });
  });

  it.each([
    ['a weak PIN', { name: 'Cal', role: 'cashier', pin: '4321' }, 'bad_input', /too easy to guess/],
    ['a short PIN', { name: 'Cal', role: 'cashier', pin: '493' }, 'bad_input', /4 to 8 digits/],
    ['a long PIN', { name: 'Cal', role: 'cashier', pin: '493817265' }, 'bad_input', /4 to 8 digits/],
    ['an empty name', { name: '   ', role: 'cashier', pin: '5937' }, 'bad_input', /name/],
    ['an unknown role', { name: 'Cal', role: 'admin', pin: '5937' }, 'bad_input', /role/],
    [
      'the name of an active member',
      { name: 'olive owner', role: 'cashier', pin: '5937' },
      'conflict',
      /already called/,
    ],
  ] as const)('refuses %s and writes nothing', async (_label, input, code, message) => {
    const before = auditRows(till).length;
    const error = await expectApiError(till.core.call('staff.create', input as never, owner.session), code);
    expect(error.message).toMatch(message);
    expect(auditRows(till)).toHaveLength(before);
    expect((await till.core.call('staff.listAll', {}, owner.session)).staff).toHaveLength(1);
  });

  it('allows easy PINs when the store setting says so', async () => {
    await till.core.call('settings.update', { weakPinsAllowed: true }, owner.session);
    expect(
      till.core.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(weakPinsAllowedSettingKey),
    ).toBe('true');
    const created = await till.core.call(
      'staff.create',
      { name: 'Cal', role: 'cashier', pin: '1234' },
      owner.session,
    );
    expect((await till.core.call('staff.login', { staffId: created.staffId, pin: '1234' })).staff.name).toBe(
      'Cal',
    );
  });

  it('updates name, role and active, auditing what changed', async () => {
    const cal = await addMember(till, owner.session, { name: 'Cal', role: 'cashier', pin: '5937' });
    till.clock.advance(1000);
    const updated = await till.core.call(
      'staff.update',
      { staffId: cal.staffId, name: 'Cal Jones', role: 'manager' },
      owner.session,
    );
    expect(updated).toMatchObject({ name: 'Cal Jones', role: 'manager', initials: 'CJ', active: true });
    expect(updated.updatedAt).toBe(new Date(till.clock.nowMs).toISOString());
    expect(JSON.parse(auditRows(till, 'staff.updated').at(-1)?.details ?? '{}')).toEqual({
      changes: { name: { from: 'Cal', to: 'Cal Jones' }, role: { from: 'cashier', to: 'manager' } },
    });
    const before = auditRows(till).length;
    await till.core.call('staff.update', { staffId: cal.staffId, role: 'manager' }, owner.session);
    expect(auditRows(till)).toHaveLength(before); // nothing changed, nothing recorded

    await till.core.call('staff.update', { staffId: cal.staffId, active: false }, owner.session);
    await till.core.call('staff.create', { name: 'Cal Jones', role: 'cashier', pin: '2468' }, owner.session);
    const clash = await expectApiError(
      till.core.call('staff.update', { staffId: cal.staffId, active: true }, owner.session),
      'conflict',
    );
    expect(clash.message).toMatch(/already called "Cal Jones"/);
    await expectApiError(
      till.core.call('staff.update', { staffId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', active: false }, owner.session),
      'not_found',
    );
  });

  it('keeps the last active owner an active owner', async () => {
    const demote = await expectApiError(
      till.core.call('staff.update', { staffId: owner.staffId, role: 'manager' }, owner.session),
      'conflict',
    );
    expect(demote.message).toMatch(/last active owner/);
    await expectApiError(
      till.core.call('staff.update', { staffId: owner.staffId, active: false }, owner.session),
      'conflict',
    );

    const second = await addMember(till, owner.session, { name: 'Otto', role: 'owner', pin: '8642' });
    await till.core.call('staff.update', { staffId: owner.staffId, role: 'manager' }, second.session);
    await expectApiError(
      till.core.call('staff.update', { staffId: second.staffId, active: false }, second.session),
      'conflict',
    );
    const owners = (await till.core.call('staff.listAll', {}, second.session)).staff.filter(
      (s) => s.role === 'owner',
    );
    expect(owners.map((s) => s.name)).toEqual(['Otto']);
  });

  it('setPin replaces the PIN and lifts a lockout', async () => {
    const cal = await addMember(till, owner.session, { name: 'Cal', role: 'cashier', pin: '5937' });
    for (let i = 0; i < 5; i++) {
      await till.core.call('staff.login', { staffId: cal.staffId, pin: '0001' }).catch(() => undefined);
    }
    await expectApiError(till.core.call('staff.login', { staffId: cal.staffId, pin: '5937' }), 'locked');
    await expectApiError(
      till.core.call('staff.setPin', { staffId: cal.staffId, pin: '1111' }, owner.session),
      'bad_input',
    );
    const result = await till.core.call('staff.setPin', { staffId: cal.staffId, pin: '2468' }, owner.session);
    expect(result.staffId).toBe(cal.staffId);
    await expectApiError(
      till.core.call('staff.login', { staffId: cal.staffId, pin: '5937' }),
      'unauthorized',
    );
    await till.core.call('staff.login', { staffId: cal.staffId, pin: '2468' });
    expect(auditRows(till, 'staff.pin_set').map((row) => [row.staff_id, row.ref])).toEqual([
      [owner.staffId, cal.staffId],
    ]);
    expect(events.at(-1)?.change).toBe('pin_changed');
  });

  it('changeOwnPin needs the current PIN; wrong ones count toward the lockout', async () => {
    const cal = await addMember(till, owner.session, { name: 'Cal', role: 'cashier', pin: '5937' });
    const wrong = await expectApiError(
      till.core.call('staff.changeOwnPin', { currentPin: '0001', newPin: '2468' }, cal.session),
      'unauthorized',
    );
    expect(wrong.details).toEqual({ staffId: cal.staffId, attemptsLeft: 4 });
    await expectApiError(
      till.core.call('staff.changeOwnPin', { currentPin: '5937', newPin: '5937' }, cal.session),
      'bad_input',
    );
    await expectApiError(
      till.core.call('staff.changeOwnPin', { currentPin: '5937', newPin: '0000' }, cal.session),
      'bad_input',
    );
    await till.core.call('staff.changeOwnPin', { currentPin: '5937', newPin: '2468' }, cal.session);
    await expectApiError(
      till.core.call('staff.login', { staffId: cal.staffId, pin: '5937' }),
      'unauthorized',
    );
    await till.core.call('staff.login', { staffId: cal.staffId, pin: '2468' });
    expect(auditRows(till, 'staff.pin_changed')).toHaveLength(1);
    const failed = auditRows(till, 'staff.pin_failed').map((row) => JSON.parse(row.details).purpose);
    expect(failed).toEqual(['change_pin', 'login']);
  });

  it('offers createStaffMember and getStaff to other domains', async () => {
    const service = staffServiceOn(till).service;
    await expect(
      service.createStaffMember({ name: 'Demo Cashier', role: 'cashier', pin: '1234' }),
    ).rejects.toThrow(/too easy to guess/);
    const demo = await service.createStaffMember({
      name: 'Demo Cashier',
      role: 'cashier',
      pin: '1234',
      allowWeakPin: true,
    });
    expect(demo).toMatchObject({ name: 'Demo Cashier', role: 'cashier', createdBy: null, active: true });
    expect(service.getStaff(demo.staffId)?.name).toBe('Demo Cashier');
    expect(service.getStaff('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBeNull();
    await till.core.call('staff.login', { staffId: demo.staffId, pin: '1234' });
    await till.core.call('staff.login', { staffId: owner.staffId, pin: ownerPin });
  });
});
