/** Checkout: where sales are rung up. Until the catalog and cart screens land, it says how to start. */
import { CheckoutIcon, EmptyState, PageHeader } from '../../ui';

export function CheckoutScreen() {
  return (
    <div className="screen">
      <PageHeader title="Checkout" description="Ring up a sale and take payment." />
      <div className="screen__panel">
        <EmptyState icon={<CheckoutIcon />} title="The cart is empty">
          <p>
            Scan a barcode or pick products to start a sale. The cart, the total and the ways to pay — card,
            cash, crypto or store coins — appear here.
          </p>
        </EmptyState>
      </div>
    </div>
  );
}
