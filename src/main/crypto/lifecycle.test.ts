import { describe, expect, it } from 'vitest';
import {
  fullyPaidThreshold,
  invoiceLifecycle,
  paymentReportFor,
  type LifecycleInvoice,
  type LifecyclePayment,
} from './lifecycle';

const minute = 60_000;
const created = 1_000_000_000_000;
const invoice = (over: Partial<LifecycleInvoice> = {}): LifecycleInvoice => ({
  status: 'new',
  exception: null,
  amountUnits: 10_000n,
  expiresAtMs: created + 15 * minute,
  monitoringUntilMs: created + 15 * minute + 24 * 60 * minute,
  confirmationsRequired: 2,
  toleranceBp: 0,
  acceptedLate: false,
  canceled: false,
  ...over,
});
const pay = (amountUnits: bigint, over: Partial<LifecyclePayment> = {}): LifecyclePayment => ({
  key: `btc:${amountUnits}:${over.firstSeenAtMs ?? 0}:${over.blockHeight ?? 'm'}`,
  amountUnits,
  blockHeight: null,
  // What a watcher at tip 100 says.
  confirmations:
    over.blockHeight === undefined || over.blockHeight === null ? 0 : Math.max(0, 100 - over.blockHeight + 1),
  replaceable: false,
  firstSeenAtMs: created + minute,
  ...over,
});
const inTime = created + 5 * minute;
const afterExpiry = created + 20 * minute;
const afterWindow = created + 26 * 60 * minute;

type Row = [
  name: string,
  inv: Partial<LifecycleInvoice>,
  payments: LifecyclePayment[],
  tip: number | null,
  now: number,
  expect: { status: string; exception: string | null; phase: string; watching?: boolean },
];

