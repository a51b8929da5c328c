import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectApiError, openSalesTill, type SalesTill } from '../orders/salesTestKit';

let till: SalesTill;

beforeEach(async () => {
  till = await openSalesTill();
});
afterEach(() => till.close());

describe('shifts.checkCount: the over/short of a count before the close', () => {
  it('answers as the close books it, moving no money', async () => {
    await till.openShift(10000n);
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee, 1); // 3.81
    await till.payCash(orderId, 381n);
    await expectApiError(
      till.core.call('shifts.checkCount', { counts: [] }, till.manager.session),
      'conflict',
    );
    await till.core.call('shifts.startClose', {}, till.manager.session);
    const counts = [
      { denominationMinor: '2000', count: 5 },
      { denominationMinor: '100', count: 3 },
    ];
    const checked = await till.core.call('shifts.checkCount', { counts }, till.manager.session);
    expect(checked).toEqual({
      countedTotalMinor: '10300',
      expectedCashMinor: '10381',
      differenceMinor: '-81',
    });
    const auditBefore = (await till.core.call('audit.list', { limit: 500 }, till.owner.session)).entries
      .length;
    const still = await till.core.call('shifts.current', {}, till.manager.session);
    expect(still.shift?.status).toBe('closing');
    const closed = await till.core.call('shifts.close', { counts }, till.manager.session);
    expect(closed.zReport.cash).toMatchObject({ countedTotalMinor: '10300', differenceMinor: '-81' });
    expect(closed.zReport.tillName).toBe('Till 1');
    expect(auditBefore).toBeGreaterThan(0);
  });

  it('names the till by its name on the Z report', async () => {
    await till.core.call('settings.update', { tillName: 'Front counter' }, till.owner.session);
    await till.openShift(0n);
    const { zReport } = await till.closeShift(0n);
    expect(zReport.tillName).toBe('Front counter');
    const read = await till.core.call('shifts.zReport', { shiftId: zReport.shiftId }, till.owner.session);
    expect(read.zReport.tillName).toBe('Front counter');
  });
});

describe('the blind count: the core holds the expected cash back from a cashier until the close', () => {
  it('hides the figures from a cashier, shows them to a manager, and audits every checked count', async () => {
    await till.core.call('settings.update', { blindCount: true }, till.owner.session);
    await till.openShift(10000n);
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee, 1); // 3.81
    await till.payCash(orderId, 381n);

    const seenByCashier = await till.core.call('shifts.current', {}, till.cashier.session);
    expect(seenByCashier.xReport).toMatchObject({ blind: true, cash: null, sales: null });
    const seenByManager = await till.core.call('shifts.current', {}, till.manager.session);
    expect(seenByManager.xReport).toMatchObject({ blind: false, cash: { expectedMinor: '10381' } });

    const payIn = await till.core.call(
      'shifts.cashMovement',
      { kind: 'pay_in', amount: '1000', reason: 'Change from the safe' },
      till.cashier.session,
    );
    expect(payIn.expectedCashMinor).toBeNull();

    const started = await till.core.call('shifts.startClose', {}, till.cashier.session);
    expect(started.xReport).toMatchObject({ blind: true, cash: null, sales: null });
    expect(started.shift.expectedCashMinor).toBeNull();

    const counts = [{ denominationMinor: '2000', count: 5 }];
    const checked = await till.core.call('shifts.checkCount', { counts }, till.cashier.session);
    expect(checked).toEqual({
      countedTotalMinor: '10000',
      expectedCashMinor: null,
      differenceMinor: '-1381',
    });
    const recheck = await till.core.call('shifts.checkCount', { counts }, till.cashier.session);
    expect(recheck.differenceMinor).toBe('-1381');
    const audited = (await till.core.call('audit.list', { limit: 500 }, till.owner.session)).entries.filter(
      (entry) => entry.action === 'shifts.count_checked',
    );
    expect(audited).toHaveLength(2);

    // Closed: the cashier's own Z report has every figure.
    const closed = await till.core.call('shifts.close', { counts }, till.cashier.session);
    expect(closed.zReport.cash).toMatchObject({ expectedMinor: '11381', differenceMinor: '-1381' });
    expect(closed.shift.expectedCashMinor).toBe('11381');
  });

  it('is off by default: a cashier sees the expected cash', async () => {
    await till.openShift(10000n);
    const seen = await till.core.call('shifts.current', {}, till.cashier.session);
    expect(seen.xReport).toMatchObject({ blind: false, cash: { expectedMinor: '10000' } });
  });
});
