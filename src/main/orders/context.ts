/**
 * What the parts of the orders domain share: the core's deps, the services of the domains it uses
 * (described here as the small ports this domain needs, so each can be read on its own), the payments
 * service, and the id maker.
 */
import { monotonicFactory } from 'ulid';
import { type ApprovalAction } from '../../shared/api/staff';
import { type StoreSettings } from '../../shared/api/settings';
import { type AuditService } from '../audit';
import { type CallContext, type StaffIdentity, type CoreDeps, type ReceiptPrinter } from '../kernel';
import { type Account, type Ledger, type NewTransferInput } from '../ledger';
import { type PaymentsService } from '../payments';
import { type RecordStockMovementInput, type VariantForSale } from '../catalog';

/** The catalog as sales use it. */
export interface CatalogPort {
  getVariantForSale(variantId: string, currency: string): VariantForSale;
  /** The variant with this barcode (or SKU); not_found otherwise. */
  lookupBarcode(code: string): { variantId: string };
  recordStockMovement(input: RecordStockMovementInput): unknown;
  /** The rates of a tax class (custom items name one); not_found otherwise. */
  taxClassRates(taxClassId: string): { taxId: string; name: string; ratePercent: string }[];
}

/** Staff as sales use it: approvals and names. */
export interface StaffPort {
  requireApproval(
    ctx: CallContext,
    action: ApprovalAction,
    approvalToken: string | undefined,
    ref?: string,
  ): { approvedBy: StaffIdentity };
  getStaff(staffId: string): { name: string } | null;
}

/** The shift of this till, as sales use it (the shifts domain). */
export interface ShiftsPort {
  /** The shift that may take payments now; throws conflict (reason no_open_shift) otherwise. */
  requireOpenShift(): { id: string };
  /** The open or closing shift, or null. */
  currentShift(): { id: string } | null;
  /** The ledger account of a shift's cash drawer. */
  drawerAccount(shiftId: string): Account;
}

export interface SettingsPort {
  get(): StoreSettings;
  tillId(): string;
}

/** Where a receipt goes to paper: given by the Electron door, absent in the browser host and tests. */
export type PrinterPort = ReceiptPrinter;

export interface OrdersServices {
  readonly ledger: Ledger;
  readonly catalog: CatalogPort;
  readonly staff: StaffPort;
  readonly audit: AuditService;
  readonly settings: SettingsPort;
  readonly shifts: ShiftsPort;
  readonly printer?: PrinterPort | undefined;
}

/**
 * What another domain adds to a sale (the coins domain: a top-up's coins). Each runs inside the
 * transaction and may throw to refuse it; its transfers join the sale's (or the refund's) ledger group.
 */
export interface OrderHooks {
  /** When the order becomes paid: transfers linked with the sale's postings. */
  onSettle?(input: {
    orderId: string;
    currency: string;
    lines: readonly { lineId: string; quantity: number; revenueMinor: bigint }[];
    staffId: string;
  }): NewTransferInput[];
  /** When a refund is recorded: pending transfers (ref `refund:<id>`), posted or voided with it. */
  onRefund?(input: {
    orderId: string;
    refundId: string;
    currency: string;
    lines: readonly { lineId: string; quantity: number; netMinor: bigint }[];
    staffId: string;
  }): NewTransferInput[];
  /**
   * When a refund's money went back (all or part; not when none did), in that answer's transaction:
   * what the refunded lines gave is taken back (a membership's periods). Writes no transfers.
   */
  onRefundDone?(input: {
    orderId: string;
    refundId: string;
    lines: readonly { lineId: string; quantity: number }[];
    staffId: string;
  }): void;
  /** A sentence for the customer on the display and the receipt (the coins domain: their coin balance). */
  customerNote?(orderId: string): string | null;
  /**
   * What refunding `quantity` units of an untaxed line gives back, when less than their price
   * (`netMinor`): a top-up whose coins are partly spent gives back the unspent part (refundValues.ts);
   * null: the price. May refuse the refund (throws).
   */
  refundValue?(input: { orderId: string; lineId: string; quantity: number; netMinor: bigint }): bigint | null;
}

/** The hooks' sentences for the customer of an order, joined; null when none has one. */
export function customerNoteOf(hooks: readonly OrderHooks[], orderId: string): string | null {
  const notes = hooks.map((h) => h.customerNote?.(orderId) ?? null).filter((n): n is string => !!n);
  return notes.length === 0 ? null : notes.join(' ');
}

export interface OrdersContext extends OrdersServices {
  readonly deps: CoreDeps;
  readonly payments: PaymentsService;
  /** Hooks other domains plug in (`OrdersService.addHooks`). */
  readonly hooks: OrderHooks[];
  newId(): string;
  nowIso(): string;
  /** A staff member's name for views and receipts ("Unknown" when the member is gone). */
  staffName(staffId: string): string;
}

export function createOrdersContext(
  deps: CoreDeps,
  services: OrdersServices,
  payments: PaymentsService,
): OrdersContext {
  const ulid = monotonicFactory();
  return {
    ...services,
    deps,
    payments,
    hooks: [],
    newId: () => ulid(deps.now().getTime()),
    nowIso: () => deps.now().toISOString(),
    staffName: (staffId) => services.staff.getStaff(staffId)?.name ?? 'Unknown',
  };
}
