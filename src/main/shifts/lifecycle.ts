/**
 * Opening and closing shifts. Every change runs in one transaction (shift row, ledger transfers,
 * audit entry) and is announced after the commit with `shift.updated` (and `drawer.open` where the
 * drawer must open: the float goes in, the count starts).
 */
import { TillpointError } from '../../shared/api/errors';
import { type ShiftView, type XReport, type ZReport } from '../../shared/api/shifts';
import { type StaffCallContext, type StaffIdentity } from '../kernel';
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

/** After the commit; `view` is the shift's view made inside the transaction, so nothing fails here. */
function announce(
  sc: ShiftsContext,
  row: ShiftRow,
  drawerCause: 'shift_open' | 'count' | null,
  staffId: string,
  view: ShiftView = shiftView(sc, row),
): void {
  sc.deps.events.emit('shift.updated', { shift: view });
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
  const opened = db.transaction((): { row: ShiftRow; view: ShiftView } => {
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
      details: { number: created.number, tillId, currency, openingFloatMinor: floatMinor },
    });
    return { row: created, view: shiftView(sc, created) };
  })();
  announce(sc, opened.row, 'shift_open', actor.staffId, opened.view);
  return opened.view;
}

/**
 * Starts counting the drawer: the shift becomes `closing`. Its view and X report are read inside the
 * same transaction, so when they cannot be read the shift stays open (the till keeps selling).
 */
export function startClose(sc: ShiftsContext, actor: StaffIdentity): { shift: ShiftView; xReport: XReport } {
  const { db } = sc.deps;
  const result = db.transaction((): { row: ShiftRow; shift: ShiftView; xReport: XReport } => {
    const current = shiftFor(sc, 'start_close') as ShiftRow;
    const at = sc.nowIso();
    if (!setClosingState(db, current.id, 'open', 'closing', actor.staffId, at)) {
      throw new TillpointError('conflict', 'The shift changed meanwhile; try again.', {
        shiftId: current.id,
      });
    }
    sc.audit.record({ staffId: actor.staffId, action: 'shifts.close_started', ref: current.id });
    const row: ShiftRow = {
      ...current,
      status: 'closing',
      closing_started_by: actor.staffId,
      closing_started_at: at,
    };
    return { row, shift: shiftView(sc, row), xReport: xReportOf(sc, row) };
  })();
  announce(sc, result.row, 'count', actor.staffId, result.shift);
  return { shift: result.shift, xReport: result.xReport };
}

export function cancelClose(sc: ShiftsContext, actor: StaffIdentity): ShiftView {
  const { db } = sc.deps;
  const result = db.transaction((): { row: ShiftRow; view: ShiftView } => {
    const current = shiftFor(sc, 'cancel_close') as ShiftRow;
    if (!setClosingState(db, current.id, 'closing', 'open', null, null)) {
      throw new TillpointError('conflict', 'The shift changed meanwhile; try again.', {
        shiftId: current.id,
      });
    }
    sc.audit.record({ staffId: actor.staffId, action: 'shifts.close_cancelled', ref: current.id });
    const row: ShiftRow = { ...current, status: 'open', closing_started_by: null, closing_started_at: null };
    return { row, view: shiftView(sc, row) };
  })();
  announce(sc, result.row, null, actor.staffId, result.view);
  return result.view;
}

/**
 * A shift does not close while payments taken in it are still in flight (a reader collecting, a chain
 * confirming): the cashier waits for them, or a manager carries them to the next shift
 * (`shifts.carryPayments`), where they count when they settle.
 */
function refuseWhilePaymentsInFlight(sc: ShiftsContext, shiftId: string): void {
  const inFlight = sc.paymentsInFlight(shiftId);
  if (inFlight.length === 0) return;
  throw new TillpointError(
    'conflict',
    `${inFlight.length} payment${inFlight.length === 1 ? ' is' : 's are'} still in flight (${inFlight
      .map((p) => p.kind)
      .join(
        ', ',
      )}): wait for ${inFlight.length === 1 ? 'it' : 'them'}, or a manager carries ${inFlight.length === 1 ? 'it' : 'them'} to the next shift.`,
    {
      shiftId,
      reason: 'payments_in_flight',
      payments: inFlight.map((p) => ({
        paymentId: p.paymentId,
        orderId: p.orderId,
        kind: p.kind,
        amountMinor: p.amountMinor.toString(),
      })),
    },
  );
}

/**
 * A count of the closing shift checked as the close would book it: the counted total, the expected
 * cash (the drawer account's balance now) and the difference (negative: short). It moves no money;
 * it leaves an audit line, so a manager sees how many times a (blind) count was checked before close.
 */
export function checkCount(
  sc: ShiftsContext,
  actor: StaffIdentity,
  counts: readonly CountEntry[],
): { countedTotalMinor: string; expectedCashMinor: string; differenceMinor: string } {
  const current = shiftFor(sc, 'close') as ShiftRow;
  const counted = countCash(current.currency, counts, sc.settings.get().locale);
  const figures = cashFiguresOf(sc, current);
  const differenceMinor = counted.totalMinor - figures.expectedMinor;
  sc.audit.record({
    staffId: actor.staffId,
    action: 'shifts.count_checked',
    ref: current.id,
    details: {
      shiftId: current.id,
      countedTotalMinor: counted.totalMinor.toString(),
      differenceMinor: differenceMinor.toString(),
    },
  });
  return {
    countedTotalMinor: counted.totalMinor.toString(),
    expectedCashMinor: figures.expectedMinor.toString(),
    differenceMinor: differenceMinor.toString(),
  };
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
  const result = db.transaction((): { row: ShiftRow; view: ShiftView; zReport: ZReport } => {
    const current = shiftFor(sc, 'close') as ShiftRow;
    refuseWhilePaymentsInFlight(sc, current.id);
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
    return { row, view: shiftView(sc, row), zReport };
  })();
  announce(sc, result.row, null, actor.staffId, result.view);
  return { shift: result.view, zReport: result.zReport };
}

/** A manager lets the closing (or open) shift close without its payments in flight; audited. */
export function carryPayments(
  sc: ShiftsContext,
  ctx: StaffCallContext,
  approval: string | undefined,
): { carried: number } {
  const actor = ctx.staff;
  return sc.deps.db.transaction(() => {
    const row = unclosedShift(sc.deps.db, sc.settings.tillId());
    if (!row)
      throw new TillpointError('conflict', 'No shift is open on this till.', { reason: 'no_open_shift' });
    const inFlight = sc.paymentsInFlight(row.id);
    if (inFlight.length === 0) return { carried: 0 };
    const { approvedBy } = sc.staff.requireApproval(ctx, 'carry_payments', approval, row.id);
    sc.carryPayments(inFlight.map((p) => p.paymentId));
    sc.audit.record({
      staffId: actor.staffId,
      action: 'shifts.payments_carried',
      ref: row.id,
      details: {
        approvedBy: approvedBy.staffId,
        payments: inFlight.map((p) => ({ paymentId: p.paymentId, kind: p.kind, amountMinor: p.amountMinor })),
      },
    });
    return { carried: inFlight.length };
  })();
}
