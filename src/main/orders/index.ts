/**
 * Orders: an open order is the cart (lines from the catalog or custom items, discounts, a tip), priced
 * by priceCart with the store settings; it is paid by one or more tenders (split tender), then maybe
 * refunded line by line, or voided before it is paid. Receipts of orders, and the sales figures of a
 * shift for its X and Z reports.
 *
 * `createOrdersModule(deps, services)` hands the payments domain its settlement port (what is due, how
 * a sale settles, how a refund finishes) and gives the `orders.*` and `receipts.*` handlers, and a
 * `service` with `summarizeShift(shiftId)`
 * (the shifts domain freezes it into each Z report) and `view(orderId)`. Also the pure rules: the order
 * lifecycle (`nextOrderStatus`), refund allocation, and the sale and refund ledger postings.
 */
import { type ApiOutput } from '../../shared/api';
import { type AuditService } from '../audit';
import { type CatalogService } from '../catalog';
import { type PartialHandlerImpls, type CoreDeps, type DomainModule, type StaffCallContext } from '../kernel';
import { type Ledger } from '../ledger';
import { type PaymentsService } from '../payments';
import { type ShiftSalesSummary } from '../shifts';
import { addLine, setDiscount } from './cart';
import {
  createOrdersContext,
  type OrderHooks,
  type SettingsPort,
  type ShiftsPort,
  type StaffPort,
} from './context';
import { orderLines } from './ordersStore';
import { announceOrder } from './settle';
import { createOrdersHandlers } from './handlers';
import { buildOrderView } from './orderView';
import { createSettlementPort } from './settle';
import { summarizeShift } from './summary';

export {
  nextOrderStatus,
  orderTransition,
  orderStatuses,
  orderEvents,
  type OrderStatus,
  type OrderEvent,
} from './lifecycle';
export {
  planLineRefund,
  refundedSoFar,
  refundMoney,
  type RefundableLine,
  type LineRefundPlan,
} from './refundRules';
export { salePostings, refundPostings, receivableNet, type Posting, type AccountKey } from './postings';
export { discountOverLimit } from './cart';
export { buildReceiptModel } from './receipt';
export {
  type CatalogPort,
  type StaffPort,
  type ShiftsPort,
  type SettingsPort,
  type PrinterPort,
  type OrderHooks,
} from './context';

export interface OrdersModuleServices {
  readonly ledger: Ledger;
  readonly catalog: CatalogService;
  readonly staff: StaffPort;
  readonly audit: AuditService;
  readonly settings: SettingsPort;
  readonly shifts: ShiftsPort;
  /** The payments domain: orders hand it their settlement port. */
  readonly payments: PaymentsService;
}

export interface OrdersService {
  /** The sales figures of a shift for its X and Z reports. */
  summarizeShift(shiftId: string): ShiftSalesSummary;
  /** An order as `orders.get` shows it. */
  view(orderId: string): ApiOutput<'orders.get'>['order'];
  /** Another domain's hooks into settling and refunding (the coins domain's top-ups). */
  addHooks(hooks: OrderHooks): void;
  /** A custom, untaxed line added through the cart's rules (a coin package); returns the line's id. */
  addCustomLine(
    ctx: StaffCallContext,
    orderId: string,
    name: string,
    unitPriceMinor: bigint,
    approval?: string,
  ): string;
  /** order.updated and display.updated after another domain's change. */
  announce(orderId: string): void;
  /** A percent order discount through the cart's rules and limits (a member's discount). */
  setOrderDiscountPercent(ctx: StaffCallContext, orderId: string, percent: string, approval?: string): void;
}

export interface OrdersModule extends DomainModule {
  readonly handlers: PartialHandlerImpls;
  readonly service: OrdersService;
}

export function createOrdersModule(deps: CoreDeps, services: OrdersModuleServices): OrdersModule {
  const { ledger, shifts, payments } = services;
  const oc = createOrdersContext(
    deps,
    {
      ledger,
      staff: services.staff,
      audit: services.audit,
      settings: services.settings,
      shifts,
      printer: deps.printer,
      catalog: {
        getVariantForSale: (variantId, currency) => services.catalog.getVariantForSale(variantId, currency),
        recordStockMovement: (input) => services.catalog.recordStockMovement(input),
        lookupBarcode: (code) => ({ variantId: services.catalog.lookupBarcode(code).variant.id }),
        taxClassRates: (taxClassId) =>
          services.catalog.getTaxClass(taxClassId).rates.map((rate) => ({
            taxId: rate.taxId,
            name: rate.name,
            ratePercent: rate.ratePercent,
          })),
      },
    },
    payments,
  );
  payments.setOrders(createSettlementPort(oc));
  return {
    handlers: createOrdersHandlers(oc),
    service: {
      summarizeShift: (shiftId) => summarizeShift(oc, shiftId),
      view: (orderId) => buildOrderView(oc, orderId),
      addHooks: (hooks) => void oc.hooks.push(hooks),
      addCustomLine: (ctx, orderId, name, unitPriceMinor, approval) => {
        addLine(oc, ctx, {
          orderId,
          custom: { name, unitPrice: unitPriceMinor.toString() },
          quantity: 1,
          approval,
        });
        const added = orderLines(deps.db, orderId).at(-1);
        if (!added) throw new Error(`Order ${orderId} has no line after adding one.`);
        return added.id;
      },
      announce: (orderId) => announceOrder(oc, orderId),
      setOrderDiscountPercent: (ctx, orderId, percent, approval) =>
        setDiscount(oc, ctx, { orderId, discount: { kind: 'percent', percent }, approval }),
    },
  };
}
