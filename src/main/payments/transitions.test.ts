import { describe, expect, it } from 'vitest';
import { paymentStep, type PaymentStatus, type ReportedStatus } from './transitions';

type Row = [current: PaymentStatus, reported: ReportedStatus, action: string, status?: string];

const cases: Row[] = [
  ['pending', 'pending', 'note', 'pending'],
  ['pending', 'succeeded', 'post', 'succeeded'],
  ['pending', 'failed', 'void', 'failed'],
  ['pending', 'canceled', 'void', 'canceled'],
  ['pending', 'expired', 'void', 'expired'],
  // A replayed decision changes nothing.
  ['succeeded', 'succeeded', 'ignore'],
  ['failed', 'failed', 'ignore'],
  ['canceled', 'canceled', 'ignore'],
  ['expired', 'expired', 'ignore'],
  // Late "still pending" about a decided payment: old news.
  ['succeeded', 'pending', 'ignore'],
  ['failed', 'pending', 'ignore'],
  ['refunded', 'pending', 'ignore'],
  // A decided payment is never taken back by its tender.
  ['succeeded', 'failed', 'refuse'],
  ['succeeded', 'canceled', 'refuse'],
  ['succeeded', 'expired', 'refuse'],
  ['partially_refunded', 'failed', 'refuse'],
  ['refunded', 'canceled', 'refuse'],
  ['partially_refunded', 'succeeded', 'ignore'],
  ['refunded', 'succeeded', 'ignore'],
  // Money released is not taken again by a late success.
  ['failed', 'succeeded', 'refuse'],
  ['canceled', 'succeeded', 'refuse'],
  ['expired', 'succeeded', 'refuse'],
  // Two ways of failing: the first word stands.
  ['failed', 'canceled', 'ignore'],
  ['canceled', 'expired', 'ignore'],
  ['expired', 'failed', 'ignore'],
];

describe('paymentStep', () => {
  it.each(cases)('%s + reported %s → %s %s', (current, reported, action, status) => {
    const step = paymentStep(current, reported);
    expect(step.action).toBe(action);
    if (status !== undefined) expect(step).toMatchObject({ status });
    if (action === 'refuse') expect(step).toHaveProperty('reason', expect.stringMatching(/\S/));
  });
});
