import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api';
import { type StaffIdentity } from '../kernel';
import { newToken } from './sessions';
import {
  addMember,
  auditRows,
  contextOf,
  expectApiError,
  openTestTill,
  setupOwner,
  staffServiceOn,
  type TestTill,
} from './staffTestKit';
import { type StaffService } from '.';

/** The TillpointError a call must throw. */
function thrownBy(run: () => unknown): TillpointError {
  try {
    run();
  } catch (error) {
    if (error instanceof TillpointError) return error;
    throw error;
  }
  throw new Error('the call passed but should have thrown');
}

/** Runs a requireApproval call that must fail with approval_required; returns details.reason. */
function refusal(run: () => unknown): unknown {
  const error = thrownBy(run);
  expect(error.code).toBe('approval_required');
  return (error.details as { reason: string }).reason;
}

describe('manager approvals', () => {
  let till: TestTill;
  let owner: { session: string; staffId: string };
  let manager: { session: string; staffId: string; staff: StaffIdentity };
  let cashier: { session: string; staffId: string; staff: StaffIdentity };
  let service: StaffService;
  const approveAs = (
    session: string,
    input: { staffId?: string; pin?: string; action?: 'refund' | 'void' | 'no_sale'; ref?: string },
  ) =>
    till.core.call(
      'staff.approve',
      {
        staffId: input.staffId ?? manager.staffId,
        pin: input.pin ?? '7351',
        action: input.action ?? 'refund',
        ref: input.ref ?? 'order-1',
      },
      session,
    );

  beforeEach(async () => {
    till = await openTestTill();
    owner = await setupOwner(till);
    manager = await addMember(till, owner.session, { name: 'Mia Manager', role: 'manager', pin: '7351' });
    cashier = await addMember(till, owner.session, { name: 'Cal Cashier', role: 'cashier', pin: '5937' });
    service = staffServiceOn(till).service;
  });
  afterEach(() => till.close());

  it('a cashier needs an approval; a manager or owner is their own', () => {
    const ctx = contextOf(cashier.staff, cashier.session);
    expect(() => service.requireApproval(ctx, 'refund', undefined, 'order-1')).toThrow(
      'A manager must approve this refund.',
    );
    expect(
      thrownBy(() => service.requireApproval(ctx, 'discount_over_limit', undefined, 'order-1')),
    ).toMatchObject({
      code: 'approval_required',
      message: 'A manager must approve this discount over the limit.',
      details: { action: 'discount_over_limit', reason: 'missing', ref: 'order-1' },
    });
    expect(service.requireApproval(contextOf(manager.staff), 'void', undefined, 'order-1')).toEqual({
      approvedBy: manager.staff,
    });
    const ownerStaff = { staffId: owner.staffId, name: 'Olive Owner', role: 'owner' as const };
    expect(service.requireApproval(contextOf(ownerStaff), 'no_sale', undefined, 'x')).toEqual({
      approvedBy: ownerStaff,
    });
    expect(() => service.requireApproval(contextOf(null), 'refund', undefined, 'order-1')).toThrow(/Log in/);
  });

  it('an approval is single-use, audited when granted and when used', async () => {
    const granted = await approveAs(cashier.session, { ref: 'order-1' });
    expect(granted.approvedBy).toEqual(manager.staff);
    expect(granted.expiresAt).toBe(new Date(till.clock.nowMs + 2 * 60_000).toISOString());
    const ctx = contextOf(cashier.staff, cashier.session);
    expect(service.requireApproval(ctx, 'refund', granted.approval, 'order-1')).toEqual({
      approvedBy: manager.staff,
    });
    expect(refusal(() => service.requireApproval(ctx, 'refund', granted.approval, 'order-1'))).toBe('used');

    expect(auditRows(till, 'staff.approval_granted')).toEqual([
      {
        staff_id: manager.staffId,
        action: 'staff.approval_granted',
        ref: 'order-1',
        details: JSON.stringify({
          action: 'refund',
          requestedBy: cashier.staffId,
          expiresAt: granted.expiresAt,
        }),
      },
    ]);
    expect(auditRows(till, 'staff.approval_used')).toEqual([
      {
        staff_id: cashier.staffId,
        action: 'staff.approval_used',
        ref: 'order-1',
        details: JSON.stringify({ action: 'refund', approvedBy: manager.staffId }),
      },
    ]);
  });

  it('refuses an approval for another action, ref or member, or an unknown one, without using it up', async () => {
    const { approval } = await approveAs(cashier.session, { action: 'void', ref: 'order-1' });
    const ctx = contextOf(cashier.staff, cashier.session);
    expect(refusal(() => service.requireApproval(ctx, 'refund', approval, 'order-1'))).toBe('other_action');
    expect(refusal(() => service.requireApproval(ctx, 'void', approval, 'order-2'))).toBe('other_ref');
    const other = await addMember(till, owner.session, { name: 'Cy', role: 'cashier', pin: '3579' });
    expect(refusal(() => service.requireApproval(contextOf(other.staff), 'void', approval, 'order-1'))).toBe(
      'other_staff',
    );
    expect(refusal(() => service.requireApproval(ctx, 'void', newToken(), 'order-1'))).toBe('unknown');
    expect(service.requireApproval(ctx, 'void', approval, 'order-1').approvedBy.staffId).toBe(
      manager.staffId,
    );
  });

  it('an approval without a reference is refused: staff.approve needs one, an old token without one approves nothing', async () => {
    const ctx = contextOf(cashier.staff, cashier.session);
    await expectApiError(
      till.core.call(
        'staff.approve',
        { staffId: manager.staffId, pin: '7351', action: 'no_sale' } as never,
        cashier.session,
      ),
      'bad_input',
    );
    const { approval } = await approveAs(cashier.session, { action: 'no_sale', ref: 'shift-1' });
    till.core.db.prepare("UPDATE staff_approvals SET ref = NULL WHERE action = 'no_sale'").run();
    expect(refusal(() => service.requireApproval(ctx, 'no_sale', approval, 'shift-1'))).toBe('no_ref');
    expect(refusal(() => service.requireApproval(ctx, 'no_sale', approval, 'shift-2'))).toBe('no_ref');
  });

  it('an approval for another order is refused, and its refusal names the order it needs', async () => {
    const { approval } = await approveAs(cashier.session, { action: 'refund', ref: 'order-A' });
    const ctx = contextOf(cashier.staff, cashier.session);
    expect(thrownBy(() => service.requireApproval(ctx, 'refund', approval, 'order-B'))).toMatchObject({
      code: 'approval_required',
      message: 'That approval was given for another order or shift. A manager must approve this refund.',
      details: { action: 'refund', reason: 'other_ref', ref: 'order-B' },
    });
    expect(service.requireApproval(ctx, 'refund', approval, 'order-A').approvedBy.staffId).toBe(
      manager.staffId,
    );
  });

  it('expires after two minutes', async () => {
    const { approval } = await approveAs(cashier.session, {});
    const ctx = contextOf(cashier.staff, cashier.session);
    till.clock.advance(2 * 60_000);
    expect(refusal(() => service.requireApproval(ctx, 'refund', approval, 'order-1'))).toBe('expired');
  });

  it('is refused when the approver was deactivated meanwhile', async () => {
    const { approval } = await approveAs(cashier.session, {});
    await till.core.call('staff.update', { staffId: manager.staffId, active: false }, owner.session);
    const ctx = contextOf(cashier.staff, cashier.session);
    expect(refusal(() => service.requireApproval(ctx, 'refund', approval, 'order-1'))).toBe(
      'approver_not_allowed',
    );
  });

  it('is undone with the caller transaction that fails', async () => {
    const { approval } = await approveAs(cashier.session, {});
    const ctx = contextOf(cashier.staff, cashier.session);
    expect(() =>
      till.core.db.transaction(() => {
        service.requireApproval(ctx, 'refund', approval, 'order-1');
        throw new Error('the refund failed');
      })(),
    ).toThrow('the refund failed');
    expect(auditRows(till, 'staff.approval_used')).toHaveLength(0);
    expect(service.requireApproval(ctx, 'refund', approval, 'order-1').approvedBy.staffId).toBe(
      manager.staffId,
    );
  });

  it('only a manager or owner with the right PIN can approve; wrong PINs lock the approver', async () => {
    const byCashier = await expectApiError(
      approveAs(cashier.session, { staffId: cashier.staffId, pin: '5937' }),
      'forbidden',
    );
    expect(byCashier.message).toBe('Cal Cashier is a cashier: only a manager or an owner can approve.');
    const ownerApproval = await approveAs(cashier.session, { staffId: owner.staffId, pin: '4826' });
    expect(ownerApproval.approvedBy.role).toBe('owner');

    for (let i = 0; i < 4; i++) {
      await expectApiError(approveAs(cashier.session, { pin: '0001' }), 'unauthorized');
    }
    const locked = await expectApiError(approveAs(cashier.session, { pin: '0001' }), 'locked');
    expect(locked.message).toMatch(/Mia Manager is locked out until/);
    await expectApiError(approveAs(cashier.session, {}), 'locked');
    await expectApiError(till.core.call('staff.login', { staffId: manager.staffId, pin: '7351' }), 'locked');
    const failed = auditRows(till, 'staff.pin_failed').map((row) => [row.staff_id, JSON.parse(row.details)]);
    expect(failed[0]).toEqual([
      manager.staffId,
      { purpose: 'approve', actorStaffId: cashier.staffId, failedPinCount: 1 },
    ]);
    expect(auditRows(till, 'staff.locked').map((row) => row.staff_id)).toEqual([manager.staffId]);
    await expectApiError(approveAs('no-session', {}), 'unauthorized');
  });
});
