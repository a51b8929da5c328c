/**
 * The drawer's figures from the movements of a shift's drawer account, by transfer code (the codes
 * of the sales plan): `float` in, `tender_cash` in (what a cash payment applied to the order),
 * `refund` out, `reversal` (a voided payment's cash handed back), `pay_in` in, `pay_out` and `drop`
 * out. Anything else lands in `otherMinor`, so the figures always add up to the expected cash:
 * expected = float + sales − refunds − reversed + pay-ins − pay-outs − drops + other.
 * Only posted movements count (cash is never pending).
 */

export interface DrawerMovement {
  readonly side: 'debit' | 'credit';
  readonly kind: 'single' | 'pending' | 'post_pending' | 'void_pending' | 'expire_pending';
  readonly code: string;
  readonly amount: bigint;
}

export interface CashFigures {
  openingFloatMinor: bigint;
  cashSalesMinor: bigint;
  cashRefundsMinor: bigint;
  reversedMinor: bigint;
  payInsMinor: bigint;
  payOutsMinor: bigint;
  dropsMinor: bigint;
  otherMinor: bigint;
  expectedMinor: bigint;
}

/** The transfer codes the shifts domain writes on a drawer account. */
export const drawerCodes = {
  float: 'float',
  payIn: 'pay_in',
  payOut: 'pay_out',
  drop: 'drop',
  short: 'cash_short',
  over: 'cash_over',
  deposit: 'deposit',
} as const;

/** The codes other domains write on a drawer account (orders and payments). */
export const salesDrawerCodes = { tender: 'tender_cash', refund: 'refund', reversal: 'reversal' } as const;

export function drawerFigures(movements: readonly DrawerMovement[]): CashFigures {
  const figures: CashFigures = {
    openingFloatMinor: 0n,
    cashSalesMinor: 0n,
    cashRefundsMinor: 0n,
    reversedMinor: 0n,
    payInsMinor: 0n,
    payOutsMinor: 0n,
    dropsMinor: 0n,
    otherMinor: 0n,
    expectedMinor: 0n,
  };
  for (const movement of movements) {
    if (movement.kind !== 'single' && movement.kind !== 'post_pending') continue;
    // Signed from the drawer's side: money in (a debit) is positive.
    const inMinor = movement.side === 'debit' ? movement.amount : -movement.amount;
    figures.expectedMinor += inMinor;
    switch (movement.code) {
      case drawerCodes.float:
        figures.openingFloatMinor += inMinor;
        break;
      case salesDrawerCodes.tender:
        figures.cashSalesMinor += inMinor;
        break;
      case salesDrawerCodes.refund:
        figures.cashRefundsMinor -= inMinor;
        break;
      case salesDrawerCodes.reversal:
        figures.reversedMinor -= inMinor;
        break;
      case drawerCodes.payIn:
        figures.payInsMinor += inMinor;
        break;
      case drawerCodes.payOut:
        figures.payOutsMinor -= inMinor;
        break;
      case drawerCodes.drop:
        figures.dropsMinor -= inMinor;
        break;
      default:
        figures.otherMinor += inMinor;
    }
  }
  return figures;
}
