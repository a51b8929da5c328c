/**
 * Cash moved in or out of the drawer during a shift, and drawer opens without a sale.
 * - pay_in: drawer ← safe (change brought in);
 * - drop: safe ← drawer (surplus taken to the safe);
 * - pay_out: petty cash ← drawer (a delivery paid in cash); a cashier needs a manager's approval
 *   (action `no_sale`: the drawer opens without a sale).
 * Money leaving the drawer cannot exceed what the drawer should hold. Each movement is one
 * transaction (row, ledger transfer, audit entry) and opens the drawer after the commit.
 */
import { TillpointError } from '../../shared/api/errors';
import { type CashMovementKind, type CashMovementView } from '../../shared/api/shifts';
import { formatMoney } from '../../shared/money';
import { type StaffCallContext } from '../kernel';
import { drawerCodes } from './drawerFigures';
import { shiftFor } from './lifecycle';
import { insertCashMovement, insertNoSale, unclosedShift, type CashMovementRow } from './shiftStore';
import {
  accountCodes,
  cashAccountOf,
  drawerAccountOf,
  staffRef,
  type ShiftsContext,
  type StaffRef,
} from './shiftsContext';

export function moveCash(
  sc: ShiftsContext,
  ctx: StaffCallContext,
  input: { kind: CashMovementKind; amountMinor: bigint; reason: string; approval?: string | undefined },
): { movement: CashMovementView; expectedCashMinor: string } {
  const actor = ctx.staff;
  const { db } = sc.deps;
  const result = db.transaction(() => {
    const shift = shiftFor(sc, 'cash_movement');
    if (!shift) throw new Error('shiftFor allowed a cash movement without a shift');
    const { currency } = shift;
    if (input.amountMinor <= 0n) {
      throw new TillpointError('bad_input', 'A cash movement moves more than 0.', {
        amountMinor: String(input.amountMinor),
      });
    }
    const approvedBy =
      input.kind === 'pay_out'
        ? sc.staff.requireApproval(ctx, 'pay_out', input.approval, shift.id).approvedBy
        : null;
    const drawer = drawerAccountOf(sc, shift);
    const heldMinor = sc.ledger.balance(drawer.id).net;
    if (input.kind !== 'pay_in' && input.amountMinor > heldMinor) {
      const { locale } = sc.settings.get();
      throw new TillpointError(
        'insufficient_funds',
        `The drawer should hold ${formatMoney(heldMinor, currency, locale)}: a ${input.kind === 'drop' ? 'drop' : 'pay-out'} of ${formatMoney(input.amountMinor, currency, locale)} is more than that.`,
        {
          accountId: drawer.id,
          requiredMinor: input.amountMinor.toString(),
          availableMinor: heldMinor.toString(),
        },
      );
    }
    const row: CashMovementRow = {
      id: sc.newId(),
      shift_id: shift.id,
      kind: input.kind,
      amount: input.amountMinor.toString(),
      reason: input.reason,
      staff_id: actor.staffId,
      approved_by: approvedBy?.staffId ?? null,
      at: sc.nowIso(),
    };
    insertCashMovement(db, row);
    const other =
      input.kind === 'pay_out'
        ? cashAccountOf(sc, currency, accountCodes.pettyCash)
        : cashAccountOf(sc, currency, accountCodes.safe);
    const into = input.kind === 'pay_in';
    const code = { pay_in: drawerCodes.payIn, pay_out: drawerCodes.payOut, drop: drawerCodes.drop }[
      input.kind
    ];
    sc.ledger.submitOne([
      {
        id: sc.newId(),
        debitAccountId: into ? drawer.id : other.id,
        creditAccountId: into ? other.id : drawer.id,
        amount: input.amountMinor,
        asset: currency,
        code,
        ref: `cash_movement:${row.id}`,
        staffId: actor.staffId,
        memo: input.reason,
      },
    ]);
    sc.audit.record({
      staffId: actor.staffId,
      action: `shifts.${input.kind}`,
      ref: row.id,
      details: {
        shiftId: shift.id,
        amountMinor: input.amountMinor,
        reason: input.reason,
        approvedBy: approvedBy?.staffId ?? null,
      },
    });
    return { row, expectedMinor: sc.ledger.balance(drawer.id).net };
  })();
  sc.deps.events.emit('drawer.open', {
    cause: 'cash_movement',
    shiftId: result.row.shift_id,
    staffId: actor.staffId,
    at: result.row.at,
  });
  const { row } = result;
  return {
    movement: {
      id: row.id,
      shiftId: row.shift_id,
      kind: row.kind,
      amountMinor: row.amount,
      reason: row.reason,
      staff: staffRef(sc, row.staff_id),
      approvedBy: row.approved_by === null ? null : staffRef(sc, row.approved_by),
      at: row.at,
    },
    expectedCashMinor: result.expectedMinor.toString(),
  };
}

/** Opens the drawer without a sale: a manager or owner may; a cashier needs a manager's approval. */
export function noSale(
  sc: ShiftsContext,
  ctx: StaffCallContext,
  input: { reason: string; approval?: string | undefined },
): { id: string; shiftId: string | null; approvedBy: StaffRef; at: string } {
  const actor = ctx.staff;
  const { db } = sc.deps;
  // Made once on first use, outside the transaction: the id stays when this call is refused.
  const tillId = sc.settings.tillId();
  const result = db.transaction(() => {
    // The approval names the open shift, or the till when no shift is open.
    const shift = unclosedShift(db, tillId);
    const target = shift?.id ?? tillId;
    const { approvedBy } = sc.staff.requireApproval(ctx, 'no_sale', input.approval, target);
    const id = sc.newId();
    const at = sc.nowIso();
    insertNoSale(db, {
      id,
      shift_id: shift?.id ?? null,
      staff_id: actor.staffId,
      approved_by: approvedBy.staffId,
      reason: input.reason,
      at,
    });
    sc.audit.record({
      staffId: actor.staffId,
      action: 'drawer.no_sale',
      ref: id,
      details: { shiftId: shift?.id ?? null, reason: input.reason, approvedBy: approvedBy.staffId },
    });
    return {
      id,
      shiftId: shift?.id ?? null,
      approvedBy: { staffId: approvedBy.staffId, name: approvedBy.name },
      at,
    };
  })();
  sc.deps.events.emit('drawer.open', {
    cause: 'no_sale',
    shiftId: result.shiftId,
    staffId: actor.staffId,
    at: result.at,
  });
  return result;
}
