/**
 * The arithmetic of a cash tender, as pure functions: the amount due in cash (cash rounding), how much
 * a handed-over amount pays and what change goes back, and the quick amounts the till offers.
 */
import { TillpointError } from '../../../shared/api/errors';
import { minorPerUnit, minorToDecimalString, roundToIncrement } from '../../../shared/money';

/**
 * What the customer owes when the rest is paid in cash. With an increment (e.g. 5 cents where the
 * smallest coin is 5 cents) the amount due is rounded to the nearest multiple of it, an exact half
 * rounding up (half_up: $14.17 → $14.15, $14.18 → $14.20, and with a 10-cent increment $14.15 → $14.20),
 * as Canada, Australia and New Zealand round cash totals. Increment 0 means no cash rounding.
 */
export function cashAmountDue(dueMinor: bigint, incrementMinor: bigint): bigint {
  if (incrementMinor <= 0n || dueMinor <= 0n) return dueMinor;
  return roundToIncrement(dueMinor, incrementMinor, 'half_up');
}

export interface CashTenderInput {
  /** What is still due on the order, before cash rounding. */
  readonly dueMinor: bigint;
  /** settings.cashRoundingIncrementMinor; 0n when cash is not rounded. */
  readonly incrementMinor: bigint;
  /** What the customer handed over. */
  readonly tenderedMinor: bigint;
  /** Split tender: apply only this much of the cash to the order; absent: pay everything due. */
  readonly amountMinor?: bigint | undefined;
  readonly currency: string;
}

export interface CashTenderPlan {
  /** What this payment pays of the order (tendered − change). */
  readonly appliedMinor: bigint;
  readonly changeMinor: bigint;
  /** Whether nothing is due after this payment. */
  readonly settles: boolean;
  /** When it settles: cash due − due (−2 when $14.17 is paid as $14.15); otherwise 0. */
  readonly roundingMinor: bigint;
}

function money(amountMinor: bigint, currency: string): string {
  return `${minorToDecimalString(amountMinor, currency)} ${currency}`;
}

/**
 * How a cash payment applies to an order. Refuses (bad_input, with the amounts in details) a tendered
 * amount below what is to be paid, an amount to apply above what is due, and, when cash is rounded,
 * amounts that are not whole multiples of the increment (no coin can hand them over).
 */
export function planCashTender(input: CashTenderInput): CashTenderPlan {
  const { dueMinor, incrementMinor, tenderedMinor, amountMinor, currency } = input;
  if (dueMinor < 0n) {
    throw new TillpointError('conflict', 'Nothing is due on this order: its payments already cover it.', {
      dueMinor: dueMinor.toString(),
    });
  }
  if (tenderedMinor < 0n) {
    throw new TillpointError('bad_input', 'The amount tendered cannot be negative.', {
      tenderedMinor: tenderedMinor.toString(),
    });
  }
  const cashDueMinor = cashAmountDue(dueMinor, incrementMinor);
  const notInSteps = (what: string, valueMinor: bigint) =>
    new TillpointError(
      'bad_input',
      `${what} ${money(valueMinor, currency)} cannot be paid in cash: cash comes in steps of ${money(incrementMinor, currency)}.`,
      {
        amountMinor: valueMinor.toString(),
        incrementMinor: incrementMinor.toString(),
        reason: 'not_cash_step',
      },
    );

  let appliedMinor: bigint;
  let settles: boolean;
  if (amountMinor === undefined || amountMinor === dueMinor || amountMinor === cashDueMinor) {
    appliedMinor = cashDueMinor;
    settles = true;
  } else {
    if (amountMinor <= 0n) {
      throw new TillpointError('bad_input', 'The amount to pay in cash must be above zero.', {
        amountMinor: amountMinor.toString(),
      });
    }
    if (amountMinor > dueMinor) {
      throw new TillpointError(
        'bad_input',
        `Only ${money(dueMinor, currency)} is due (${money(cashDueMinor, currency)} in cash); cannot apply ${money(amountMinor, currency)}.`,
        {
          amountMinor: amountMinor.toString(),
          dueMinor: dueMinor.toString(),
          cashDueMinor: cashDueMinor.toString(),
        },
      );
    }
    if (incrementMinor > 0n && amountMinor % incrementMinor !== 0n)
      throw notInSteps('The amount', amountMinor);
    appliedMinor = amountMinor;
    settles = false;
  }
  if (incrementMinor > 0n && tenderedMinor % incrementMinor !== 0n) {
    throw notInSteps('The amount tendered', tenderedMinor);
  }
  if (tenderedMinor < appliedMinor) {
    throw new TillpointError(
      'bad_input',
      `Tendered ${money(tenderedMinor, currency)} is less than the ${money(appliedMinor, currency)} to pay.`,
      {
        tenderedMinor: tenderedMinor.toString(),
        requiredMinor: appliedMinor.toString(),
        reason: 'tendered_too_little',
      },
    );
  }
  return {
    appliedMinor,
    changeMinor: tenderedMinor - appliedMinor,
    settles,
    roundingMinor: settles ? cashDueMinor - dueMinor : 0n,
  };
}

/** Bills, in whole units of the currency, that the quick amounts round up to. */
export const quickAmountBillUnits = [5n, 10n, 20n, 50n, 100n] as const;

/**
 * The amounts a cashier taps instead of typing, ascending and without repeats: the exact amount due, the
 * next whole unit at or above it, and the smallest multiple of each bill (5, 10, 20, 50, 100 units) at
 * or above it, i.e. what a customer paying with such bills hands over. Nothing when nothing is due.
 */
export function quickAmounts(dueMinor: bigint, currency: string): bigint[] {
  if (dueMinor <= 0n) return [];
  const unitMinor = minorPerUnit(currency);
  const ceilTo = (stepMinor: bigint) => ((dueMinor + stepMinor - 1n) / stepMinor) * stepMinor;
  const amounts = new Set<bigint>([dueMinor, ceilTo(unitMinor)]);
  for (const bill of quickAmountBillUnits) amounts.add(ceilTo(bill * unitMinor));
  return [...amounts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
