/** Payouts: money from the balance (the sum of balance transactions) to the bank, pending until it arrives. */
import { invalid, SimError } from './errors';
import { metadataOf, str, type FormObject } from './form';
import { balanceTransaction, payout, type SimObject } from './objects';
import { amountOf, currencyOf } from './payments';
import { type SimStore } from './store';

export function createPayout(store: SimStore, form: FormObject): SimObject {
  const amount = amountOf(form, 'amount', true) as number;
  const currency = currencyOf(form, true) as string;
  const available = store
    .all('balance_transaction')
    .filter((t) => t.currency === currency)
    .reduce((sum, t) => sum + (t.net as number), 0);
  if (amount > available) {
    throw new SimError(400, {
      type: 'invalid_request_error',
      code: 'balance_insufficient',
      message: `You have insufficient funds in your Stripe account for this transfer (${available} ${currency} available).`,
    });
  }
  const made = store.put(
    payout({
      amount,
      currency,
      description: str(form, 'description') ?? null,
      metadata: metadataOf(form),
      created: store.now(),
      arrivalDate: store.now() + 2 * 86_400,
    }),
  );
  const txn = store.put(
    balanceTransaction({
      amount: -amount,
      fee: 0,
      currency,
      source: made.id,
      type: 'payout',
      description: 'STRIPE PAYOUT',
      created: store.now(),
      availableOn: store.now(),
    }),
  );
  made.balance_transaction = txn.id;
  store.emit('payout.created', made);
  return made;
}

export function cancelPayout(store: SimStore, id: string): SimObject {
  const made = store.get('payout', id);
  if (made.status !== 'pending')
    throw invalid(`Payout ${id} cannot be canceled: it is ${String(made.status)}.`);
  made.status = 'canceled';
  store.emit('payout.canceled', made);
  return made;
}
