/** The Customers section: customers, memberships and their store coins. */
export { CustomersScreen } from './CustomersScreen';
