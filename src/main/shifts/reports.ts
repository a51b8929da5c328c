/**
 * Reading a shift: its API view, the drawer's figures from the ledger, the live X report, and the
 * Z report built at close (which the close freezes; nothing here ever rewrites a stored one).
 */
import {
  type CashFiguresView,
  type CashMovementView,
  type SalesSummaryView,
  type ShiftView,
  type XReport,
  type ZReport,
} from '../../shared/api/shifts';
import { type CashCount } from './counting';
import { drawerFigures, type CashFigures, type DrawerMovement } from './drawerFigures';
import {
  cashMovementsOf,
  countNoSales,
  parseCountLines,
  type ShiftRow,
  type StoredCountLine,
} from './shiftStore';
import { drawerAccountOf, staffRef, type ShiftSalesSummary, type ShiftsContext } from './shiftsContext';

export function shiftView(sc: ShiftsContext, row: ShiftRow): ShiftView {
  return {
    id: row.id,
    number: row.number,
    tillId: row.till_id,
    status: row.status,
    currency: row.currency,
    openedBy: staffRef(sc, row.opened_by),
    openedAt: row.opened_at,
    openingFloatMinor: row.opening_float,
    openingCounts: parseCountLines(row.opening_counts),
    closingStartedBy: row.closing_started_by === null ? null : staffRef(sc, row.closing_started_by),
    closingStartedAt: row.closing_started_at,
    closedBy: row.closed_by === null ? null : staffRef(sc, row.closed_by),
    closedAt: row.closed_at,
    expectedCashMinor: row.expected_cash,
    countedTotalMinor: row.counted_total,
    differenceMinor: row.difference,
    note: row.note,
  };
}

/** Every movement of the shift's drawer account, oldest first, read page by page. */
function drawerMovements(sc: ShiftsContext, row: ShiftRow): DrawerMovement[] {
  const account = drawerAccountOf(sc, row);
  const movements: DrawerMovement[] = [];
  let after: string | undefined;
  for (;;) {
    const page = sc.ledger.history(account.id, { limit: 1000, ...(after !== undefined ? { after } : {}) });
    for (const entry of page.entries) {
      const { transfer } = entry;
      movements.push({ side: entry.side, kind: transfer.kind, code: transfer.code, amount: transfer.amount });
    }
    if (page.nextCursor === null) break;
    after = page.nextCursor;
  }
  return movements;
}

/**
 * The drawer's figures now. The expected cash is the drawer account's posted balance in the ledger;
 * should the movements read not add up to it, the gap shows in `otherMinor` rather than hiding.
 */
export function cashFiguresOf(sc: ShiftsContext, row: ShiftRow): CashFigures {
  const figures = drawerFigures(drawerMovements(sc, row));
  const balance = sc.ledger.balance(drawerAccountOf(sc, row).id);
  const gap = balance.net - figures.expectedMinor;
  return { ...figures, otherMinor: figures.otherMinor + gap, expectedMinor: balance.net };
}

export function cashFiguresView(figures: CashFigures): CashFiguresView {
  return {
    openingFloatMinor: figures.openingFloatMinor.toString(),
    cashSalesMinor: figures.cashSalesMinor.toString(),
    cashRefundsMinor: figures.cashRefundsMinor.toString(),
    reversedMinor: figures.reversedMinor.toString(),
    payInsMinor: figures.payInsMinor.toString(),
    payOutsMinor: figures.payOutsMinor.toString(),
    dropsMinor: figures.dropsMinor.toString(),
    otherMinor: figures.otherMinor.toString(),
    expectedMinor: figures.expectedMinor.toString(),
  };
}

export function salesSummaryView(summary: ShiftSalesSummary | null): SalesSummaryView | null {
  if (summary === null) return null;
  return {
    ordersPaid: summary.ordersPaid,
    grossSalesMinor: summary.grossSalesMinor.toString(),
    discountsMinor: summary.discountsMinor.toString(),
    netSalesMinor: summary.netSalesMinor.toString(),
    taxes: summary.taxes.map((tax) => ({
      taxId: tax.taxId,
      name: tax.name,
      ratePercent: tax.ratePercent,
      amountMinor: tax.amountMinor.toString(),
    })),
    tipsMinor: summary.tipsMinor.toString(),
    cashRoundingMinor: summary.cashRoundingMinor.toString(),
    refunds: { count: summary.refunds.count, amountMinor: summary.refunds.amountMinor.toString() },
    voids: { count: summary.voids.count },
    tenders: summary.tenders.map((tender) => ({
      kind: tender.kind,
      count: tender.count,
      amountMinor: tender.amountMinor.toString(),
    })),
    cashSalesMinor: summary.cashSalesMinor.toString(),
    cashRefundsMinor: summary.cashRefundsMinor.toString(),
  };
}

export function movementViews(sc: ShiftsContext, shiftId: string): CashMovementView[] {
  return cashMovementsOf(sc.deps.db, shiftId).map((row) => ({
    id: row.id,
    shiftId: row.shift_id,
    kind: row.kind,
    amountMinor: row.amount,
    reason: row.reason,
    staff: staffRef(sc, row.staff_id),
    approvedBy: row.approved_by === null ? null : staffRef(sc, row.approved_by),
    at: row.at,
  }));
}

/** The live figures of an open or closing shift (all of them: `blindCount.ts` decides who sees them). */
export function xReportOf(sc: ShiftsContext, row: ShiftRow): XReport {
  return {
    blind: false,
    cash: cashFiguresView(cashFiguresOf(sc, row)),
    sales: salesSummaryView(sc.salesSummary(row.id)),
    movements: movementViews(sc, row.id),
    noSales: countNoSales(sc.deps.db, row.id),
    generatedAt: sc.nowIso(),
  };
}

function storedLines(count: CashCount): StoredCountLine[] {
  return count.lines.map((line) => ({
    denominationMinor: line.denominationMinor.toString(),
    count: line.count,
    subtotalMinor: line.subtotalMinor.toString(),
  }));
}

export interface ZReportInput {
  row: ShiftRow;
  closedBy: string;
  closedAt: string;
  figures: CashFigures;
  counted: CashCount;
  differenceMinor: bigint;
  sales: ShiftSalesSummary | null;
  note: string | null;
}

/** The Z report of a shift being closed (inside the close's transaction, before the closing transfers). */
export function buildZReport(sc: ShiftsContext, input: ZReportInput): ZReport {
  const { row } = input;
  return {
    shiftId: row.id,
    shiftNumber: row.number,
    tillId: row.till_id,
    tillName: sc.settings.get().tillName,
    storeName: sc.settings.get().storeName,
    currency: row.currency,
    openedBy: staffRef(sc, row.opened_by),
    openedAt: row.opened_at,
    closingStartedAt: row.closing_started_at ?? input.closedAt,
    closedBy: staffRef(sc, input.closedBy),
    closedAt: input.closedAt,
    sales: salesSummaryView(input.sales),
    cash: {
      ...cashFiguresView(input.figures),
      openingCounts: parseCountLines(row.opening_counts),
      counted: storedLines(input.counted),
      countedTotalMinor: input.counted.totalMinor.toString(),
      differenceMinor: input.differenceMinor.toString(),
    },
    movements: movementViews(sc, row.id),
    noSales: countNoSales(sc.deps.db, row.id),
    note: input.note,
    generatedAt: input.closedAt,
  };
}
