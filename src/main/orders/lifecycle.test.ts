import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import {
  nextOrderStatus,
  orderEvents,
  orderStatuses,
  orderTransition,
  type OrderEvent,
  type OrderStatus,
} from './lifecycle';

const table: [OrderStatus, OrderEvent, OrderStatus | null][] = [
  ['open', 'edit', 'open'],
  ['open', 'payment', 'open'],
  ['open', 'settle', 'paid'],
  ['open', 'void', 'voided'],
  ['open', 'refund_part', null],
  ['open', 'refund_rest', null],
  ['paid', 'edit', null],
  ['paid', 'payment', null],
  ['paid', 'settle', null],
  ['paid', 'void', null],
  ['paid', 'refund_part', 'partially_refunded'],
  ['paid', 'refund_rest', 'refunded'],
  ['partially_refunded', 'edit', null],
  ['partially_refunded', 'payment', null],
  ['partially_refunded', 'settle', null],
  ['partially_refunded', 'void', null],
  ['partially_refunded', 'refund_part', 'partially_refunded'],
  ['partially_refunded', 'refund_rest', 'refunded'],
  ['refunded', 'edit', null],
  ['refunded', 'payment', null],
  ['refunded', 'settle', null],
  ['refunded', 'void', null],
  ['refunded', 'refund_part', null],
  ['refunded', 'refund_rest', null],
  ['voided', 'edit', null],
  ['voided', 'payment', null],
  ['voided', 'settle', null],
  ['voided', 'void', null],
  ['voided', 'refund_part', null],
  ['voided', 'refund_rest', null],
];

describe('nextOrderStatus', () => {
  it('has a case for every status and event', () => {
    expect(table).toHaveLength(orderStatuses.length * orderEvents.length);
  });

  it.each(table)('%s + %s → %s', (status, event, expected) => {
    if (expected === null) {
      expect(orderTransition(status, event).ok).toBe(false);
      let thrown: unknown;
      try {
        nextOrderStatus(status, event, 'Order 1001');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(TillpointError);
      expect((thrown as TillpointError).code).toBe('conflict');
      expect((thrown as TillpointError).message).toMatch(/^Order 1001 (is|has)/);
      expect((thrown as TillpointError).details).toMatchObject({ status, event });
    } else {
      expect(nextOrderStatus(status, event)).toBe(expected);
    }
  });

  it('says why a paid order cannot be edited', () => {
    expect(() => nextOrderStatus('paid', 'edit', 'Order 1002')).toThrow(
      "Order 1002 is paid, and a paid order's lines, discount and tip never change.",
    );
  });
});
