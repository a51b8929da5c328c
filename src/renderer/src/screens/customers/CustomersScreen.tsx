/**
 * Customers: find a customer (name, phone, e-mail or a scanned card's code) or add one; their profile
 * beside the list with the coin balance, history, QR card, top-up and gifts (CustomerProfile); the
 * vendors; and, for those who may change settings, the membership tiers.
 */
import { useState } from 'react';
import { useCan } from '../../app/useCan';
import { PageHeader, SegmentedControl } from '../../ui';
import { CustomerPicker, type CustomerView } from './CustomerPicker';
import { CustomerProfile } from './CustomerProfile';
import { MembershipTiersPanel } from './MembershipTiersPanel';
import { VendorsPanel } from './VendorsPanel';
import './customers.css';

export function CustomersScreen() {
  const [selected, setSelected] = useState<CustomerView | null>(null);
  const [view, setView] = useState<'customers' | 'vendors' | 'memberships'>('customers');
  const canEditTiers = useCan('settings.edit');
  return (
    <div className="screen">
      <PageHeader
        title="Customers"
        description="Customers, their store coins and their purchases; vendors who sell through the shop."
        actions={
          <SegmentedControl
            label="Show"
            value={view}
            onValueChange={setView}
            options={[
              { value: 'customers', label: 'Customers' },
              { value: 'vendors', label: 'Vendors' },
              ...(canEditTiers ? [{ value: 'memberships' as const, label: 'Memberships' }] : []),
            ]}
          />
        }
      />
      {view === 'vendors' && <VendorsPanel />}
      {view === 'memberships' && canEditTiers && <MembershipTiersPanel />}
      <div className="customers-layout" hidden={view !== 'customers'}>
        <section className="screen__panel customers-layout__list" aria-label="Customer list">
          <CustomerPicker onPick={setSelected} selectedId={selected?.id ?? null} />
        </section>
        <section className="screen__panel customers-layout__profile" aria-label="Customer profile">
          {selected ? (
            <CustomerProfile key={selected.id} customer={selected} onChanged={setSelected} />
          ) : (
            <p className="customers-layout__hint">Choose a customer, or add a new one.</p>
          )}
        </section>
      </div>
    </div>
  );
}
