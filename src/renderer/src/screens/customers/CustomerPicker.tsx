/**
 * Finding a customer: a search box (name, phone, e-mail, or a scanned card's code) with the matches
 * as buttons, and a short form to add a new customer. Used by the Customers screen, the cart and the
 * coins step of the payment dialog.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { type CoreData, useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { Button, LoadError, LoadingPanel, TextField, toast } from '../../ui';

export type CustomerView = ApiOutput<'customers.get'>['customer'];

/** `value`, once it has stayed the same for `delayMs` (typing settles before a search). */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** The customers matching what was typed, searched through useCoreData once typing settles. */
export function useCustomerSearch(query: string): CoreData<CustomerView[]> & { reload: () => void } {
  const settledQuery = useSettled(query, 150);
  const search = useCallback(
    async () =>
      (await client.invoke('customers.search', { query: settledQuery.slice(0, 120), limit: 20 })).customers,
    [settledQuery],
  );
  return useCoreData(search);
}

export interface CustomerPickerProps {
  onPick: (customer: CustomerView) => void;
  /** The customer picked now, marked in the list. */
  selectedId?: string | null;
}

export function CustomerPicker({ onPick, selectedId }: CustomerPickerProps) {
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const found = useCustomerSearch(query);
  return (
    <div className="customer-picker">
      <TextField
        label="Find a customer"
        placeholder="Name, phone, e-mail or card code"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
      />
      {found.kind === 'loading' && <LoadingPanel label="Looking for customers" />}
      {found.kind === 'error' && <LoadError message={found.message} onRetry={found.reload} />}
      {found.kind === 'ready' && (
        <ul className="customer-picker__list" aria-label="Customers found">
          {found.data.map((customer) => (
            <li key={customer.id}>
              <button
                type="button"
                className="customer-picker__item"
                aria-pressed={customer.id === selectedId}
                onClick={() => onPick(customer)}
              >
                <span className="customer-picker__name">{customer.name}</span>
                <span className="customer-picker__meta">
                  {customer.code}
                  {customer.phone ? ` · ${customer.phone}` : ''}
                </span>
              </button>
            </li>
          ))}
          {found.data.length === 0 && <li className="customer-picker__none">No customer found.</li>}
        </ul>
      )}
      {adding ? (
        <NewCustomerForm
          initialName={query}
          onCreated={(customer) => {
            setAdding(false);
            onPick(customer);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button variant="ghost" onClick={() => setAdding(true)}>
          New customer
        </Button>
      )}
    </div>
  );
}

export function NewCustomerForm({
  initialName = '',
  onCreated,
  onCancel,
}: {
  initialName?: string;
  onCreated: (customer: CustomerView) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const { customer } = await client.invoke('customers.create', {
        name: name.slice(0, 120),
        ...(phone.trim() ? { phone: phone.slice(0, 32) } : {}),
        ...(email.trim() ? { email: email.slice(0, 254) } : {}),
      });
      toast.success(`${customer.name} added (${customer.code}).`);
      onCreated(customer);
    } catch (failure) {
      toast.error(failure, { title: 'The customer was not added' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="customer-form"
      aria-label="New customer"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <TextField
        label="Name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        maxLength={120}
      />
      <TextField label="Phone" value={phone} onChange={(e) => setPhone(e.target.value)} maxLength={32} />
      <TextField label="E-mail" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} />
      <div className="customer-form__actions">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={busy || name.trim() === ''}>
          Add customer
        </Button>
      </div>
    </form>
  );
}

/** A number of coins for people, in the store's locale ("1,320 coins"). */
export function formatCoins(coins: string, locale?: string): string {
  const n = /^-?\d+$/.test(coins) ? BigInt(coins) : 0n;
  return `${new Intl.NumberFormat(locale).format(n)} ${n === 1n || n === -1n ? 'coin' : 'coins'}`;
}
