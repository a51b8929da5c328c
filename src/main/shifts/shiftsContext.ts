/**
 * What the parts of the shifts domain share: the core, the services of other domains, the id maker,
 * the late-bound sales summary, and the small helpers every part uses (staff names, ledger accounts).
 */
import { monotonicFactory } from 'ulid';
import { type AuditService } from '../audit';
import { type CoreDeps } from '../kernel';
import { type Account, type Ledger } from '../ledger';
import { type SettingsService } from '../settings';
import { type StaffService } from '../staff';
import { type ShiftRow } from './shiftStore';

/** The sales figures of one shift, from the orders domain (`orders.service.summarizeShift`). */
export interface ShiftSalesSummary {
  ordersPaid: number;
  grossSalesMinor: bigint;
  discountsMinor: bigint;
  netSalesMinor: bigint;
  taxes: { taxId: string; name: string; ratePercent: string; amountMinor: bigint }[];
  tipsMinor: bigint;
  cashRoundingMinor: bigint;
  refunds: { count: number; amountMinor: bigint };
  voids: { count: number };
  tenders: { kind: string; count: number; amountMinor: bigint }[];
  cashSalesMinor: bigint;
  cashRefundsMinor: bigint;
}

export type SalesSummaryFn = (shiftId: string) => ShiftSalesSummary;

export interface ShiftsServices {
  readonly ledger: Ledger;
  readonly settings: SettingsService;
  readonly staff: Pick<StaffService, 'requireApproval' | 'getStaff'>;
  readonly audit: AuditService;
}

export interface ShiftsContext extends ShiftsServices {
  readonly deps: CoreDeps;
  /** A new ULID on the core's clock; monotonic within a millisecond. */
  newId(): string;
  nowIso(): string;
  /** The sales summary of a shift, or null while no sales domain has registered one. */
  salesSummary(shiftId: string): ShiftSalesSummary | null;
  setSalesSummary(fn: SalesSummaryFn): void;
  /** Payments taken in a shift still in flight and not carried to the next shift (none without a payments domain). */
  paymentsInFlight(shiftId: string): readonly PaymentInFlight[];
  setPaymentsPort(port: ShiftPaymentsPort): void;
  /** Lets the shift close without waiting for these payments; they count in the shift they settle in. */
  carryPayments(paymentIds: readonly string[]): void;
}

/** A payment still waiting for its tender, as a shift close lists it. */
export interface PaymentInFlight {
  readonly paymentId: string;
  readonly orderId: string;
  readonly kind: string;
  readonly amountMinor: bigint;
}

/** What the shifts domain needs from the payments domain. */
export interface ShiftPaymentsPort {
  inFlight(shiftId: string): readonly PaymentInFlight[];
  carry(paymentIds: readonly string[]): void;
}

export function createShiftsContext(deps: CoreDeps, services: ShiftsServices): ShiftsContext {
  const ulid = monotonicFactory();
  let summarize: SalesSummaryFn | null = null;
  let payments: ShiftPaymentsPort | null = null;
  return {
    ...services,
    deps,
    newId: () => ulid(deps.now().getTime()),
    nowIso: () => deps.now().toISOString(),
    salesSummary: (shiftId) => (summarize ? summarize(shiftId) : null),
    setSalesSummary(fn) {
      summarize = fn;
    },
    paymentsInFlight: (shiftId) => payments?.inFlight(shiftId) ?? [],
    setPaymentsPort(port) {
      payments = port;
    },
    carryPayments: (paymentIds) => payments?.carry(paymentIds),
  };
}

export interface StaffRef {
  staffId: string;
  name: string;
}

/** Who a staff id is, for reports: their current name (the id itself if the member is gone). */
export function staffRef(sc: ShiftsContext, staffId: string): StaffRef {
  return { staffId, name: sc.staff.getStaff(staffId)?.name ?? staffId };
}

export const accountCodes = {
  drawer: 'cash_drawer',
  safe: 'cash_safe',
  overShort: 'cash_over_short',
  pettyCash: 'petty_cash',
} as const;

/** The drawer account of a shift: one per shift, ref `shift:<id>`, in the shift's currency. */
export function drawerAccountOf(sc: ShiftsContext, shift: Pick<ShiftRow, 'id' | 'currency'>): Account {
  return sc.ledger.ensureAccount({
    asset: shift.currency,
    code: accountCodes.drawer,
    ref: `shift:${shift.id}`,
  });
}

/** One of the store-wide cash accounts (safe, over/short, petty cash), ref ''. */
export function cashAccountOf(
  sc: ShiftsContext,
  currency: string,
  code: (typeof accountCodes)['safe' | 'overShort' | 'pettyCash'],
): Account {
  return sc.ledger.ensureAccount({ asset: currency, code, ref: '' });
}
