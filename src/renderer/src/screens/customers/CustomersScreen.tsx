/** Customers: the people the store knows. Says what will appear and how, until there are any. */
import { CustomersIcon, EmptyState, PageHeader } from '../../ui';

export function CustomersScreen() {
  return (
    <div className="screen">
      <PageHeader title="Customers" description="Customers, memberships and store-coin balances." />
      <div className="screen__panel">
        <EmptyState icon={<CustomersIcon />} title="No customers yet">
          <p>
            Customers you add at checkout appear here, with their purchases, membership and store-coin
            balance.
          </p>
        </EmptyState>
      </div>
    </div>
  );
}
