/** The `shifts.*` and `drawer.*` handler implementations: parse amounts, call the domain, shape the output. */
import { roleAllows, TillpointError } from '../../shared/api';
import { type ZReport } from '../../shared/api/shifts';
import { formatMoney } from '../../shared/money';
import { type StaffCallContext, type PartialHandlerImpls } from '../kernel';
import { expectedCashSeenBy, isBlindFor, xReportSeenBy } from './blindCount';
import { moveCash, noSale } from './cashDrawer';
import { type CountEntry } from './counting';
import { denominationsFor } from './denominations';
import { cancelClose, carryPayments, checkCount, closeShift, openShift, startClose } from './lifecycle';
import { shiftView, xReportOf } from './reports';
import { getShiftRow, listShiftRows, unclosedShift } from './shiftStore';
import { type ShiftsContext } from './shiftsContext';

function countEntries(counts: readonly { denominationMinor: string; count: number }[]): CountEntry[] {
  return counts.map((entry) => ({ denominationMinor: BigInt(entry.denominationMinor), count: entry.count }));
}

/**
 * A Z report may be read by anyone with `reports.read` (managers, owners) and by the staff member who
 * closed the shift (a cashier who closed it reads their own Z report on the close screen).
 */
export function readZReport(sc: ShiftsContext, ctx: StaffCallContext, shiftId: string): ZReport {
  const actor = ctx.staff;
  const row = getShiftRow(sc.deps.db, shiftId);
  if (!row) throw new TillpointError('not_found', `No shift has the id ${shiftId}.`, { shiftId });
  if (!roleAllows(actor.role, 'reports.read') && row.closed_by !== actor.staffId) {
    throw new TillpointError(
      'forbidden',
      `A ${actor.role} may read only the Z report of a shift they closed (others need reports.read).`,
      { permission: 'reports.read', role: actor.role, shiftId },
    );
  }
  if (row.status !== 'closed' || row.z_report === null) {
    throw new TillpointError(
      'conflict',
      `Shift ${row.number} is still ${row.status}: its Z report is made when it closes (shifts.current shows the live figures).`,
      { shiftId, status: row.status },
    );
  }
  const report = JSON.parse(row.z_report) as Omit<ZReport, 'tillName'> & { tillName?: string };
  // Frozen before reports named the till: the till's name now stands in.
  return { ...report, tillName: report.tillName ?? sc.settings.get().tillName };
}

export function createShiftsHandlers(sc: ShiftsContext): PartialHandlerImpls {
  const blindFor = (ctx: StaffCallContext) => isBlindFor(sc.settings.get().blindCount, ctx.staff.role);
  return {
    'shifts.current': (_input, ctx) => {
      const row = unclosedShift(sc.deps.db, sc.settings.tillId());
      return row
        ? { shift: shiftView(sc, row), xReport: xReportSeenBy(xReportOf(sc, row), blindFor(ctx)) }
        : { shift: null, xReport: null };
    },
    'shifts.open': (input, ctx) => {
      const float =
        'counts' in input.float
          ? { counts: countEntries(input.float.counts) }
          : { amount: BigInt(input.float.amount) };
      return { shift: openShift(sc, ctx.staff, float) };
    },
    'shifts.startClose': (_input, ctx) => {
      const started = startClose(sc, ctx.staff);
      return { ...started, xReport: xReportSeenBy(started.xReport, blindFor(ctx)) };
    },
    'shifts.cancelClose': (_input, ctx) => ({ shift: cancelClose(sc, ctx.staff) }),
    'shifts.carryPayments': (input, ctx) => carryPayments(sc, ctx, input.approval),
    'shifts.close': (input, ctx) =>
      closeShift(sc, ctx.staff, { counts: countEntries(input.counts), note: input.note }),
    'shifts.checkCount': (input, ctx) => {
      const checked = checkCount(sc, ctx.staff, countEntries(input.counts));
      return { ...checked, expectedCashMinor: expectedCashSeenBy(checked.expectedCashMinor, blindFor(ctx)) };
    },
    'shifts.zReport': (input, ctx) => ({ zReport: readZReport(sc, ctx, input.shiftId) }),
    'shifts.list': (input) => {
      const { rows, total } = listShiftRows(sc.deps.db, sc.settings.tillId(), input.limit, input.offset);
      return { shifts: rows.map((row) => shiftView(sc, row)), total };
    },
    'shifts.denominations': () => {
      const { currency, locale } = sc.settings.get();
      const table = denominationsFor(currency);
      return {
        currency,
        fallback: table.fallback,
        denominations: table.denominations.map((d) => ({
          denominationMinor: d.denominationMinor.toString(),
          kind: d.kind,
          label: formatMoney(d.denominationMinor, currency, locale),
        })),
      };
    },
    'shifts.cashMovement': (input, ctx) => {
      const moved = moveCash(sc, ctx, {
        kind: input.kind,
        amountMinor: BigInt(input.amount),
        reason: input.reason,
        approval: input.approval,
      });
      return { ...moved, expectedCashMinor: expectedCashSeenBy(moved.expectedCashMinor, blindFor(ctx)) };
    },
    'drawer.noSale': (input, ctx) => noSale(sc, ctx, { reason: input.reason, approval: input.approval }),
  };
}
