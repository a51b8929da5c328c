/** Orders: every sale on this till. Says so, and how to make the first one, until there are any. */
import { navigate } from '../../app/router';
import { Button, EmptyState, OrdersIcon, PageHeader } from '../../ui';

export function OrdersScreen() {
  return (
    <div className="screen">
      <PageHeader title="Orders" description="Sales, refunds and receipts." />
      <div className="screen__panel">
        <EmptyState
          icon={<OrdersIcon />}
          title="No orders yet"
          action={
            <Button variant="primary" size="lg" onClick={() => navigate('checkout')}>
              Start a sale
            </Button>
          }
        >
          <p>Sales you ring up appear here, with their payments and receipts. Refunds start from an order.</p>
        </EmptyState>
      </div>
    </div>
  );
}
