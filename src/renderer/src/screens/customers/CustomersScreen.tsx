/** Customers: Tillpoint keeps no customer records yet. Says so, and where past sales are today. */
import { navigate } from '../../app/router';
import { Button, CustomersIcon, EmptyState, PageHeader } from '../../ui';

export function CustomersScreen() {
  return (
    <div className="screen">
      <PageHeader title="Customers" description="Tillpoint does not keep customer records yet." />
      <div className="screen__panel">
        <EmptyState
          icon={<CustomersIcon />}
          title="No customer records"
          action={
            <Button variant="secondary" size="lg" onClick={() => navigate('orders')}>
              Go to Orders
            </Button>
          }
        >
          <p>
            Sales are rung up without a customer’s name or details. To find a past sale, look in Orders: every
            sale is there, with its receipt.
          </p>
        </EmptyState>
      </div>
    </div>
  );
}
