/**
 * Turns an amount as the API carries it (`{ amount: "1250", asset: "USD" }`, minor units as a
 * decimal string) into text for people, through the shared money module. The renderer decides
 * nothing about money: it only formats what the core returned.
 */
import { formatMoney } from '../../../shared/money';

export interface MoneyValue {
  /** Minor units as a decimal string, e.g. "1250" for $12.50. */
  amount: string;
  asset: string;
}

export type FormattedAmount = { ok: true; text: string } | { ok: false; text: string; reason: string };

export function formatAmount(value: MoneyValue, locale: string): FormattedAmount {
  if (!/^-?\d+$/.test(value.amount)) {
    return {
      ok: false,
      text: `${value.amount} ${value.asset}`,
      reason: 'The amount is not a whole number of minor units.',
    };
  }
  try {
    return { ok: true, text: formatMoney(BigInt(value.amount), value.asset, locale) };
  } catch (error) {
    return {
      ok: false,
      text: `${value.amount} ${value.asset} (minor units)`,
      reason: error instanceof Error ? error.message : 'The amount cannot be formatted.',
    };
  }
}
