import { describe, expect, it } from 'vitest';
import { cardReceiptFacts, idempotencyKey, paymentIntentParams, toStripeAmount } from './stripeFacts';

describe('card facts', () => {
  it('turns a card payment’s kept facts into the receipt’s label and required lines', () => {
    const facts = cardReceiptFacts({
      brand: 'visa',
      last4: '4242',
      readMethod: 'contact_emv',
      receipt: {
        applicationPreferredName: 'Visa Credit',
        dedicatedFileName: 'A0000000031010',
        accountType: 'credit',
        authorizationCode: '123456',
      },
    });
    expect(facts).toEqual({
      label: 'Visa •••• 4242',
      lines: [
        { label: 'Entry', value: 'Chip' },
        { label: 'Application', value: 'Visa Credit' },
        { label: 'AID', value: 'A0000000031010' },
        { label: 'Account', value: 'Credit' },
        { label: 'Auth code', value: '123456' },
      ],
    });
    expect(cardReceiptFacts({})).toEqual({ label: 'Card', lines: [] });
  });

  it('sends the same create request for the same payment, with keys from our ids', () => {
    const payment = {
      paymentId: '01JABCDEFGHJKMNPQRSTVWXYZ0',
      orderId: 'ORDER',
      currency: 'USD',
      amountMinor: 1234n,
    };
    expect(paymentIntentParams(payment)).toEqual(paymentIntentParams({ ...payment }));
    expect(paymentIntentParams(payment)).toMatchObject({
      amount: 1234,
      currency: 'usd',
      capture_method: 'manual',
    });
    expect(idempotencyKey('X', 'create')).not.toBe(idempotencyKey('X', 'capture'));
  });

  it('refuses amounts Stripe cannot take, as bad input', () => {
    expect(() => toStripeAmount(0n)).toThrow(/more than zero/);
    expect(() => toStripeAmount(100_000_000n)).toThrow(/at most/);
    expect(toStripeAmount(99_999_999n)).toBe(99_999_999);
  });
});
