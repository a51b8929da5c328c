/**
 * Every object the simulator serves has exactly the top-level fields of Stripe's own sample of that
 * resource (fixtures3.json), read through the real `stripe` package.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, openSimKit, simulatedReader, stripeFixtures, type SimKit } from './simKit';

let kit: SimKit;
const served: Record<string, object> = {};

beforeAll(async () => {
  kit = await openSimKit();
  const { stripe, sim } = kit;
  const { locationId, readerId } = await simulatedReader(stripe);
  served['terminal.location'] = await stripe.terminal.locations.retrieve(locationId);
  served['terminal.connection_token'] = await stripe.terminal.connectionTokens.create({
    location: locationId,
  });
  const pi = await stripe.paymentIntents.create({
    amount: 2500,
    currency: 'usd',
    allowed_payment_method_types: ['card_present'],
    capture_method: 'manual',
  });
  await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
  await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {});
  served['terminal.reader'] = await stripe.terminal.readers.retrieve(readerId);
  const captured = await stripe.paymentIntents.capture(pi.id);
  served.payment_intent = captured;
  const charge = await stripe.charges.retrieve(captured.latest_charge as string);
  served.charge = charge;
  served.refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 });
  served.balance_transaction = await stripe.balanceTransactions.retrieve(
    charge.balance_transaction as string,
  );
  served.payout = await stripe.payouts.create({ amount: 1000, currency: 'usd' });
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    success_url: 'https://example.com/done',
    line_items: [
      { price_data: { currency: 'usd', unit_amount: 1250, product_data: { name: 'Order 12' } }, quantity: 1 },
    ],
  });
  sim.payCheckoutSession(session.id);
  served['checkout.session'] = await stripe.checkout.sessions.retrieve(session.id);
  served.event = (await stripe.events.list({ limit: 1 })).data[0] as object;
  const spare = await stripe.terminal.readers.create({
    registration_code: 'simulated-wpe',
    location: locationId,
  });
  served['deleted_terminal.reader'] = await stripe.terminal.readers.del(spare.id);
  const empty = await stripe.terminal.locations.create({
    display_name: 'Empty',
    address: { country: 'GB', line1: '1 High St' },
  });
  served['deleted_terminal.location'] = await stripe.terminal.locations.del(empty.id);
});
afterAll(() => kit.close());

describe('the simulator speaks Stripe objects', () => {
  const fixtures = stripeFixtures();
  const names = [
    'payment_intent',
    'charge',
    'refund',
    'terminal.location',
    'terminal.reader',
    'terminal.connection_token',
    'checkout.session',
    'balance_transaction',
    'payout',
    'event',
    'deleted_terminal.reader',
    'deleted_terminal.location',
  ];

  it.each(names)('%s has the fields of Stripe’s sample', (name) => {
    const sample = fixtures[name];
    expect(sample, `fixtures3.json has ${name}`).toBeDefined();
    const object = served[name];
    expect(object, `the simulator served a ${name}`).toBeDefined();
    expect(fieldsOf(object as object)).toEqual(fieldsOf(sample as object));
  });

  it('serves objects of the kinds it claims', () => {
    for (const name of names) {
      const object = served[name] as { object?: string };
      expect(object.object).toBe(name.replace(/^deleted_/, ''));
    }
  });
});
