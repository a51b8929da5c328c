/** The page's one cart, wired to the real client, localStorage and the approval dialog. */
import { useStore } from 'zustand';
import { client } from '../../api';
import { withApproval } from '../../app/approval';
import { type CheckoutState, createCheckoutStore } from './checkoutStore';

export const checkout = createCheckoutStore({ client, storage: window.localStorage, withApproval });

export function useCheckout<T>(selector: (state: CheckoutState) => T): T {
  return useStore(checkout.store, selector);
}
