/**
 * The Z report (and the live X figures) as sections of labelled rows, pure: the screen and the
 * printable page both render these, so they always say the same thing. Amounts stay minor-unit
 * strings exactly as the core returned them; the signs shown beside them (+ / −) only say which
 * way the money moved, nothing is added up here.
 */
import { type CashFiguresView, type SalesSummaryView, type ZReport } from '../../../../shared/api/shifts';

export interface ZRow {
  label: string;
  /** Minor units as the core returned them. */
  amountMinor?: string;
  /** Which way the money moved, shown before the amount. */
  sign?: '+' | '−';
  /** A count shown before the amount ("12 orders"), or alone. */
  count?: number;
  /** Free text instead of an amount. */
  text?: string;
  /** A total line. */
  strong?: boolean;
  /** For the figures tests and screen readers look for. */
  testId?: string;
}

export interface ZSection {
  id: string;
  title: string;
  rows: ZRow[];
  /** Shown when there are no rows. */
  empty?: string;
}

export type DifferenceState = 'over' | 'short' | 'balanced';

/** Over when the drawer holds more than expected, short when less. */
export function differenceState(differenceMinor: string): DifferenceState {
  const value = BigInt(differenceMinor);
  return value > 0n ? 'over' : value < 0n ? 'short' : 'balanced';
}

export const differenceLabels: Record<DifferenceState, string> = {
  over: 'Over',
  short: 'Short',
  balanced: 'Balanced',
};

const tenderLabels: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  crypto: 'Crypto',
  coins: 'Store coins',
};

export function tenderLabel(kind: string): string {
  return tenderLabels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, ' ');
}

export const movementLabels: Record<'pay_in' | 'pay_out' | 'drop', string> = {
  pay_in: 'Pay-in',
  pay_out: 'Pay-out',
  drop: 'Safe drop',
};

const isZero = (minor: string) => BigInt(minor) === 0n;

/** The drawer's movements from the float to what it should hold. */
export function cashSection(cash: CashFiguresView, options: { testIds?: boolean } = {}): ZSection {
  const rows: ZRow[] = [
    { label: 'Opening float', amountMinor: cash.openingFloatMinor },
    {
      label: 'Cash sales',
      sign: '+',
      amountMinor: cash.cashSalesMinor,
      ...(options.testIds ? { testId: 'z-cash-sales' } : {}),
    },
    { label: 'Cash refunds', sign: '−', amountMinor: cash.cashRefundsMinor },
  ];
  if (!isZero(cash.reversedMinor))
    rows.push({ label: 'Voided cash payments', sign: '−', amountMinor: cash.reversedMinor });
  rows.push(
    { label: 'Pay-ins', sign: '+', amountMinor: cash.payInsMinor },
    { label: 'Pay-outs', sign: '−', amountMinor: cash.payOutsMinor },
    { label: 'Safe drops', sign: '−', amountMinor: cash.dropsMinor },
  );
  if (!isZero(cash.otherMinor)) rows.push({ label: 'Other drawer movements', amountMinor: cash.otherMinor });
  rows.push({ label: 'Expected in drawer', amountMinor: cash.expectedMinor, strong: true });
  return { id: 'cash', title: 'Cash drawer', rows };
}

export function salesSections(
  sales: SalesSummaryView | null,
  options: { testIds?: boolean } = {},
): ZSection[] {
  if (!sales) {
    return [
      { id: 'sales', title: 'Sales', rows: [], empty: 'Sales figures are not available on this till.' },
    ];
  }
  const salesRows: ZRow[] = [
    { label: 'Orders paid', count: sales.ordersPaid },
    {
      label: 'Gross sales',
      amountMinor: sales.grossSalesMinor,
      ...(options.testIds ? { testId: 'z-gross-sales' } : {}),
    },
    { label: 'Discounts', sign: '−', amountMinor: sales.discountsMinor },
    { label: 'Net sales', amountMinor: sales.netSalesMinor, strong: true },
    { label: 'Tips', amountMinor: sales.tipsMinor },
  ];
  if (!isZero(sales.cashRoundingMinor))
    salesRows.push({ label: 'Cash rounding', amountMinor: sales.cashRoundingMinor });
  return [
    { id: 'sales', title: 'Sales', rows: salesRows },
    {
      id: 'taxes',
      title: 'Taxes',
      rows: sales.taxes.map((tax) => ({
        label: `${tax.name} (${tax.ratePercent}%)`,
        amountMinor: tax.amountMinor,
      })),
      empty: 'No tax was charged.',
    },
    {
      id: 'tenders',
      title: 'Sales by tender',
      rows: sales.tenders.map((tender) => ({
        label: tenderLabel(tender.kind),
        count: tender.count,
        amountMinor: tender.amountMinor,
      })),
      empty: 'No payments were taken.',
    },
    {
      id: 'refunds',
      title: 'Refunds and voids',
      rows: [
        { label: 'Refunds', count: sales.refunds.count, amountMinor: sales.refunds.amountMinor },
        { label: 'Voided orders', count: sales.voids.count },
      ],
    },
  ];
}

export interface ZSectionOptions {
  /** Puts the data-testid names on the figures tests look for (the screen; not the printout). */
  testIds?: boolean;
  /** How a denomination is named in the count ("$20.00"). */
  denominationLabel: (denominationMinor: string) => string;
}

/** Every section of a Z report after the headline figures, in the order it prints. */
export function zReportSections(report: ZReport, options: ZSectionOptions): ZSection[] {
  return [
    cashSection(report.cash, options),
    {
      id: 'counted',
      title: 'Counted at close',
      rows: report.cash.counted.map((line) => ({
        label: options.denominationLabel(line.denominationMinor),
        count: line.count,
        amountMinor: line.subtotalMinor,
      })),
      empty: 'Nothing was counted: the drawer was empty.',
    },
    ...salesSections(report.sales, options),
    {
      id: 'movements',
      title: 'Cash movements',
      rows: [
        ...report.movements.map((movement) => ({
          label: `${movementLabels[movement.kind]}: ${movement.reason}`,
          sign: movement.kind === 'pay_in' ? ('+' as const) : ('−' as const),
          amountMinor: movement.amountMinor,
        })),
        { label: 'No-sale drawer opens', count: report.noSales },
      ],
    },
  ];
}
