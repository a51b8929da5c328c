/**
 * The customer of the sale on the cart: their name and coin balance, or a button to choose one
 * (`orders.setCustomer`); changing or clearing it while the sale is open.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { Button, Dialog, toast, useDisplayLocale } from '../../ui';
import { CustomerPicker, formatCoins, type CustomerView } from './CustomerPicker';
import './customers.css';

export function CartCustomer({ orderId, version }: { orderId: string; version?: string }) {
  const locale = useDisplayLocale();
  const [customer, setCustomer] = useState<CustomerView | null>(null);
  const [coins, setCoins] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);

  const load = useCallback(async () => {
    const { customer: found } = await client.invoke('customers.ofOrder', { orderId });
    setCustomer(found);
    setCoins(found ? (await client.invoke('coins.balance', { customerId: found.id })).balance : null);
  }, [orderId]);

  useEffect(() => {
    load().catch(() => undefined);
  }, [load, version]);

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
            {coins !== null && ` · ${formatCoins(coins, locale)}`}
          </span>
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
      {picking && (
        <Dialog open onClose={() => setPicking(false)} title="Customer of this sale" size="md">
          <CustomerPicker onPick={(picked) => void set(picked.id)} selectedId={customer?.id ?? null} />
        </Dialog>
      )}
    </div>
  );
}
