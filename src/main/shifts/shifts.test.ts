import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError, type EventName } from '../../shared/api';
import {
  accountBalance,
  counts,
  drawerBalance,
  postCashRefund,
  postCashTender,
  startTestCore,
  type TestTill,
} from './testSupport';

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

function recordEvents(): { name: EventName; payload: unknown }[] {
  const seen: { name: EventName; payload: unknown }[] = [];
  till.core.events.onAny((name, payload) => seen.push({ name, payload }));
  return seen;
}

describe('shift lifecycle', () => {
  it('opens, refuses a second open, starts closing, closes with the count and a Z report', async () => {
    const { core, cashier, manager } = till;
    expect(await core.call('shifts.current', {}, cashier.session)).toEqual({ shift: null, xReport: null });

    const events = recordEvents();
    const { shift } = await core.call(
      'shifts.open',
      {
        float: {
          counts: counts([
            [2000, 5],
            [500, 4],
            [100, 10],
            [25, 8],
          ]),
        },
      },
      cashier.session,
    );
    expect(shift).toMatchObject({ number: 1, status: 'open', currency: 'USD', openingFloatMinor: '13200' });
    expect(shift.openedBy).toEqual({ staffId: cashier.staffId, name: 'Carl Cashier' });
    expect(shift.openingCounts).toEqual([
      { denominationMinor: '25', count: 8, subtotalMinor: '200' },
      { denominationMinor: '100', count: 10, subtotalMinor: '1000' },
      { denominationMinor: '500', count: 4, subtotalMinor: '2000' },
      { denominationMinor: '2000', count: 5, subtotalMinor: '10000' },
    ]);
    expect(events.map((e) => e.name)).toEqual(['shift.updated', 'drawer.open']);
    expect(events[1]!.payload).toMatchObject({
      cause: 'shift_open',
      shiftId: shift.id,
      staffId: cashier.staffId,
    });
    expect(drawerBalance(till, shift.id)).toBe(13200n);
    expect(accountBalance(till, 'cash_safe')).toBe(-13200n);

    const again = await failure(core.call('shifts.open', { float: { amount: '0' } }, manager.session));
    expect(again.code).toBe('conflict');
    expect(again.details).toMatchObject({ reason: 'shift_open' });

    postCashTender(till, shift.id, 'USD', 1250n);
    const closing = await core.call('shifts.startClose', {}, cashier.session);
    expect(closing.shift.status).toBe('closing');
    expect(closing.xReport.cash?.expectedMinor).toBe('14450');

    const result = await core.call(
      'shifts.close',
      {
        counts: counts([
          [10000, 1],
          [2000, 2],
          [25, 2],
        ]),
        note: 'ok',
      },
      cashier.session,
    );
    expect(result.shift).toMatchObject({
      status: 'closed',
      expectedCashMinor: '14450',
      countedTotalMinor: '14050',
      differenceMinor: '-400',
      note: 'ok',
    });
    const z = result.zReport;
    expect(z).toMatchObject({
      shiftId: shift.id,
      shiftNumber: 1,
      currency: 'USD',
      storeName: 'My store',
      note: 'ok',
    });
    expect(z.openedBy.name).toBe('Carl Cashier');
    expect(z.closedBy).toEqual({ staffId: cashier.staffId, name: 'Carl Cashier' });
    expect(z.cash).toMatchObject({
      openingFloatMinor: '13200',
      cashSalesMinor: '1250',
      cashRefundsMinor: '0',
      expectedMinor: '14450',
      countedTotalMinor: '14050',
      differenceMinor: '-400',
    });
    expect(z.cash.counted).toEqual([
      { denominationMinor: '25', count: 2, subtotalMinor: '50' },
      { denominationMinor: '2000', count: 2, subtotalMinor: '4000' },
      { denominationMinor: '10000', count: 1, subtotalMinor: '10000' },
    ]);
    // The drawer ends at 0: the short went to over/short, the counted cash to the safe.
    expect(drawerBalance(till, shift.id)).toBe(0n);
    expect(accountBalance(till, 'cash_over_short')).toBe(400n);
    expect(accountBalance(till, 'cash_safe')).toBe(-13200n + 14050n);
    expect(till.ledger.checkInvariants()).toEqual({ ok: true, problems: [] });

    expect((await core.call('shifts.zReport', { shiftId: shift.id }, cashier.session)).zReport).toEqual(z);
    expect(await core.call('shifts.current', {}, cashier.session)).toEqual({ shift: null, xReport: null });

    const second = await core.call('shifts.open', { float: { amount: '10000' } }, manager.session);
    expect(second.shift).toMatchObject({ number: 2, openingFloatMinor: '10000', openingCounts: null });
  });

  it('refuses payments without an open shift and while closing, and accepts them again after a cancel', async () => {
    const { core, cashier } = till;
    const noShift = await failure(core.call('shifts.startClose', {}, cashier.session));
    expect(noShift.code).toBe('conflict');
    expect(noShift.details).toMatchObject({ reason: 'no_open_shift' });

    await core.call('shifts.open', { float: { amount: '5000' } }, cashier.session);
    await core.call('shifts.startClose', {}, cashier.session);
    const movement = await failure(
      core.call('shifts.cashMovement', { kind: 'pay_in', amount: '100', reason: 'coins' }, cashier.session),
    );
    expect(movement.code).toBe('conflict');
    expect(movement.details).toMatchObject({ reason: 'shift_closing' });
    const reopen = await failure(core.call('shifts.open', { float: { amount: '0' } }, cashier.session));
    expect(reopen.details).toMatchObject({ reason: 'shift_closing' });

    const cancelled = await core.call('shifts.cancelClose', {}, cashier.session);
    expect(cancelled.shift).toMatchObject({ status: 'open', closingStartedAt: null, closingStartedBy: null });
    const notClosing = await failure(core.call('shifts.close', { counts: [] }, cashier.session));
    expect(notClosing.code).toBe('conflict');
    expect(notClosing.message).toMatch(/Start closing the shift first/);
  });

  it('close refuses a bad count and changes nothing', async () => {
    const { core, cashier } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '5000' } }, cashier.session);
    await core.call('shifts.startClose', {}, cashier.session);
    const bad = await failure(core.call('shifts.close', { counts: counts([[300, 1]]) }, cashier.session));
    expect(bad.code).toBe('bad_input');
    expect(bad.message).toMatch(/USD has no \$3\.00 bill or coin/);
    const twice = await failure(
      core.call(
        'shifts.close',
        {
          counts: counts([
            [100, 1],
            [100, 1],
          ]),
        },
        cashier.session,
      ),
    );
    expect(twice.message).toMatch(/counted twice/);
    const current = await core.call('shifts.current', {}, cashier.session);
    expect(current.shift).toMatchObject({ id: shift.id, status: 'closing' });
    expect(drawerBalance(till, shift.id)).toBe(5000n);
  });

  it('refuses a negative or fractional count at the door', async () => {
    const { core, cashier } = till;
    const negative = await failure(
      core.call(
        'shifts.open',
        { float: { counts: [{ denominationMinor: '100', count: -1 }] } },
        cashier.session,
      ),
    );
    expect(negative.code).toBe('bad_input');
    const fractional = await failure(
      core.call(
        'shifts.open',
        { float: { counts: [{ denominationMinor: '100', count: 1.5 }] } },
        cashier.session,
      ),
    );
    expect(fractional.code).toBe('bad_input');
    expect((await core.call('shifts.current', {}, cashier.session)).shift).toBeNull();
  });

  it('books an over to over/short and a zero count leaves nothing to deposit', async () => {
    const { core, cashier } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '0' } }, cashier.session);
    await core.call('shifts.startClose', {}, cashier.session);
    const over = await core.call('shifts.close', { counts: counts([[100, 3]]) }, cashier.session);
    expect(over.zReport.cash).toMatchObject({
      expectedMinor: '0',
      countedTotalMinor: '300',
      differenceMinor: '300',
    });
    expect(accountBalance(till, 'cash_over_short')).toBe(-300n);
    expect(drawerBalance(till, shift.id)).toBe(0n);

    const next = await core.call('shifts.open', { float: { amount: '0' } }, cashier.session);
    await core.call('shifts.startClose', {}, cashier.session);
    const empty = await core.call('shifts.close', { counts: [] }, cashier.session);
    expect(empty.zReport.cash).toMatchObject({
      expectedMinor: '0',
      countedTotalMinor: '0',
      differenceMinor: '0',
    });
    expect(drawerBalance(till, next.shift.id)).toBe(0n);
  });
});

