import { describe, expect, it } from 'vitest';
import { planExactAmount } from './planExact';

const base = { paymentId: 'p', orderId: 'o', currency: 'USD', staffId: 's', shiftId: 'h' };

describe('planExactAmount', () => {
  it.each([
    [1000n, undefined, 1000n],
    [1000n, 400n, 400n],
    [1000n, 1000n, 1000n],
    [0n, undefined, 0n],
  ])('due %s, asked %s → collects %s', (dueMinor, amountMinor, expected) => {
    expect(planExactAmount({ ...base, dueMinor, amountMinor })).toEqual({
      amountMinor: expected,
      roundingMinor: 0n,
    });
  });
  it.each([
    [1000n, 1001n, /more than the order still owes/],
    [1000n, 0n, /more than zero/],
  ])('due %s, asked %s → refused', (dueMinor, amountMinor, message) => {
    expect(() => planExactAmount({ ...base, dueMinor, amountMinor })).toThrow(message);
  });
});
