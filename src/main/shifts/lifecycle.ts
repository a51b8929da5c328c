/**
 * Opening and closing shifts. Every change runs in one transaction (shift row, ledger transfers,
 * audit entry) and is announced after the commit with `shift.updated` (and `drawer.open` where the
 * drawer must open: the float goes in, the count starts).
 */
import { TillpointError } from '../../shared/api/errors';
import { type ShiftView, type XReport, type ZReport } from '../../shared/api/shifts';
import { type StaffIdentity } from '../core/context';
import { type NewTransferInput } from '../ledger';
import { checkCashAmount, countCash, type CountEntry } from './counting';
import { drawerCodes } from './drawerFigures';
import { buildZReport, cashFiguresOf, shiftView, xReportOf } from './reports';
import { nextShiftState, type ShiftAction } from './shiftState';
import {
  countLinesJson,
  insertShiftRow,
  nextShiftNumber,
  setClosingState,
  unclosedShift,
  writeClosedShift,
  type ShiftRow,
} from './shiftStore';
import { accountCodes, cashAccountOf, drawerAccountOf, type ShiftsContext } from './shiftsContext';

export type FloatInput = { counts: readonly CountEntry[] } | { amount: bigint };

/** The till's unclosed shift after checking that `action` is allowed now (else a conflict). */
export function shiftFor(sc: ShiftsContext, action: ShiftAction): ShiftRow | null {
  const row = unclosedShift(sc.deps.db, sc.settings.tillId());
  nextShiftState(row?.status ?? 'none', action);
  return row;
}

function announce(
  sc: ShiftsContext,
  row: ShiftRow,
  drawerCause: 'shift_open' | 'count' | null,
  staffId: string,
): void {
  sc.deps.events.emit('shift.updated', { shift: shiftView(sc, row) });
  if (drawerCause) {
    sc.deps.events.emit('drawer.open', { cause: drawerCause, shiftId: row.id, staffId, at: sc.nowIso() });
  }
}

export function openShift(sc: ShiftsContext, actor: StaffIdentity, float: FloatInput): ShiftView {
  const { db } = sc.deps;
  const { currency, locale } = sc.settings.get();
  const counted = 'counts' in float ? countCash(currency, float.counts, locale) : null;
  const floatMinor = counted
    ? counted.totalMinor
    : checkCashAmount((float as { amount: bigint }).amount, 'opening float');
  const row = db.transaction((): ShiftRow => {
    shiftFor(sc, 'open');
    const tillId = sc.settings.tillId();
    const created: ShiftRow = {
      id: sc.newId(),
      till_id: tillId,
      number: nextShiftNumber(db, tillId),
      status: 'open',
      currency,
      opened_by: actor.staffId,
      opened_at: sc.nowIso(),
      opening_float: floatMinor.toString(),
      opening_counts: counted ? countLinesJson(counted.lines) : null,
      closing_started_by: null,
      closing_started_at: null,
      closed_by: null,
      closed_at: null,
      closing_counts: null,
      counted_total: null,
      expected_cash: null,
      difference: null,
      note: null,
      z_report: null,
    };
    insertShiftRow(db, created);
    const drawer = drawerAccountOf(sc, created);
    if (floatMinor > 0n) {
      sc.ledger.submitOne([
        {
          id: sc.newId(),
          debitAccountId: drawer.id,
          creditAccountId: cashAccountOf(sc, currency, accountCodes.safe).id,
          amount: floatMinor,
          asset: currency,
          code: drawerCodes.float,
          ref: `shift:${created.id}`,
          staffId: actor.staffId,
        },
      ]);
    }
    sc.audit.record({
      staffId: actor.staffId,
      action: 'shifts.opened',
      ref: created.id,
      details: { number: created.number, currency, openingFloatMinor: floatMinor },
    });
    return created;
  })();
  announce(sc, row, 'shift_open', actor.staffId);
  return shiftView(sc, row);
}

export function startClose(sc: ShiftsContext, actor: StaffIdentity): { shift: ShiftView; xReport: XReport } {
  const { db } = sc.deps;
  const row = db.transaction((): ShiftRow => {
    const current = shiftFor(sc, 'start_close') as ShiftRow;
    const at = sc.nowIso();
    if (!setClosingState(db, current.id, 'open', 'closing', actor.staffId, at)) {
      throw new TillpointError('conflict', 'The shift changed meanwhile; try again.', {
        shiftId: current.id,
      });
    }
    sc.audit.record({ staffId: actor.staffId, action: 'shifts.close_started', ref: current.id });
    return { ...current, status: 'closing', closing_started_by: actor.staffId, closing_started_at: at };
  })();
  announce(sc, row, 'count', actor.staffId);
  return { shift: shiftView(sc, row), xReport: xReportOf(sc, row) };
}

