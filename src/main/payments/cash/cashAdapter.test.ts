import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../../shared/api/errors';
import { type PaymentRequest, type PaymentSnapshot, type RefundRequest } from '../tender';
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

const refund: RefundRequest = {
  shareId: 'F1',
  refundId: 'R1',
  paymentId: 'P1',
  orderId: 'O1',
  currency: 'USD',
  amountMinor: 100n,
  externalId: null,
  staffId: 'S1',
  shiftId: 'H1',
};

const snapshot: PaymentSnapshot = {
  paymentId: 'P1',
  orderId: 'O1',
  currency: 'USD',
  amountMinor: 1415n,
  status: 'succeeded',
  externalId: null,
  details: {},
  createdAt: '2026-12-06T10:00:00.000Z',
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
  it('plans the change and the cash rounding, and decides at once', async () => {
    const cash = createCashAdapter();
    const plan = cash.plan(request);
    expect(plan).toEqual({ amountMinor: 1415n, tenderedMinor: 2000n, changeMinor: 585n, roundingMinor: -2n });
    expect(cash.decideAtOnce?.payment(request, plan)).toEqual({ paymentId: 'P1', status: 'succeeded' });
    expect(cash.decideAtOnce?.refund(refund)).toEqual({ shareId: 'F1', status: 'succeeded' });
    expect(await cash.refund(refund)).toEqual({ shareId: 'F1', status: 'succeeded' });
    expect(cash.account('H1')).toEqual({ code: 'cash_drawer', ref: cashDrawerRef('H1') });
    expect(cashDrawerRef('H1')).toBe('shift:H1');
    expect(cash.state()).toEqual({ state: 'ready', reason: null });
  });

  it('keeps no rounding on a split payment that does not cover the rest', () => {
    const cash = createCashAdapter();
    expect(cash.plan({ ...request, amountMinor: 1000n, tenderedMinor: 1000n })).toMatchObject({
      amountMinor: 1000n,
      roundingMinor: 0n,
    });
  });

  it('cannot be cancelled once taken, and a cash payment found pending was never handed over', async () => {
    const cash = createCashAdapter();
    expect((await rejection(cash.cancel(snapshot))).code).toBe('conflict');
    expect(await cash.status({ ...snapshot, status: 'pending' })).toMatchObject({ status: 'failed' });
    expect(
      await cash.refundStatus({
        shareId: 'F1',
        refundId: 'R1',
        paymentId: 'P1',
        amountMinor: 1n,
        externalId: null,
      }),
    ).toMatchObject({
      status: 'failed',
    });
  });

  it('refuses a payment without the amount tendered, too little cash, and a refund of nothing', async () => {
    const cash = createCashAdapter();
    const { tenderedMinor: _omitted, ...withoutTendered } = request;
    expect(() => cash.plan(withoutTendered)).toThrow(/amount tendered/);
    expect(() => cash.plan({ ...request, tenderedMinor: 1000n })).toThrow(TillpointError);
    expect((await rejection(cash.refund({ ...refund, amountMinor: 0n }))).code).toBe('bad_input');
  });
});
