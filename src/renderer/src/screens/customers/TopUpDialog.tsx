/**
 * Top-up: the coin packages as a grid (coins, bonus, price, as the core lists them); choosing one
 * makes a sale of it for the customer (`orders.create`, `coins.addTopUp`) and opens the payment
 * dialog, where any tender pays it. The coins post when the sale is paid.
 */
import { useState } from 'react';
import { client } from '../../api';
import { Dialog, toast } from '../../ui';
import { PaymentDialog } from '../checkout/PaymentDialog';
import { type OrderView } from '../checkout/types';
import { CoinPackageGrid, type CoinPackage } from './CoinPackageGrid';
import { type CustomerView } from './CustomerPicker';

export interface TopUpDialogProps {
  customer: CustomerView;
  onClose: () => void;
  /** The sale of the package was paid (or the dialog closed): reload the balance. */
  onChanged: () => void;
}

export function TopUpDialog({ customer, onClose, onChanged }: TopUpDialogProps) {
  const [order, setOrder] = useState<OrderView | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (pkg: CoinPackage) => {
    if (busy) return;
    setBusy(true);
    try {
      const created = await client.invoke('orders.create', { note: `Coins for ${customer.code}` });
      const { order: withLine } = await client.invoke('coins.addTopUp', {
        orderId: created.order.id,
        packageId: pkg.id,
        customerId: customer.id,
      });
      setOrder(withLine);
    } catch (failure) {
      toast.error(failure, { title: 'The top-up could not be started' });
    } finally {
      setBusy(false);
    }
  };

  if (order) {
    return (
      <PaymentDialog
        open
        order={order}
        onOrder={setOrder}
        onClose={() => {
          onChanged();
          onClose();
        }}
        onNewSale={() => {
          onChanged();
          onClose();
        }}
      />
    );
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title="Top up coins"
      description={`For ${customer.name} (${customer.code})`}
      size="lg"
    >
      <CoinPackageGrid busy={busy} onChoose={(pkg) => void choose(pkg)} />
    </Dialog>
  );
}
