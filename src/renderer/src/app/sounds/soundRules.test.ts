import { describe, expect, it } from 'vitest';
import {
  attentionAfterMs,
  cueForEvent,
  decideCue,
  emptyPlayedLog,
  keyMemoryMs,
  overdue,
  parsePlayedLog,
  repeatGapMs,
  watchPending,
} from './soundRules';

const payment = (status: string, message: string | null = null) => ({
  paymentId: 'P1',
  orderId: 'O1',
  kind: 'card',
  status,
  amountMinor: '500',
  message,
});

describe('cueForEvent', () => {
  it.each([
    ['payment.updated', payment('succeeded'), 'paid'],
    ['payment.updated', payment('failed', 'Card declined'), 'declined'],
    ['payment.updated', payment('expired'), 'declined'],
    ['payment.updated', payment('pending', 'Scan the QR code with your phone'), null],
    ['payment.updated', payment('pending'), null],
    ['payment.updated', payment('canceled'), null],
    ['payment.updated', payment('refunded'), null],
    ['order.updated', { orderId: 'O1', status: 'paid' }, 'paid'],
    ['order.updated', { orderId: 'O1', status: 'open' }, null],
    ['order.updated', { orderId: 'O1', status: 'voided' }, null],
    ['display.updated', { state: 'paid' }, null],
  ])('%s %j → %s', (event, payload, sound) => {
    expect(cueForEvent(event, payload)?.sound ?? null).toBe(sound);
  });
});

describe('a payment that waits too long needs the cashier', () => {
  it('pings once for a payment still pending after attentionAfterMs, none for one decided in time', () => {
    let watch = watchPending({}, 'payment.updated', payment('pending'), 0);
    watch = watchPending(watch, 'payment.updated', { ...payment('pending'), paymentId: 'P2' }, 1_000);
    watch = watchPending(watch, 'payment.updated', payment('pending', 'Processing'), 5_000);
    watch = watchPending(watch, 'payment.updated', { ...payment('succeeded'), paymentId: 'P2' }, 10_000);
    expect(overdue(watch, attentionAfterMs - 1).cues).toEqual([]);
    const due = overdue(watch, attentionAfterMs);
    expect(due.cues).toEqual([{ sound: 'attention', key: 'payment:P1:waiting' }]);
    expect(overdue(due.watch, attentionAfterMs * 3).cues).toEqual([]);
  });

  it('ignores other events', () => {
    const watch = { P1: 0 };
    expect(watchPending(watch, 'order.updated', { orderId: 'O1', status: 'paid' }, 1)).toBe(watch);
  });
});

describe('decideCue', () => {
  it('plays a cue once, however often its event is heard', () => {
    const cue = { sound: 'paid' as const, key: 'payment:P1:succeeded' };
    const first = decideCue(cue, emptyPlayedLog, 1_000);
    expect(first.play).toBe(true);
    expect(decideCue(cue, first.log, 60_000).play).toBe(false);
    expect(decideCue(cue, first.log, 1_000 + keyMemoryMs + 1).play).toBe(true);
  });

  it("the last payment and the order's paid that follows make one chime; the next sale chimes again", () => {
    const afterPayment = decideCue({ sound: 'paid', key: 'payment:P1:succeeded' }, emptyPlayedLog, 1_000);
    const afterOrder = decideCue({ sound: 'paid', key: 'order:O1:paid' }, afterPayment.log, 1_050);
    expect(afterOrder.play).toBe(false);
    const nextSale = decideCue({ sound: 'paid', key: 'order:O2:paid' }, afterOrder.log, 1_000 + repeatGapMs);
    expect(nextSale.play).toBe(true);
  });

  it('another sound is not held back by the gap', () => {
    const paid = decideCue({ sound: 'paid', key: 'a' }, emptyPlayedLog, 1_000);
    expect(decideCue({ sound: 'declined', key: 'b' }, paid.log, 1_010).play).toBe(true);
  });

  it('reads a missing or malformed log as empty', () => {
    expect(parsePlayedLog(null)).toEqual(emptyPlayedLog);
    expect(parsePlayedLog('{nope')).toEqual(emptyPlayedLog);
    expect(parsePlayedLog('{"keys":{"a":1}}')).toEqual({ keys: { a: 1 }, sounds: {} });
  });
});
