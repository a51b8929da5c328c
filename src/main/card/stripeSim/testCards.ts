/**
 * Stripe's test cards and the amounts that decline on simulated readers, as the Terminal testing
 * page documents them: a card number decides the brand and whether it is declined; an amount whose
 * last two digits of minor units (cents; for a zero-decimal currency the last two digits of the
 * amount) are 01, 02, 03, 05, 55, 65 or 75 declines with the code of that ending, the tip included.
 */

export interface TestCard {
  readonly number: string;
  readonly brand: string;
  readonly funding: 'credit' | 'debit' | 'prepaid';
  readonly country: string;
  readonly network: string;
  /** Absent: approved. */
  readonly decline?: { readonly code: string; readonly declineCode: string; readonly message: string };
}

const declined = (code: string, declineCode: string, message: string) => ({ code, declineCode, message });
const generic = 'Your card was declined.';

const cards: readonly TestCard[] = [
  { number: '4242424242424242', brand: 'visa', funding: 'credit', country: 'US', network: 'visa' },
  { number: '4000056655665556', brand: 'visa', funding: 'debit', country: 'US', network: 'visa' },
  {
    number: '5555555555554444',
    brand: 'mastercard',
    funding: 'credit',
    country: 'US',
    network: 'mastercard',
  },
  { number: '5200828282828210', brand: 'mastercard', funding: 'debit', country: 'US', network: 'mastercard' },
  {
    number: '5105105105105100',
    brand: 'mastercard',
    funding: 'prepaid',
    country: 'US',
    network: 'mastercard',
  },
  { number: '378282246310005', brand: 'amex', funding: 'credit', country: 'US', network: 'amex' },
  { number: '371449635398431', brand: 'amex', funding: 'credit', country: 'US', network: 'amex' },
  { number: '6011111111111117', brand: 'discover', funding: 'credit', country: 'US', network: 'discover' },
  { number: '3566002020360505', brand: 'jcb', funding: 'credit', country: 'JP', network: 'jcb' },
  { number: '6200000000000005', brand: 'unionpay', funding: 'credit', country: 'CN', network: 'unionpay' },
  { number: '4506445006931933', brand: 'interac', funding: 'debit', country: 'CA', network: 'interac' },
  {
    number: '4000000000000002',
    ...visa(),
    decline: declined('card_declined', 'generic_decline', generic),
  },
  {
    number: '4000000000009995',
    ...visa(),
    decline: declined('card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
  },
  { number: '4000000000009987', ...visa(), decline: declined('card_declined', 'lost_card', generic) },
  { number: '4000000000009979', ...visa(), decline: declined('card_declined', 'stolen_card', generic) },
  {
    number: '4000000000000069',
    ...visa(),
    decline: declined('expired_card', 'expired_card', 'Your card has expired.'),
  },
  {
    number: '4000000000000119',
    ...visa(),
    decline: declined(
      'processing_error',
      'processing_error',
      'An error occurred while processing your card. Try again in a little bit.',
    ),
  },
];

function visa() {
  return { brand: 'visa', funding: 'credit' as const, country: 'US', network: 'visa' };
}

/** The named test payment methods of the simulated reader (`visa`, `charge_declined`, ...). */
const named: Record<string, string> = {
  visa: '4242424242424242',
  visa_debit: '4000056655665556',
  mastercard: '5555555555554444',
  mastercard_debit: '5200828282828210',
  mastercard_prepaid: '5105105105105100',
  amex: '378282246310005',
  discover: '6011111111111117',
  jcb: '3566002020360505',
  unionpay: '6200000000000005',
  interac: '4506445006931933',
  charge_declined: '4000000000000002',
  charge_declined_insufficient_funds: '4000000000009995',
  charge_declined_lost_card: '4000000000009987',
  charge_declined_stolen_card: '4000000000009979',
  charge_declined_expired_card: '4000000000000069',
  charge_declined_processing_error: '4000000000000119',
};

export const defaultTestCard = '4242424242424242';

export function findTestCard(numberOrName: string): TestCard | undefined {
  const number = named[numberOrName] ?? numberOrName.replace(/\s+/g, '');
  return cards.find((card) => card.number === number);
}

export function testCardNumbers(): string[] {
  return cards.map((card) => card.number);
}

const endings: Record<number, { declineCode: string; message: string }> = {
  1: { declineCode: 'call_issuer', message: generic },
  2: { declineCode: 'offline_pin_required', message: 'Your card requires a PIN.' },
  3: { declineCode: 'online_or_offline_pin_required', message: 'Your card requires a PIN.' },
  5: { declineCode: 'generic_decline', message: generic },
  55: { declineCode: 'incorrect_pin', message: 'Your card’s PIN is incorrect.' },
  65: {
    declineCode: 'withdrawal_count_limit_exceeded',
    message: 'Your card has exceeded its withdrawal limit.',
  },
  75: { declineCode: 'pin_try_exceeded', message: 'Too many PIN attempts.' },
};

/** The decline an amount (in minor units, the tip included) causes on a simulated reader, if any. */
export function amountDecline(
  amount: number,
): { code: string; declineCode: string; message: string } | undefined {
  const ending = endings[amount % 100];
  return ending ? { code: 'card_declined', ...ending } : undefined;
}
