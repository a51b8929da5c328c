/**
 * Top-up inside the current sale: the coin packages as a grid; choosing one adds it to the open
 * order as a line for the order's customer (`coins.addTopUp`), through the cart's rules. The sale
 * is then paid as usual, with anything else in it; the coins post when it is paid.
 */
import { useState } from 'react';
import { client } from '../../api';
import { Dialog, toast } from '../../ui';
import { checkout } from '../checkout/instance';
import { CoinPackageGrid, type CoinPackage } from './CoinPackageGrid';
import { type CustomerView } from './CustomerPicker';

export interface CartTopUpDialogProps {
  orderId: string;
  customer: CustomerView;
  onClose: () => void;
}

export function CartTopUpDialog({ orderId, customer, onClose }: CartTopUpDialogProps) {
  const [busy, setBusy] = useState(false);

  const choose = async (pkg: CoinPackage) => {
    if (busy) return;
    setBusy(true);
    try {
      await client.invoke('coins.addTopUp', { orderId, packageId: pkg.id, customerId: customer.id });
      // The cart shows the new line (the checkout reads it again only for a change of status).
      await checkout.refresh();
      toast.success(`${pkg.name} coins added to the sale for ${customer.name}.`);
      onClose();
    } catch (failure) {
      toast.error(failure, { title: 'The coins were not added' });
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Add coins to this sale"
      description={`For ${customer.name} (${customer.code}): the coins are theirs once the sale is paid.`}
      size="lg"
    >
      <CoinPackageGrid busy={busy} onChoose={(pkg) => void choose(pkg)} />
    </Dialog>
  );
}
