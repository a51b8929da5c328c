import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../shared/api';
import { accountBalance, drawerBalance, startTestCore, type TestTill } from './testSupport';

let till: TestTill;

beforeEach(async () => {
  till = await startTestCore();
});

afterEach(() => {
  till.close();
});

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function auditActions(): string[] {
  return (till.core.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map(
    (row) => row.action,
  );
}

describe('cash movements', () => {
  it('posts pay-ins, drops and pay-outs to the safe and petty cash', async () => {
    const { core, cashier, manager } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '10000' } }, cashier.session);

    const payIn = await core.call(
      'shifts.cashMovement',
      { kind: 'pay_in', amount: '2500', reason: 'coins' },
      cashier.session,
    );
    expect(payIn.movement).toMatchObject({
      kind: 'pay_in',
      amountMinor: '2500',
      reason: 'coins',
      approvedBy: null,
    });
    expect(payIn.expectedCashMinor).toBe('12500');

    const drop = await core.call(
      'shifts.cashMovement',
      { kind: 'drop', amount: '7000', reason: 'to the safe' },
      cashier.session,
    );
    expect(drop.expectedCashMinor).toBe('5500');

    const payOut = await core.call(
      'shifts.cashMovement',
      { kind: 'pay_out', amount: '1200', reason: 'window cleaner' },
      manager.session,
    );
    expect(payOut.movement.approvedBy).toEqual({ staffId: manager.staffId, name: 'Mona Manager' });
    expect(payOut.expectedCashMinor).toBe('4300');

    expect(drawerBalance(till, shift.id)).toBe(4300n);
    expect(accountBalance(till, 'cash_safe')).toBe(-10000n - 2500n + 7000n);
    expect(accountBalance(till, 'petty_cash')).toBe(1200n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
    expect(auditActions()).toEqual(
      expect.arrayContaining(['shifts.pay_in', 'shifts.drop', 'shifts.pay_out']),
    );
  });

  it('refuses taking out more than the drawer holds, and writes nothing', async () => {
    const { core, cashier, manager } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '1000' } }, cashier.session);
    const drop = await failure(
      core.call('shifts.cashMovement', { kind: 'drop', amount: '1001', reason: 'x' }, cashier.session),
    );
    expect(drop.code).toBe('insufficient_funds');
    expect(drop.message).toMatch(/should hold \$10\.00: a drop of \$10\.01/);
    expect(drop.details).toMatchObject({ requiredMinor: '1001', availableMinor: '1000' });
    const payOut = await failure(
      core.call('shifts.cashMovement', { kind: 'pay_out', amount: '5000', reason: 'x' }, manager.session),
    );
    expect(payOut.code).toBe('insufficient_funds');
    expect(drawerBalance(till, shift.id)).toBe(1000n);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM shift_cash_movements').get()).toEqual({ n: 0 });
  });

  it("a cashier's pay-out needs a manager's approval, used once", async () => {
    const { core, cashier, manager } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '5000' } }, cashier.session);
    const missing = await failure(
      core.call('shifts.cashMovement', { kind: 'pay_out', amount: '500', reason: 'stamps' }, cashier.session),
    );
    expect(missing.code).toBe('approval_required');
    expect(missing.details).toMatchObject({ action: 'pay_out', reason: 'missing', ref: shift.id });
    expect(drawerBalance(till, shift.id)).toBe(5000n);

    const { approval } = await core.call(
      'staff.approve',
      { staffId: manager.staffId, pin: manager.pin, action: 'pay_out', ref: shift.id },
      cashier.session,
    );
    const done = await core.call(
      'shifts.cashMovement',
      { kind: 'pay_out', amount: '500', reason: 'stamps', approval },
      cashier.session,
    );
    expect(done.movement.staff.staffId).toBe(cashier.staffId);
    expect(done.movement.approvedBy?.staffId).toBe(manager.staffId);
    const reused = await failure(
      core.call(
        'shifts.cashMovement',
        { kind: 'pay_out', amount: '500', reason: 'stamps', approval },
        cashier.session,
      ),
    );
    expect(reused.details).toMatchObject({ reason: 'used' });
    expect(drawerBalance(till, shift.id)).toBe(4500n);
  });

  it('needs an open shift and a positive amount', async () => {
    const { core, cashier } = till;
    const none = await failure(
      core.call('shifts.cashMovement', { kind: 'pay_in', amount: '100', reason: 'x' }, cashier.session),
    );
    expect(none.code).toBe('conflict');
    expect(none.details).toMatchObject({ reason: 'no_open_shift' });
    await core.call('shifts.open', { float: { amount: '0' } }, cashier.session);
    const zero = await failure(
      core.call('shifts.cashMovement', { kind: 'pay_in', amount: '0', reason: 'x' }, cashier.session),
    );
    expect(zero.code).toBe('bad_input');
    const noReason = await failure(
      core.call('shifts.cashMovement', { kind: 'pay_in', amount: '5', reason: ' ' }, cashier.session),
    );
    expect(noReason.code).toBe('bad_input');
  });
});

describe('drawer.noSale', () => {
  it("a cashier needs a manager's approval; the drawer opens and it is audited", async () => {
    const { core, cashier, manager } = till;
    const opened: unknown[] = [];
    core.events.on('drawer.open', (payload) => opened.push(payload));

    const refused = await failure(core.call('drawer.noSale', { reason: 'check the float' }, cashier.session));
    expect(refused.code).toBe('approval_required');
    expect(refused.details).toMatchObject({ action: 'no_sale', reason: 'missing' });
    // No shift is open: the approval names the till (the ref the refusal gives).
    const target = (refused.details as { ref: string }).ref;
    expect(target).toMatch(/^[0-9A-Z]{26}$/);
    expect(opened).toEqual([]);
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM drawer_no_sales').get()).toEqual({ n: 0 });

    const { approval } = await core.call(
      'staff.approve',
      { staffId: manager.staffId, pin: manager.pin, action: 'no_sale', ref: target },
      cashier.session,
    );
    const done = await core.call('drawer.noSale', { reason: 'check the float', approval }, cashier.session);
    expect(done).toMatchObject({
      shiftId: null,
      approvedBy: { staffId: manager.staffId, name: 'Mona Manager' },
    });
    expect(opened).toEqual([{ cause: 'no_sale', shiftId: null, staffId: cashier.staffId, at: done.at }]);
    const entry = core.db
      .prepare("SELECT staff_id, ref, details FROM audit_log WHERE action = 'drawer.no_sale'")
      .get() as { staff_id: string; ref: string; details: string };
    expect(entry.staff_id).toBe(cashier.staffId);
    expect(entry.ref).toBe(done.id);
    expect(JSON.parse(entry.details)).toEqual({
      shiftId: null,
      reason: 'check the float',
      approvedBy: manager.staffId,
    });
  });

  it('a manager is their own approval and the no-sale counts in the shift', async () => {
    const { core, manager } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '0' } }, manager.session);
    const done = await core.call('drawer.noSale', { reason: 'receipt paper' }, manager.session);
    expect(done.shiftId).toBe(shift.id);
    expect(done.approvedBy.staffId).toBe(manager.staffId);
    const { xReport } = await core.call('shifts.current', {}, manager.session);
    expect(xReport?.noSales).toBe(1);
  });
});
