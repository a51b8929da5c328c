import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../../shared/api/errors';
import { type PaymentRequest, type PaymentUpdate, type RefundUpdate } from '../tender';
import { cashDrawerRef, createCashAdapter } from './cashAdapter';

const request: PaymentRequest = {
  paymentId: 'P1',
  orderId: 'O1',
  currency: 'USD',
  dueMinor: 1417n,
  tenderedMinor: 2000n,
  cashRoundingIncrementMinor: 5n,
  staffId: 'S1',
  shiftId: 'H1',
};

async function rejection(promise: Promise<unknown>): Promise<TillpointError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TillpointError);
  return error as TillpointError;
}

describe('the cash tender', () => {
  it('succeeds at once with the change and the cash rounding, and tells its listeners', async () => {
    const stored = new Map<string, PaymentUpdate>();
    const cash = createCashAdapter({ lookup: (id) => stored.get(id) ?? null });
    const seen: (PaymentUpdate | RefundUpdate)[] = [];
    const stop = cash.onUpdate((update) => seen.push(update));
    const update = await cash.start(request);
    expect(update).toEqual({
      paymentId: 'P1',
      orderId: 'O1',
      kind: 'cash',
      status: 'succeeded',
      amountMinor: 1415n,
      tenderedMinor: 2000n,
      changeMinor: 585n,
      settles: true,
      roundingMinor: -2n,
    });
    expect(seen).toEqual([update]);
    stop();
    await cash.refund({
      refundId: 'R1',
      paymentId: 'P1',
      orderId: 'O1',
      currency: 'USD',
      amountMinor: 100n,
      staffId: 'S1',
      shiftId: 'H1',
    });
    expect(seen).toHaveLength(1);
    expect(cash.account('H1')).toEqual({ code: 'cash_drawer', ref: cashDrawerRef('H1') });
    expect(cashDrawerRef('H1')).toBe('shift:H1');

    stored.set('P1', update);
    expect(cash.status('P1')).toBe(update);
    expect((await rejection(cash.cancel('P1'))).code).toBe('conflict');
    expect(() => cash.status('P9')).toThrow(/No payment P9/);
    expect((await rejection(cash.cancel('P9'))).code).toBe('not_found');
  });

  it('refuses a payment without the amount tendered, and a refund of nothing', async () => {
    const cash = createCashAdapter({ lookup: () => null });
    const { tenderedMinor: _omitted, ...withoutTendered } = request;
    expect((await rejection(cash.start(withoutTendered))).details).toMatchObject({
      reason: 'tendered_missing',
    });
    expect((await rejection(cash.start({ ...request, tenderedMinor: 1000n }))).code).toBe('bad_input');
    const refund = await rejection(
      cash.refund({
        refundId: 'R1',
        paymentId: 'P1',
        orderId: 'O1',
        currency: 'USD',
        amountMinor: 0n,
        staffId: 'S1',
        shiftId: 'H1',
      }),
    );
    expect(refund.code).toBe('bad_input');
  });
});