describe('X report', () => {
  it('shows the live figures of the open shift', async () => {
    const { core, cashier, manager } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '10000' } }, cashier.session);
    postCashTender(till, shift.id, 'USD', 1250n);
    postCashTender(till, shift.id, 'USD', 480n);
    postCashRefund(till, shift.id, 'USD', 300n);
    await core.call(
      'shifts.cashMovement',
      { kind: 'pay_in', amount: '2000', reason: 'change' },
      cashier.session,
    );
    await core.call(
      'shifts.cashMovement',
      { kind: 'drop', amount: '5000', reason: 'safe drop' },
      cashier.session,
    );
    await core.call(
      'shifts.cashMovement',
      { kind: 'pay_out', amount: '650', reason: 'milk' },
      manager.session,
    );
    await core.call('drawer.noSale', { reason: 'change for a customer' }, manager.session);

    const { shift: current, xReport } = await core.call('shifts.current', {}, cashier.session);
    expect(current?.id).toBe(shift.id);
    expect(xReport?.cash).toEqual({
      openingFloatMinor: '10000',
      cashSalesMinor: '1730',
      cashRefundsMinor: '300',
      reversedMinor: '0',
      payInsMinor: '2000',
      payOutsMinor: '650',
      dropsMinor: '5000',
      otherMinor: '0',
      expectedMinor: '7780',
    });
    expect(BigInt(xReport!.cash!.expectedMinor)).toBe(drawerBalance(till, shift.id));
    expect(xReport?.movements.map((m) => [m.kind, m.amountMinor, m.staff.name])).toEqual([
      ['pay_in', '2000', 'Carl Cashier'],
      ['drop', '5000', 'Carl Cashier'],
      ['pay_out', '650', 'Mona Manager'],
    ]);
    expect(xReport?.noSales).toBe(1);
    // The direct postings above are not orders: the orders domain's summary has none.
    expect(xReport?.sales).toMatchObject({ ordersPaid: 0, cashSalesMinor: '0' });
  });
});

