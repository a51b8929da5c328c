/**
 * Payments: the tender interface every way of paying implements (`TenderAdapter` in tender.ts), the
 * payments service that owns the payments table and posts every tender to the ledger
 * (`createPaymentsService`), the cash tender (`createCashAdapter`, with the pure rules for change,
 * cash rounding and quick amounts), and the `payments.*` handlers (`createPaymentHandlers`), which
 * reach orders through the `OrderSettlementPort` the orders domain implements.
 */
export {
  tenderKinds,
  paymentStatuses,
  type TenderKind,
  type PaymentStatus,
  type TenderAccount,
  type TenderAdapter,
  type TenderUpdateListener,
  type PaymentRequest,
  type PaymentUpdate,
  type RefundRequest,
  type RefundUpdate,
} from './tender';
export {
  createPaymentsService,
  paymentUpdateOf,
  receivableAccountCode,
  type GiveBackPlan,
  type GiveBackShare,
  type PaymentsService,
  type PaymentsServiceOptions,
  type RecordPaymentInput,
} from './service';
export { type PaymentRecord } from './paymentsStore';
export {
  createCashAdapter,
  cashDrawerAccountCode,
  cashDrawerRef,
  type CashAdapterOptions,
} from './cash/cashAdapter';
export {
  cashAmountDue,
  planCashTender,
  quickAmounts,
  quickAmountBillUnits,
  type CashTenderInput,
  type CashTenderPlan,
} from './cash/cashRules';
export {
  createPaymentHandlers,
  type OrderSettlementPort,
  type PaymentHandlerServices,
} from './cash/handlers';