export function cancelClose(sc: ShiftsContext, actor: StaffIdentity): ShiftView {
  const { db } = sc.deps;
  const row = db.transaction((): ShiftRow => {
    const current = shiftFor(sc, 'cancel_close') as ShiftRow;
    if (!setClosingState(db, current.id, 'closing', 'open', null, null)) {
      throw new TillpointError('conflict', 'The shift changed meanwhile; try again.', {
        shiftId: current.id,
      });
    }
    sc.audit.record({ staffId: actor.staffId, action: 'shifts.close_cancelled', ref: current.id });
    return { ...current, status: 'open', closing_started_by: null, closing_started_at: null };
  })();
  announce(sc, row, null, actor.staffId);
  return shiftView(sc, row);
}

/**
 * Closes the closing shift in one transaction: counts the drawer, reads the expected cash (the drawer
 * account's balance), books the difference (short: over/short ← drawer; over: drawer ← over/short),
 * deposits the counted cash to the safe so the drawer account ends at 0, and freezes the Z report.
 */
export function closeShift(
  sc: ShiftsContext,
  actor: StaffIdentity,
  input: { counts: readonly CountEntry[]; note?: string | undefined },
): { shift: ShiftView; zReport: ZReport } {
  const { db } = sc.deps;
  const result = db.transaction((): { row: ShiftRow; zReport: ZReport } => {
    const current = shiftFor(sc, 'close') as ShiftRow;
    const { currency } = current;
    const counted = countCash(currency, input.counts, sc.settings.get().locale);
    const figures = cashFiguresOf(sc, current);
    const differenceMinor = counted.totalMinor - figures.expectedMinor;
    const sales = sc.salesSummary(current.id);
    const closedAt = sc.nowIso();
    const note = input.note === undefined || input.note === '' ? null : input.note;

    const drawer = drawerAccountOf(sc, current);
    const ref = `shift:${current.id}`;
    const transfers: NewTransferInput[] = [];
    if (differenceMinor !== 0n) {
      const overShort = cashAccountOf(sc, currency, accountCodes.overShort).id;
      const short = differenceMinor < 0n;
      transfers.push({
        id: sc.newId(),
        debitAccountId: short ? overShort : drawer.id,
        creditAccountId: short ? drawer.id : overShort,
        amount: short ? -differenceMinor : differenceMinor,
        asset: currency,
        code: short ? drawerCodes.short : drawerCodes.over,
        ref,
        staffId: actor.staffId,
      });
    }
    if (counted.totalMinor > 0n) {
      transfers.push({
        id: sc.newId(),
        debitAccountId: cashAccountOf(sc, currency, accountCodes.safe).id,
        creditAccountId: drawer.id,
        amount: counted.totalMinor,
        asset: currency,
        code: drawerCodes.deposit,
        ref,
        staffId: actor.staffId,
      });
    }
    const zReport = buildZReport(sc, {
      row: current,
      closedBy: actor.staffId,
      closedAt,
      figures,
      counted,
      differenceMinor,
      sales,
      note,
    });
    if (transfers.length > 0) sc.ledger.submitOne(transfers);
    const drawerAfter = sc.ledger.balance(drawer.id).net;
    if (drawerAfter !== 0n) {
      throw new Error(`The drawer account of shift ${current.id} would end at ${drawerAfter}, not 0.`);
    }
    const closed = writeClosedShift(db, current.id, {
      closedBy: actor.staffId,
      closedAt,
      closingCountsJson: countLinesJson(counted.lines),
      countedTotal: counted.totalMinor.toString(),
      expectedCash: figures.expectedMinor.toString(),
      difference: differenceMinor.toString(),
      note,
      zReportJson: JSON.stringify(zReport),
    });
    if (!closed)
      throw new TillpointError('conflict', 'The shift changed meanwhile; try again.', {
        shiftId: current.id,
      });
    sc.audit.record({
      staffId: actor.staffId,
      action: 'shifts.closed',
      ref: current.id,
      details: {
        number: current.number,
        expectedMinor: figures.expectedMinor,
        countedMinor: counted.totalMinor,
        differenceMinor,
      },
    });
    const row: ShiftRow = {
      ...current,
      status: 'closed',
      closed_by: actor.staffId,
      closed_at: closedAt,
      closing_counts: countLinesJson(counted.lines),
      counted_total: counted.totalMinor.toString(),
      expected_cash: figures.expectedMinor.toString(),
      difference: differenceMinor.toString(),
      note,
      z_report: JSON.stringify(zReport),
    };
    return { row, zReport };
  })();
  announce(sc, result.row, null, actor.staffId);
  return { shift: shiftView(sc, result.row), zReport: result.zReport };
}
