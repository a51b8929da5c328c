/**
 * The Orders section: the sales on this till, their payments, receipts, refunds and voids. Also
 * offers what the checkout shares: printing and saving a receipt (receiptActions), the void dialog,
 * and the pure rules of the screen (ordersView: statuses, filters, refund picking; receiptFiles).
 */
export { OrdersScreen } from './OrdersScreen';
export { printHtml, printReceipt, type PrintOutcome, saveReceiptPdf } from './receiptActions';
export { base64ToBytes, receiptFileName } from './receiptFiles';
export { commonVoidReasons, VoidOrderDialog, type VoidOrderDialogProps } from './VoidOrderDialog';
export {
  canRefund,
  emptyPick,
  normalizeOrderSearch,
  orderStatusLabels,
  orderStatusTones,
  pickAll,
  pickedCount,
  refundLines,
  type RefundPick,
  setPicked,
  type StatusFilter,
  statusFilters,
} from './ordersView';
