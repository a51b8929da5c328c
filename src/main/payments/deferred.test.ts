/**
 * Payments that settle later, through a test tender whose payments stay pending until the test
 * decides them (as a card reader or a chain would): the order, the ledger, the shift and refunds stay
 * right while they do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { expectApiError } from '../catalog/catalogTestKit';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { createDeferredTender, type DeferredTender } from './testTender';

let till: SalesTill;
let tender: DeferredTender;

beforeEach(async () => {
  tender = createDeferredTender('deferred');
  till = await openSalesTill({ tenders: [tender] });
});
afterEach(() => till.close());

const start = (orderId: string, amount?: bigint, paymentId = ulid()) =>
  till.core.call(
    'payments.start',
    {
      orderId,
      paymentId,
      tender: 'deferred',
      ...(amount !== undefined ? { amount: amount.toString() } : {}),
    },
    till.cashier.session,
  );
const order = async (orderId: string) =>
  (await till.core.call('orders.get', { orderId }, till.cashier.session)).order;
const pendingLedger = () =>
  till.core.db
    .prepare(
      `SELECT COUNT(*) FROM ledger_transfers t WHERE t.kind = 'pending'
         AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = t.id)`,
    )
    .pluck()
    .get() as number;

describe('a payment that settles later', () => {
  it('is listed among the tenders with its state', async () => {
    const { tenders } = await till.core.call('payments.tenders', {}, till.cashier.session);
    expect(tenders.map((t) => [t.kind, t.state, t.settlesAtOnce])).toEqual(
      expect.arrayContaining([
        ['cash', 'ready', true],
        ['deferred', 'ready', false],
      ]),
    );
    // A tender that is not set up says why, for the cashier.
    for (const tender of tenders.filter((t) => t.state !== 'ready')) expect(tender.reason).toMatch(/\S/);
  });

  it('starts pending as a pending transfer, counts in the due, and pays the order when it posts', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const started = await start(orderId);
    expect(started.payment).toMatchObject({
      status: 'pending',
      amountMinor: '2500',
      externalId: expect.any(String),
    });
    expect(started.order).toMatchObject({
      status: 'open',
      amountDueMinor: '0',
      inFlightMinor: '2500',
      paidMinor: '0',
    });
    expect(pendingLedger()).toBe(1);
    expect(till.balance('sales_revenue')).toBe(0n);
    // A second tender cannot pay what the reader is still collecting.
    const second = await expectApiError(till.payCash(orderId, 3000n), 'conflict');
    expect(second.details).toMatchObject({ reason: 'payment_in_flight' });
    // The cart cannot change while a payment is in flight.
    const edit = await expectApiError(
      till.core.call('orders.addLine', { orderId, variantId: till.coffee }, till.cashier.session),
      'conflict',
    );
    expect(edit.details).toMatchObject({ reason: 'payment_in_flight' });

    const seen: string[] = [];
    till.core.events.on('payment.updated', (event) => seen.push(event.status));
    tender.resolve(started.payment.id, 'succeeded');
    expect(seen).toEqual(['succeeded']);
    expect(await order(orderId)).toMatchObject({ status: 'paid', amountDueMinor: '0', paidMinor: '2500' });
    expect(pendingLedger()).toBe(0);
    expect(till.balance('deferred_clearing')).toBe(2500n);
    expect(till.balance('sales_revenue')).toBe(-2500n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);

    // A replayed "succeeded" posts nothing twice; a "failed" after it is refused and logged.
    const transfers = till.core.db.prepare('SELECT COUNT(*) FROM ledger_transfers').pluck().get();
    tender.resolve(started.payment.id, 'succeeded');
    tender.resolve(started.payment.id, 'failed');
    expect(till.core.db.prepare('SELECT COUNT(*) FROM ledger_transfers').pluck().get()).toBe(transfers);
    expect((await order(orderId)).payments[0]?.status).toBe('succeeded');
    const audit = await till.core.call('audit.list', { limit: 100 }, till.owner.session);
    expect(audit.entries.map((e) => e.action)).toContain('payments.report_refused');
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('voids the pending transfer when the tender fails, and the order owes it again', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const started = await start(orderId);
    tender.resolve(started.payment.id, 'failed', 'card_declined: insufficient funds');
    const after = await order(orderId);
    expect(after).toMatchObject({ status: 'open', amountDueMinor: '2500', inFlightMinor: '0' });
    expect(after.payments[0]).toMatchObject({
      status: 'failed',
      message: 'card_declined: insufficient funds',
    });
    expect(pendingLedger()).toBe(0);
    expect(till.balance('deferred_clearing')).toBe(0n);
    // A late "succeeded" does not take money that was released.
    tender.resolve(started.payment.id, 'succeeded');
    expect((await order(orderId)).status).toBe('open');
    // And the cash tender can now pay it.
    expect((await till.payCash(orderId, 2500n)).order.status).toBe('paid');
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('pays the order when its last payment posts: cash first, the reader after', async () => {
    await till.openShift(0n);
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift, 2);
    const card = await start(orderId, 3000n);
    const cash = await till.payCash(orderId, 2000n);
    expect(cash.order).toMatchObject({ status: 'open', amountDueMinor: '0', inFlightMinor: '3000' });
    expect(till.balance('sales_revenue')).toBe(0n);
    tender.resolve(card.payment.id, 'succeeded');
    expect(await order(orderId)).toMatchObject({ status: 'paid', paidMinor: '5000' });
    expect(till.balance('sales_revenue')).toBe(-5000n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
  });

  it('is retried with the same id without a second payment, and cancelled on request', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const paymentId = ulid();
    const first = await start(orderId, undefined, paymentId);
    const again = await start(orderId, undefined, paymentId);
    expect(again.payment.id).toBe(first.payment.id);
    expect(tender.calls.filter((c) => c.method === 'start')).toHaveLength(1);
    const canceled = await till.core.call('payments.cancel', { paymentId }, till.cashier.session);
    expect(canceled.payment.status).toBe('canceled');
    expect(canceled.order).toMatchObject({ status: 'open', amountDueMinor: '2500' });
    await expectApiError(till.core.call('payments.cancel', { paymentId }, till.cashier.session), 'conflict');
  });

  it('a void cancels payments in flight first, or says which one it waits for', async () => {
    await till.openShift();
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const started = await start(orderId);
    tender.cancellable = false;
    const approval = await till.approve('void', orderId);
    const waiting = await expectApiError(
      till.core.call('orders.void', { orderId, reason: 'left', approval }, till.cashier.session),
      'conflict',
    );
    expect(waiting.details).toMatchObject({ reason: 'payment_in_flight', paymentId: started.payment.id });
    tender.cancellable = true;
    const again = await till.approve('void', orderId);
    const voided = await till.core.call(
      'orders.void',
      { orderId, reason: 'left', approval: again },
      till.cashier.session,
    );
    expect(voided.order.status).toBe('voided');
    expect(voided.order.payments[0]?.status).toBe('canceled');
    expect(pendingLedger()).toBe(0);
  });

  it('a shift does not close while a payment is in flight, unless a manager carries it', async () => {
    await till.openShift(0n);
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const started = await start(orderId);
    await till.core.call('shifts.startClose', {}, till.manager.session);
    const refused = await expectApiError(
      till.core.call('shifts.close', { counts: [] }, till.manager.session),
      'conflict',
    );
    expect(refused.details).toMatchObject({ reason: 'payments_in_flight' });
    const listed = await till.core.call('payments.inFlight', {}, till.cashier.session);
    expect(listed.payments.map((p) => p.id)).toEqual([started.payment.id]);
    expect((await till.core.call('shifts.carryPayments', {}, till.manager.session)).carried).toBe(1);
    await till.core.call('shifts.close', { counts: [] }, till.manager.session);
    // It settles later, in the next shift.
    const next = await till.openShift(0n);
    tender.resolve(started.payment.id, 'succeeded');
    const paid = await order(orderId);
    expect(paid.status).toBe('paid');
    const row = till.core.db
      .prepare(
        'SELECT settled_shift_id, paid_shift_id FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.id = ?',
      )
      .get(started.payment.id);
    expect(row).toEqual({ settled_shift_id: next, paid_shift_id: next });
  });
});

describe('refunds in the right order', () => {
  const paidByDeferred = async () => {
    await till.openShift(10000n);
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.gift, 2);
    const started = await start(orderId);
    tender.resolve(started.payment.id, 'succeeded');
    return { orderId, lineId: cart.lines[0]?.id ?? '', paymentId: started.payment.id };
  };

  it('moves no money through the tender when the approval is refused or the order changed', async () => {
    const { orderId, lineId } = await paidByDeferred();
    const callsBefore = tender.calls.length;
    await expectApiError(
      till.core.call(
        'orders.refund',
        { orderId, lines: [{ lineId, quantity: 1 }], reason: 'broken', approval: 'forged' },
        till.cashier.session,
      ),
      'approval_required',
    );
    const wrongOrder = await till.approve('refund', ulid());
    await expectApiError(
      till.core.call(
        'orders.refund',
        { orderId, lines: [{ lineId, quantity: 1 }], reason: 'broken', approval: wrongOrder },
        till.cashier.session,
      ),
      'approval_required',
    );
    expect(tender.calls.slice(callsBefore)).toEqual([]);
    expect(till.core.db.prepare('SELECT COUNT(*) FROM refunds').pluck().get()).toBe(0);
  });

  it('is recorded pending before the tender answers; the answer posts it', async () => {
    const { orderId, lineId } = await paidByDeferred();
    tender.refundAnswer = 'pending';
    const approval = await till.approve('refund', orderId);
    const made = await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 1 }], reason: 'broken', approval },
      till.cashier.session,
    );
    expect(made.refund).toMatchObject({ status: 'pending', amountMinor: '2500', tender: 'deferred' });
    expect(made.order.status).toBe('paid');
    expect(till.balance('sales_returns')).toBe(0n);
    // The same lines cannot be refunded twice while the first refund is in flight.
    const twice = await till.approve('refund', orderId);
    await expectApiError(
      till.core.call(
        'orders.refund',
        { orderId, lines: [{ lineId, quantity: 2 }], reason: 'again', approval: twice },
        till.cashier.session,
      ),
      'conflict',
    );
    const share = tender.calls.find((c) => c.method === 'refund');
    tender.resolveRefund(share?.id ?? '', 'succeeded');
    const after = await order(orderId);
    expect(after.status).toBe('partially_refunded');
    expect(after.refunds[0]).toMatchObject({ status: 'succeeded' });
    expect(till.balance('deferred_clearing')).toBe(2500n);
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('a refund the tender refuses gives nothing back and leaves the order as it was', async () => {
    const { orderId, lineId } = await paidByDeferred();
    tender.refundAnswer = 'failed';
    const approval = await till.approve('refund', orderId);
    const made = await till.core.call(
      'orders.refund',
      { orderId, lines: [{ lineId, quantity: 1 }], reason: 'broken', approval },
      till.cashier.session,
    );
    expect(made.refund).toMatchObject({ status: 'failed' });
    const after = await order(orderId);
    expect(after.status).toBe('paid');
    expect(after.lines[0]?.refundableQuantity).toBe(2);
    expect(till.balance('deferred_clearing')).toBe(5000n);
    expect(pendingLedger()).toBe(0);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it("spreads a refund larger than one payment over the order's tenders, the cashier's pick first", async () => {
    await till.openShift(10000n);
    const orderId = await till.newOrder();
    const cart = await till.add(orderId, till.gift, 2);
    const card = await start(orderId, 1000n);
    await till.payCash(orderId, 4000n);
    tender.resolve(card.payment.id, 'succeeded');
    const approval = await till.approve('refund', orderId);
    const made = await till.core.call(
      'orders.refund',
      {
        orderId,
        lines: [{ lineId: cart.lines[0]?.id ?? '', quantity: 2 }],
        reason: 'all back',
        approval,
        tender: 'deferred',
      },
      till.cashier.session,
    );
    expect(made.refund.shares.map((s) => [s.kind, s.amountMinor, s.status])).toEqual([
      ['deferred', '1000', 'succeeded'],
      ['cash', '4000', 'succeeded'],
    ]);
    expect(made.order.status).toBe('refunded');
    expect(till.receivableOfOrder(orderId)).toBe(0n);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });
});

describe('services in the core', () => {
  it('system.health lists the running services; close stops them', async () => {
    const closeTill = till.close.bind(till);
    till = { ...till, close: () => Promise.resolve() };
    const health = await till.core.call('system.health', {});
    expect(health.services.map((s) => s.name)).toEqual(
      expect.arrayContaining(['database.checkpoint', 'payments.reconcile', 'ledger.expirePending']),
    );
    expect(health.services.every((s) => s.state === 'running')).toBe(true);
    const core = till.core;
    await closeTill();
    // Closed: the services are stopped and the database with them, so the core answers no more.
    const after = await core.call('system.health', {});
    expect(after.status).toBe('degraded');
    expect(after.services.map((s) => s.state)).toEqual(after.services.map(() => 'stopped'));
  });

  it('a payment its tender holds past the timeout expires, and its transfer is voided', async () => {
    await till.close();
    tender = createDeferredTender('deferred', { paymentTimeoutMs: 1 });
    till = await openSalesTill({ tenders: [tender] });
    await till.openShift();
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    const started = await start(orderId);
    expect(await till.core.payments.reconcilePayments(true)).toBe(1);
    const after = await order(orderId);
    expect(after.payments.find((p) => p.id === started.payment.id)?.status).toBe('expired');
    expect(after.amountDueMinor).toBe('2500');
    expect(pendingLedger()).toBe(0);
  });
});