describe('Z report', () => {
  it('is frozen: later sales and refunds in the next shift leave it identical', async () => {
    const { core, cashier, manager } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '10000' } }, cashier.session);
    postCashTender(till, shift.id, 'USD', 995n);
    await core.call('shifts.startClose', {}, cashier.session);
    const closed = await core.call(
      'shifts.close',
      {
        counts: counts([
          [10000, 1],
          [500, 2],
        ]),
      },
      cashier.session,
    );
    const frozen = JSON.stringify(closed.zReport);

    // Expected cash equals the drawer's balance before the closing transfers.
    const drawer = till.ledger.findAccount('USD', 'cash_drawer', `shift:${shift.id}`)!;
    const closing = new Set(['cash_short', 'cash_over', 'deposit']);
    const beforeClose = till.ledger
      .history(drawer.id, { limit: 1000 })
      .entries.filter((entry) => !closing.has(entry.transfer.code))
      .reduce(
        (sum, entry) => sum + (entry.side === 'debit' ? entry.transfer.amount : -entry.transfer.amount),
        0n,
      );
    expect(beforeClose).toBe(10995n);
    expect(closed.zReport.cash.expectedMinor).toBe(beforeClose.toString());
    expect(till.ledger.balance(drawer.id).net).toBe(0n);

    const next = await core.call('shifts.open', { float: { amount: '10000' } }, manager.session);
    postCashTender(till, next.shift.id, 'USD', 4400n);
    postCashRefund(till, next.shift.id, 'USD', 995n);
    await core.call('settings.update', { storeName: 'Renamed store' }, till.owner.session);
    await core.call('shifts.cashMovement', { kind: 'drop', amount: '1000', reason: 'safe' }, manager.session);

    const again = await core.call('shifts.zReport', { shiftId: shift.id }, manager.session);
    expect(JSON.stringify(again.zReport)).toBe(frozen);
    expect(again.zReport.storeName).toBe('My store');
    const row = core.db.prepare('SELECT z_report FROM shifts WHERE id = ?').get(shift.id) as {
      z_report: string;
    };
    expect(() => core.db.prepare("UPDATE shifts SET note = 'x' WHERE id = ?").run(shift.id)).toThrow(
      /a closed shift cannot change/,
    );
    expect(JSON.parse(row.z_report)).toEqual(closed.zReport);
  });

  it('is readable by reports.read and by the one who closed it, not by another cashier', async () => {
    const { core, cashier, manager, owner } = till;
    const { shift } = await core.call('shifts.open', { float: { amount: '0' } }, manager.session);
    const open = await failure(core.call('shifts.zReport', { shiftId: shift.id }, manager.session));
    expect(open.code).toBe('conflict');
    await core.call('shifts.startClose', {}, manager.session);
    await core.call('shifts.close', { counts: [] }, manager.session);
    await core.call('shifts.zReport', { shiftId: shift.id }, owner.session);
    const forbidden = await failure(core.call('shifts.zReport', { shiftId: shift.id }, cashier.session));
    expect(forbidden.code).toBe('forbidden');
    const missing = await failure(
      core.call('shifts.zReport', { shiftId: '01JAAAAAAAAAAAAAAAAAAAAAAA' }, owner.session),
    );
    expect(missing.code).toBe('not_found');
  });

  it('lists shifts newest first for reports.read', async () => {
    const { core, cashier, manager } = till;
    for (let i = 0; i < 3; i += 1) {
      await core.call('shifts.open', { float: { amount: String(1000 * (i + 1)) } }, cashier.session);
      await core.call('shifts.startClose', {}, cashier.session);
      await core.call('shifts.close', { counts: counts([[1000, i + 1]]) }, cashier.session);
    }
    await core.call('shifts.open', { float: { amount: '0' } }, cashier.session);
    const page = await core.call('shifts.list', { limit: 2, offset: 0 }, manager.session);
    expect(page.total).toBe(4);
    expect(page.shifts.map((s) => [s.number, s.status])).toEqual([
      [4, 'open'],
      [3, 'closed'],
    ]);
    const rest = await core.call('shifts.list', { limit: 10, offset: 2 }, manager.session);
    expect(rest.shifts.map((s) => [s.number, s.differenceMinor])).toEqual([
      [2, '0'],
      [1, '0'],
    ]);
    expect((await failure(core.call('shifts.list', {}, cashier.session))).code).toBe('forbidden');
  });
});

describe('shifts.denominations', () => {
  it('lists the store currency with labels in the store locale', async () => {
    const { core, cashier, owner } = till;
    const usd = await core.call('shifts.denominations', {}, cashier.session);
    expect(usd.currency).toBe('USD');
    expect(usd.fallback).toBe(false);
    expect(usd.denominations[0]).toEqual({ denominationMinor: '1', kind: 'coin', label: '$0.01' });
    expect(usd.denominations.at(-1)).toEqual({ denominationMinor: '10000', kind: 'note', label: '$100.00' });

    await core.call('settings.update', { currency: 'CAD', locale: 'fr-CA' }, owner.session);
    const cad = await core.call('shifts.denominations', {}, cashier.session);
    expect(cad.denominations.map((d) => d.denominationMinor)).not.toContain('1');
    expect(cad.denominations[0]!.label).toMatch(/0,05/);
  });
});
