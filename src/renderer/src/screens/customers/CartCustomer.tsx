/**
 * The customer of the sale on the cart: their name and coin balance, or a button to choose one
 * (`orders.setCustomer`); changing or clearing it while the sale is open; adding a coin package to
 * the sale for them. Loaded through useCoreData, and read again after every payment (payment.updated)
 * and every change of an order (order.updated), so the balance is never left stale.
 */
import { useCallback, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { withApproval } from '../../app/approval';
import { checkout } from '../checkout/instance';
import { Button, Dialog, LoadError, LoadingPanel, toast, useDisplayLocale } from '../../ui';
import { CartTopUpDialog } from './CartTopUpDialog';
import { CustomerPicker, formatCoins } from './CustomerPicker';
import './customers.css';

export function CartCustomer({ orderId }: { orderId: string }) {
  const locale = useDisplayLocale();
  const [picking, setPicking] = useState(false);
  const [toppingUp, setToppingUp] = useState(false);

  // The sale's customer, their coin balance and valid membership; read again on every payment
  // (coins spent, a top-up paid) and every change of an order, so the balance is never left stale.
  const loadCustomer = useCallback(async () => {
    const { customer } = await client.invoke('customers.ofOrder', { orderId });
    if (!customer) return { customer: null, coins: null, member: null };
    const [{ balance }, { membership }] = await Promise.all([
      client.invoke('coins.balance', { customerId: customer.id }),
      client.invoke('memberships.status', { customerId: customer.id }),
    ]);
    const member = membership?.valid ? `${membership.tier.name} ${membership.tier.discountPercent}%` : null;
    return { customer, coins: balance, member };
  }, [orderId]);
  const loaded = useCoreData(loadCustomer, { refreshOn: ['payment.updated', 'order.updated'] });
  const { customer, coins, member } =
    loaded.kind === 'ready' ? loaded.data : { customer: null, coins: null, member: null };

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

  const set = async (customerId: string | null) => {
    try {
      await client.invoke('orders.setCustomer', { orderId, customerId });
      setPicking(false);
      loaded.reload();
    } catch (failure) {
      toast.error(failure, { title: 'The customer was not set' });
    }
  };

  return (
    <div className="cart-customer" data-testid="cart-customer">
      {loaded.kind === 'loading' && <LoadingPanel label="Loading the customer" size={20} />}
      {loaded.kind === 'error' && <LoadError message={loaded.message} onRetry={loaded.reload} />}
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
        loaded.kind === 'ready' && (
          <Button variant="ghost" onClick={() => setPicking(true)}>
            Add customer
          </Button>
        )
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
