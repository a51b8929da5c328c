/**
 * Customers: find a customer (name, phone, e-mail or a scanned card's code) or add one; their profile
 * beside the list with the coin balance, history, QR card, top-up and gifts (CustomerProfile).
 */
import { useState } from 'react';
import { PageHeader } from '../../ui';
import { CustomerPicker, type CustomerView } from './CustomerPicker';
import { CustomerProfile } from './CustomerProfile';
import './customers.css';

export function CustomersScreen() {
  const [selected, setSelected] = useState<CustomerView | null>(null);
  return (
    <div className="screen">
      <PageHeader title="Customers" description="Customers, their store coins and their purchases." />
      <div className="customers-layout">
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
