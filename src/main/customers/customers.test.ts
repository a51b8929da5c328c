import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiCallError } from '../../shared/api';
import { openCoinsTill, type CoinsTill } from '../coins/coinsTestKit';
import { searchTermsOf, searchTextOf } from './customersStore';

let till: CoinsTill;

const call = <T>(p: Promise<T>) => p;

describe('search text', () => {
  it.each([
    ['ann', true],
    ['ANN SMITH', true],
    ['555 0134', true],
    ['(555) 013', true],
    ['ann@example', true],
    ['c-7k2m', true],
    ['bob', false],
    ['999', false],
  ])('"%s" finds Ann Smith: %s', (query, found) => {
    const text = searchTextOf({
      name: 'Ann Smith',
      phone: '+1 555-0134',
      email: 'Ann@Example.com',
      code: 'C-7K2M9Q4X',
    });
    expect(searchTermsOf(query).some((term) => text.includes(term))).toBe(found);
  });
});

describe('customers', () => {
  beforeEach(async () => {
    till = await openCoinsTill();
    await till.openShift();
  });
  afterEach(() => till.close());

  it('creates, finds by any detail and by the card’s code, and changes a customer', async () => {
    const s = till.cashier.session;
    const { customer } = await till.core.call(
      'customers.create',
      { name: 'Ann Smith', phone: '+1 555-0134', email: 'ann@example.com' },
      s,
    );
    expect(customer.code).toMatch(/^C-[0-9A-HJKMNP-TV-Z]{8}$/);
    for (const query of ['smith', '5550134', 'ann@', customer.code.toLowerCase()]) {
      const { customers } = await till.core.call('customers.search', { query }, s);
      expect(customers.map((c) => c.id)).toEqual([customer.id]);
    }
    const { customer: changed } = await till.core.call(
      'customers.update',
      { customerId: customer.id, notes: 'oat milk' },
      s,
    );
    expect(changed).toMatchObject({ name: 'Ann Smith', notes: 'oat milk' });
    const card = await till.core.call('customers.card', { customerId: customer.id }, s);
    expect(card.qrSvg).toContain('<svg');
  });

  it.each([
    [{ name: '' }],
    [{ name: 'x'.repeat(121) }],
    [{ name: 'Ann', email: 'not-an-email' }],
    [{ name: 'Ann', phone: 'call me' }],
  ])('refuses bad details %j and writes nothing', async (input) => {
    const e = await call(till.core.call('customers.create', input, till.cashier.session)).catch(
      (x: unknown) => x,
    );
    expect((e as ApiCallError).code).toBe('bad_input');
    expect(till.core.db.prepare('SELECT COUNT(*) FROM customers').pluck().get()).toBe(0);
  });

  it('attaches a customer to an open order, lists the purchase history', async () => {
    const ann = await till.customer('Ann');
    const orderId = await till.newOrder();
    await till.add(orderId, till.coffee);
    await till.core.call('orders.setCustomer', { orderId, customerId: ann }, till.cashier.session);
    const { customer } = await till.core.call('customers.ofOrder', { orderId }, till.cashier.session);
    expect(customer?.id).toBe(ann);
    await till.payCash(orderId, 1000n);
    const e = await call(
      till.core.call('orders.setCustomer', { orderId, customerId: null }, till.cashier.session),
    ).catch((x: unknown) => x);
    expect((e as ApiCallError).code).toBe('conflict');
    const { orders } = await till.core.call('customers.history', { customerId: ann }, till.cashier.session);
    expect(orders).toMatchObject([{ orderId, status: 'paid', totalMinor: '381' }]);
  });

  it('merges a duplicate: orders and coins move, the duplicate’s code finds the kept customer', async () => {
    const ann = await till.customer('Ann', { phone: '555 0101' });
    const dup = await till.customer('Ann S', { email: 'ann@example.com' });
    await till.topUp(dup, 'Starter');
    await till.topUp(ann, 'Starter');
    const { customer: dupView } = await till.core.call(
      'customers.get',
      { customerId: dup },
      till.cashier.session,
    );
    const { customer } = await till.core.call(
      'customers.merge',
      { keepId: ann, duplicateId: dup },
      till.manager.session,
    );
    expect(customer).toMatchObject({ phone: '555 0101', email: 'ann@example.com' });
    expect((await till.coins(ann)).balance).toBe('200');
    expect((await till.coins(dup)).balance).toBe('0');
    const { orders } = await till.core.call('customers.history', { customerId: ann }, till.cashier.session);
    expect(orders).toHaveLength(2);
    const { customers } = await till.core.call(
      'customers.search',
      { query: dupView.code },
      till.cashier.session,
    );
    expect(customers.map((c) => c.id)).toEqual([ann]);
    expect(till.ledger.checkInvariants().ok).toBe(true);
  });

  it('exports and erases on request; the ledger history stays', async () => {
    const ann = await till.customer('Ann Smith', { email: 'ann@example.com' });
    await till.topUp(ann, 'Starter');
    const { export: data } = await till.core.call(
      'customers.export',
      { customerId: ann },
      till.manager.session,
    );
    expect(data).toMatchObject({ customer: { name: 'Ann Smith' }, coins: { balance: '100' } });
    const { customer } = await till.core.call('customers.erase', { customerId: ann }, till.manager.session);
    expect(customer).toMatchObject({ name: 'Erased customer', email: '', erased: true });
    const { customers } = await till.core.call('customers.search', { query: 'smith' }, till.cashier.session);
    expect(customers).toEqual([]);
    expect((await till.coins(ann)).lifetime.bought).toBe('100');
  });
});