const table: Row[] = [
  [
    'nothing paid yet',
    {},
    [],
    100,
    inTime,
    { status: 'new', exception: null, phase: 'waiting', watching: true },
  ],
  [
    'exact, in the mempool',
    {},
    [pay(10_000n)],
    100,
    inTime,
    { status: 'processing', exception: null, phase: 'seen' },
  ],
  [
    'exact, 1 of 2 confirmations',
    {},
    [pay(10_000n, { blockHeight: 100 })],
    100,
    inTime,
    { status: 'processing', exception: null, phase: 'confirming' },
  ],
  [
    'exact, 2 of 2 confirmations',
    {},
    [pay(10_000n, { blockHeight: 99 })],
    100,
    inTime,
    { status: 'settled', exception: null, phase: 'paid', watching: false },
  ],
  [
    'a tip ahead of the watcher (a reorg being checked) adds no confirmation',
    {},
    [pay(10_000n, { blockHeight: 99, confirmations: 1 })],
    101,
    inTime,
    { status: 'processing', exception: null, phase: 'confirming' },
  ],
  [
    'confirmations from the watcher when no tip',
    {},
    [pay(10_000n, { blockHeight: 99, confirmations: 2 })],
    null,
    inTime,
    { status: 'settled', exception: null, phase: 'paid' },
  ],
  [
    'partial, before expiry',
    {},
    [pay(4_000n)],
    100,
    inTime,
    { status: 'new', exception: 'paid_partial', phase: 'seen' },
  ],
  [
    'partial topped up on the same address',
    {},
    [pay(4_000n, { blockHeight: 98 }), pay(6_000n, { blockHeight: 99 })],
    100,
    inTime,
    { status: 'settled', exception: null, phase: 'paid' },
  ],
  [
    'two payments, one unconfirmed',
    {},
    [pay(4_000n, { blockHeight: 90 }), pay(6_000n)],
    100,
    inTime,
    { status: 'processing', exception: null, phase: 'seen' },
  ],
  [
    'partial, after expiry',
    {},
    [pay(4_000n)],
    100,
    afterExpiry,
    { status: 'expired', exception: 'paid_partial', phase: 'expired', watching: true },
  ],
  [
    'nothing, after expiry',
    {},
    [],
    100,
    afterExpiry,
    { status: 'expired', exception: null, phase: 'expired', watching: true },
  ],
  [
    'nothing, after the monitoring window',
    { status: 'expired' },
    [],
    100,
    afterWindow,
    { status: 'expired', exception: null, phase: 'expired', watching: false },
  ],
  [
    'overpaid, confirmed',
    {},
    [pay(12_000n, { blockHeight: 90 })],
    100,
    inTime,
    { status: 'settled', exception: 'paid_over', phase: 'paid' },
  ],
  [
    'overpaid, unconfirmed',
    {},
    [pay(12_000n)],
    100,
    inTime,
    { status: 'processing', exception: 'paid_over', phase: 'seen' },
  ],
  [
    'within 1 % tolerance',
    { toleranceBp: 100 },
    [pay(9_900n, { blockHeight: 90 })],
    100,
    inTime,
    { status: 'settled', exception: null, phase: 'paid' },
  ],
  [
    'just under the tolerance',
    { toleranceBp: 100 },
    [pay(9_899n, { blockHeight: 90 })],
    100,
    inTime,
    { status: 'new', exception: 'paid_partial', phase: 'confirming' },
  ],
  [
    'paid in full after expiry: late',
    { status: 'expired' },
    [pay(10_000n, { firstSeenAtMs: afterExpiry })],
    100,
    afterExpiry,
    { status: 'expired', exception: 'paid_late', phase: 'expired' },
  ],
  [
    'late, confirmed: still late until accepted',
    { status: 'expired' },
    [pay(10_000n, { firstSeenAtMs: afterExpiry, blockHeight: 90 })],
    100,
    afterExpiry,
    { status: 'expired', exception: 'paid_late', phase: 'expired' },
  ],
  [
    'late, accepted, confirmed',
    { status: 'expired', acceptedLate: true },
    [pay(10_000n, { firstSeenAtMs: afterExpiry, blockHeight: 90 })],
    100,
    afterExpiry,
    { status: 'settled', exception: null, phase: 'paid' },
  ],
  [
    'late, accepted, unconfirmed',
    { status: 'expired', acceptedLate: true },
    [pay(10_000n, { firstSeenAtMs: afterExpiry })],
    100,
    afterExpiry,
    { status: 'processing', exception: null, phase: 'seen' },
  ],
  [
    'partial in time, topped up late',
    { status: 'expired' },
    [pay(4_000n), pay(6_000n, { firstSeenAtMs: afterExpiry })],
    100,
    afterExpiry,
    { status: 'expired', exception: 'paid_late', phase: 'expired' },
  ],
  [
    'paid in time, confirmed after expiry: not late',
    { status: 'processing' },
    [pay(10_000n, { blockHeight: 99 })],
    100,
    afterExpiry,
    { status: 'settled', exception: null, phase: 'paid' },
  ],
  [
    'paid in time, still confirming after expiry',
    { status: 'processing' },
    [pay(10_000n, { blockHeight: 100 })],
    100,
    afterExpiry,
    { status: 'processing', exception: null, phase: 'confirming', watching: true },
  ],
  [
    'still confirming after the monitoring window: keep watching',
    { status: 'processing' },
    [pay(10_000n)],
    100,
    afterWindow,
    { status: 'processing', exception: null, phase: 'seen', watching: true },
  ],
  [
    'payment first seen after the monitoring window is ignored',
    { status: 'expired' },
    [pay(10_000n, { firstSeenAtMs: afterWindow })],
    100,
    afterWindow,
    { status: 'expired', exception: null, phase: 'expired', watching: false },
  ],
  [
    'taken back (reorg) before expiry: back to new',
    { status: 'processing' },
    [],
    100,
    inTime,
    { status: 'new', exception: null, phase: 'waiting' },
  ],
  [
    'taken back after expiry: expired',
    { status: 'processing' },
    [],
    100,
    afterExpiry,
    { status: 'expired', exception: null, phase: 'expired' },
  ],
  [
    'one of two taken back: partial again',
    { status: 'processing' },
    [pay(4_000n, { blockHeight: 99 })],
    100,
    inTime,
    { status: 'new', exception: 'paid_partial', phase: 'confirming' },
  ],
  [
    'settled is final: payment gone later',
    { status: 'settled' },
    [],
    100,
    inTime,
    { status: 'settled', exception: null, phase: 'paid', watching: false },
  ],
  [
    'settled keeps its exception',
    { status: 'settled', exception: 'paid_over' },
    [],
    100,
    inTime,
    { status: 'settled', exception: 'paid_over', phase: 'paid' },
  ],
  [
    'invalid is final',
    { status: 'invalid' },
    [pay(10_000n, { blockHeight: 90 })],
    100,
    inTime,
    { status: 'invalid', exception: null, phase: 'canceled', watching: false },
  ],
  [
    'canceled with nothing paid: invalid',
    { canceled: true },
    [],
    100,
    inTime,
    { status: 'invalid', exception: null, phase: 'canceled', watching: false },
  ],
  [
    'canceled after a partial payment: expired, refundable',
    { canceled: true },
    [pay(4_000n)],
    100,
    inTime,
    { status: 'expired', exception: 'paid_partial', phase: 'expired', watching: false },
  ],
  [
    'canceled after a full payment: expired, refundable',
    { canceled: true },
    [pay(10_000n)],
    100,
    inTime,
    { status: 'expired', exception: null, phase: 'expired' },
  ],
  [
    'zero-conf policy: settled once seen',
    { confirmationsRequired: 0 },
    [pay(10_000n)],
    100,
    inTime,
    { status: 'settled', exception: null, phase: 'paid' },
  ],
  [
    'zero-conf policy, replaceable: needs one',
    { confirmationsRequired: 0 },
    [pay(10_000n, { replaceable: true })],
    100,
    inTime,
    { status: 'processing', exception: null, phase: 'seen' },
  ],
  [
    'zero-conf policy, replaceable, one confirmation',
    { confirmationsRequired: 0 },
    [pay(10_000n, { replaceable: true, blockHeight: 100 })],
    100,
    inTime,
    { status: 'settled', exception: null, phase: 'paid' },
  ],
  [
    'a zero-amount payment does not count',
    {},
    [pay(0n)],
    100,
    inTime,
    { status: 'new', exception: null, phase: 'waiting' },
  ],
  [
    'block above the tip (tip lagging) counts 0',
    {},
    [pay(10_000n, { blockHeight: 105 })],
    100,
    inTime,
    { status: 'processing', exception: null, phase: 'seen' },
  ],
];

