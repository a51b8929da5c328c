/** The Orders section: the sales on this till, their payments, receipts and refunds. */
export { OrdersScreen } from './OrdersScreen';
