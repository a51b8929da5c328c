/**
 * Shifts and the cash drawer: opening a shift with its counted float, the live X report, closing
 * (sales stop, the drawer is counted per denomination, the over/short and the deposit to the safe are
 * booked, the Z report is frozen), pay-ins, pay-outs, safe drops and no-sale drawer opens.
 *
 * `createShiftsModule(deps, { ledger, settings, staff, audit })` gives the `shifts.*` and
 * `drawer.noSale` handlers and a `service` for the sales domain:
 * - `currentShift()`: the till's open or closing shift, or null;
 * - `requireOpenShift()`: the open shift, else a conflict (`no_open_shift`, or `shift_closing`);
 * - `drawerAccount(shiftId)`: the shift's `cash_drawer` ledger account (ref `shift:<id>`);
 * - `setSalesSummary(fn)`: the orders domain's `summarizeShift`, frozen into each Z report.
 * Also the pure rules: the state machine (`nextShiftState`), counting (`countCash`), denominations.
 */
import { TillpointError } from '../../shared/api/errors';
import { type PartialHandlerImpls, type CoreDeps, type DomainModule } from '../kernel';
import { type Account } from '../ledger';
import { createShiftsHandlers } from './handlers';
import { nextShiftState, type ShiftStatus } from './shiftState';
import { getShiftRow, unclosedShift, type ShiftRow } from './shiftStore';
import {
  createShiftsContext,
  drawerAccountOf,
  type SalesSummaryFn,
  type ShiftPaymentsPort,
  type ShiftsServices,
} from './shiftsContext';

export {
  nextShiftState,
  shiftActions,
  shiftStatuses,
  type ShiftAction,
  type ShiftStatus,
  type TillShiftState,
} from './shiftState';
export {
  countCash,
  checkCashAmount,
  maxPiecesPerDenomination,
  type CashCount,
  type CountEntry,
  type CountedLine,
} from './counting';
export {
  denominationsFor,
  fallbackDenominations,
  currenciesWithDenominations,
  type Denomination,
  type DenominationTable,
} from './denominations';
export {
  drawerFigures,
  drawerCodes,
  salesDrawerCodes,
  type CashFigures,
  type DrawerMovement,
} from './drawerFigures';
export {
  accountCodes,
  type SalesSummaryFn,
  type ShiftSalesSummary,
  type ShiftsServices,
  type ShiftPaymentsPort,
  type PaymentInFlight,
} from './shiftsContext';

/** A shift as other domains see it. */
export interface Shift {
  readonly id: string;
  readonly number: number;
  readonly tillId: string;
  readonly status: ShiftStatus;
  /** The currency of the shift's drawer: the store currency when it opened. */
  readonly currency: string;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly openingFloatMinor: bigint;
}

export interface ShiftsService {
  currentShift(): Shift | null;
  requireOpenShift(): Shift;
  drawerAccount(shiftId: string): Account;
  setSalesSummary(fn: SalesSummaryFn): void;
  /** The payments domain: what a shift close waits for, and how a manager carries it to the next shift. */
  setPaymentsPort(port: ShiftPaymentsPort): void;
}

export interface ShiftsModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: ShiftsService;
}

function shiftOf(row: ShiftRow): Shift {
  return {
    id: row.id,
    number: row.number,
    tillId: row.till_id,
    status: row.status,
    currency: row.currency,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    openingFloatMinor: BigInt(row.opening_float),
  };
}

export function createShiftsModule(deps: CoreDeps, services: ShiftsServices): ShiftsModule {
  const sc = createShiftsContext(deps, services);
  const current = (): ShiftRow | null => unclosedShift(deps.db, services.settings.tillId());
  services.settings.addCurrencyGuard(({ from, to }) =>
    current() ? `A shift is open in ${from}: close it before changing the store currency to ${to}.` : null,
  );
  return {
    handlers: createShiftsHandlers(sc),
    service: {
      currentShift() {
        const row = current();
        return row ? shiftOf(row) : null;
      },
      requireOpenShift() {
        const row = current();
        nextShiftState(row?.status ?? 'none', 'take_payment');
        return shiftOf(row as ShiftRow);
      },
      drawerAccount(shiftId) {
        const row = getShiftRow(deps.db, shiftId);
        if (!row) throw new TillpointError('not_found', `No shift has the id ${shiftId}.`, { shiftId });
        return drawerAccountOf(sc, row);
      },
      setSalesSummary: (fn) => sc.setSalesSummary(fn),
      setPaymentsPort: (port) => sc.setPaymentsPort(port),
    },
  };
}