describe('invoiceLifecycle', () => {
  it.each(table)('%s', (_name, inv, payments, tip, now, want) => {
    const state = invoiceLifecycle(invoice(inv), payments, tip, now);
    expect({ status: state.status, exception: state.exception, phase: state.phase }).toEqual({
      status: want.status,
      exception: want.exception,
      phase: want.phase,
    });
    if (want.watching !== undefined) expect(state.watching).toBe(want.watching);
  });

  it('counts the due, the over and the confirmations', () => {
    const state = invoiceLifecycle(
      invoice(),
      [pay(4_000n, { blockHeight: 99 }), pay(8_000n, { blockHeight: 100 })],
      100,
      inTime,
    );
    expect(state.paidUnits).toBe(12_000n);
    expect(state.overUnits).toBe(2_000n);
    expect(state.dueUnits).toBe(0n);
    expect(state.confirmations).toBe(1);
    expect(state.countedKeys).toHaveLength(2);
    const partial = invoiceLifecycle(invoice(), [pay(4_000n)], 100, inTime);
    expect(partial.dueUnits).toBe(6_000n);
  });

  it('rounds the tolerance threshold up', () => {
    expect(fullyPaidThreshold(10_000n, 100)).toBe(9_900n);
    expect(fullyPaidThreshold(999n, 100)).toBe(990n); // 989.01 → 990
    expect(fullyPaidThreshold(10n ** 30n, 0)).toBe(10n ** 30n);
    expect(fullyPaidThreshold(1n, 50_000)).toBe(0n);
  });

  it('tells the payments flow what to do', () => {
    expect(paymentReportFor('settled')).toBe('succeeded');
    expect(paymentReportFor('expired')).toBe('expired');
    expect(paymentReportFor('invalid')).toBe('canceled');
    expect(paymentReportFor('processing')).toBe('pending');
    expect(paymentReportFor('new')).toBe('pending');
  });
});
