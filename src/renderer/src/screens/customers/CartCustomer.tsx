/**
 * The customer of the sale on the cart: their name and coin balance, or a button to choose one
 * (`orders.setCustomer`); changing or clearing it while the sale is open; adding a coin package to
 * the sale for them. The balance is read again after every payment of the sale (payment.updated)
 * and every change of the order, so it is never left stale.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { withApproval } from '../../app/approval';
import { checkout } from '../checkout/instance';
import { Button, Dialog, toast, useDisplayLocale } from '../../ui';
import { CartTopUpDialog } from './CartTopUpDialog';
import { CustomerPicker, formatCoins, type CustomerView } from './CustomerPicker';
import './customers.css';

export function CartCustomer({ orderId, version }: { orderId: string; version?: string }) {
  const locale = useDisplayLocale();
  const [customer, setCustomer] = useState<CustomerView | null>(null);
  const [coins, setCoins] = useState<string | null>(null);
  const [member, setMember] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [toppingUp, setToppingUp] = useState(false);

  const load = useCallback(async () => {
    const { customer: found } = await client.invoke('customers.ofOrder', { orderId });
    setCustomer(found);
    setCoins(found ? (await client.invoke('coins.balance', { customerId: found.id })).balance : null);
    const status = found
      ? (await client.invoke('memberships.status', { customerId: found.id })).membership
      : null;
    setMember(status?.valid ? `${status.tier.name} ${status.tier.discountPercent}%` : null);
  }, [orderId]);

  // The member discount goes through the cart's rules: over the store's limit, a manager approves it
  // in the approval dialog (discount_over_limit, bound to this order); other refusals are shown.
  const applyMemberDiscount = async () => {
    try {
      const result = await withApproval(
        (approval) =>
          client.invoke('memberships.applyDiscount', { orderId, ...(approval ? { approval } : {}) }),
        {
          action: 'discount_over_limit',
          ref: orderId,
          reason: `Member discount${member ? ` (${member})` : ''} for ${customer?.name ?? 'the customer'}.`,
          facts: member ? [{ label: 'Membership', value: member }] : [],
        },
      );
      if (!result) return;
      await checkout.refresh();
      toast.success(`Member discount of ${result.discountPercent}% applied.`);
    } catch (failure) {
      toast.error(failure, { title: 'The member discount was not applied' });
    }
  };

  useEffect(() => {
    load().catch(() => undefined);
  }, [load, version]);

  // A payment (coins spent, a top-up paid) or another change of this sale: read the balance again.
  useEffect(() => {
    const reload = (payload: { orderId: string }) => {
      if (payload.orderId === orderId) load().catch(() => undefined);
    };
    const stopPayments = client.on('payment.updated', reload);
    const stopOrders = client.on('order.updated', reload);
    return () => {
      stopPayments();
      stopOrders();
    };
  }, [load, orderId]);

  const set = async (customerId: string | null) => {
    try {
      await client.invoke('orders.setCustomer', { orderId, customerId });
      setPicking(false);
      await load();
    } catch (failure) {
      toast.error(failure, { title: 'The customer was not set' });
    }
  };

  return (
    <div className="cart-customer" data-testid="cart-customer">
      {customer ? (
        <>
          <span>
            <strong>{customer.name}</strong>
            {coins !== null && (
              <>
                {' · '}
                <span data-testid="cart-coin-balance">{formatCoins(coins, locale)}</span>
              </>
            )}
          </span>
          <Button variant="ghost" onClick={() => setToppingUp(true)}>
            Add coins
          </Button>
          {member && (
            <Button variant="ghost" onClick={() => void applyMemberDiscount()}>
              {member} discount
            </Button>
          )}
          <Button variant="ghost" onClick={() => setPicking(true)}>
            Change
          </Button>
          <Button variant="ghost" onClick={() => void set(null)}>
            Remove
          </Button>
        </>
      ) : (
        <Button variant="ghost" onClick={() => setPicking(true)}>
          Add customer
        </Button>
      )}
      {toppingUp && customer && (
        <CartTopUpDialog orderId={orderId} customer={customer} onClose={() => setToppingUp(false)} />
      )}
      {picking && (
        <Dialog open onClose={() => setPicking(false)} title="Customer of this sale" size="md">
          <CustomerPicker onPick={(picked) => void set(picked.id)} selectedId={customer?.id ?? null} />
        </Dialog>
      )}
    </div>
  );
}
