/**
 * Vendors: who sells through the shop and what the store owes each; add a vendor with a share or a
 * commission, make a product theirs, pay them out, and read their statement. Every amount is the
 * core's; the panel sends what was typed.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';
import {
  Button,
  Card,
  Money,
  MoneyField,
  SegmentedControl,
  Select,
  TextField,
  errorMessage,
  parseMoneyInput,
  toast,
  useDisplayLocale,
} from '../../ui';

type Vendor = ApiOutput<'vendors.list'>['vendors'][number];
type Statement = ApiOutput<'vendors.statement'>;

export function VendorsPanel() {
  const locale = useDisplayLocale();
  const [vendors, setVendors] = useState<Vendor[]>([]);
  const [selected, setSelected] = useState<string>('');
  const [statement, setStatement] = useState<Statement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'share' | 'commission'>('share');
  const [terms, setTerms] = useState('70');
  const [payout, setPayout] = useState('');
  const [method, setMethod] = useState<'cash' | 'bank' | 'crypto'>('bank');
  const [reference, setReference] = useState('');
  const [productQuery, setProductQuery] = useState('');

  const load = useCallback(async () => {
    try {
      const result = await client.invoke('vendors.list', {});
      setVendors(result.vendors);
      setSelected((current) => current || result.vendors[0]?.id || '');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (!selected) return;
    client
      .invoke('vendors.statement', { vendorId: selected })
      .then(setStatement, (f: unknown) => setError(errorMessage(f)));
  }, [selected, vendors]);

  const vendor = vendors.find((v) => v.id === selected) ?? null;
  const currency = vendor?.currency ?? 'USD';

  const add = async () => {
    try {
      const commission = parseMoneyInput(terms, currency, locale);
      if (kind === 'commission' && !commission.ok) return toast.error(commission.message);
      const { vendor: saved } = await client.invoke('vendors.save', {
        name: name.slice(0, 120),
        terms:
          kind === 'share'
            ? { kind, percent: terms.trim().slice(0, 12) }
            : { kind, commission: commission.ok ? commission.amountMinor : '0' },
      });
      setName('');
      setSelected(saved.id);
      await load();
    } catch (failure) {
      toast.error(failure, { title: 'The vendor was not saved' });
    }
  };

  const assign = async () => {
    if (!vendor) return;
    try {
      const { products } = await client.invoke('catalog.products', {
        search: productQuery.slice(0, 200),
        limit: 1,
      });
      const product = products[0];
      if (!product) return toast.error(`No product matches "${productQuery}".`);
      await client.invoke('vendors.assignProduct', { productId: product.id, vendorId: vendor.id });
      toast.success(`${product.name} now belongs to ${vendor.name}.`);
    } catch (failure) {
      toast.error(failure, { title: 'The product was not assigned' });
    }
  };

  const pay = async () => {
    if (!vendor) return;
    const amount = parseMoneyInput(payout, currency, locale);
    if (!amount.ok) return toast.error(amount.message);
    try {
      await client.invoke('vendors.payout', {
        vendorId: vendor.id,
        amount: amount.amountMinor,
        method,
        reference: reference.slice(0, 200),
      });
      setPayout('');
      await load();
    } catch (failure) {
      toast.error(failure, { title: 'The payout was not made' });
    }
  };

  return (
    <div className="vendors">
      {error && <p className="form-error">{error}</p>}
      <Card
        title="Vendors"
        description="Products sold for others: their share goes to what the store owes them."
      >
        <ul className="customer-picker__list" aria-label="Vendors">
          {vendors.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="customer-picker__item"
                aria-pressed={v.id === selected}
                onClick={() => setSelected(v.id)}
              >
                <span className="customer-picker__name">{v.name}</span>
                <span className="customer-picker__meta">
                  {v.terms.kind === 'share' ? `${v.terms.percent}% share` : 'commission per unit'} · owed{' '}
                  <Money value={{ amount: v.payableMinor, asset: v.currency }} />
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="coins-settings">
          <TextField
            label="New vendor"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
          />
          <SegmentedControl
            label="Terms"
            value={kind}
            onValueChange={setKind}
            options={[
              { value: 'share', label: 'Share %' },
              { value: 'commission', label: 'Commission' },
            ]}
          />
          <TextField
            label={kind === 'share' ? 'Vendor share %' : 'Store commission per unit'}
            value={terms}
            onChange={(e) => setTerms(e.target.value)}
          />
          <Button variant="primary" disabled={name.trim() === ''} onClick={() => void add()}>
            Add vendor
          </Button>
        </div>
      </Card>
      {vendor && statement && (
        <Card title={vendor.name} description="Statement of what the store owes them.">
          <div className="coins-settings">
            <TextField
              label="Product (name or SKU)"
              value={productQuery}
              onChange={(e) => setProductQuery(e.target.value)}
            />
            <Button variant="secondary" disabled={productQuery.trim() === ''} onClick={() => void assign()}>
              Make it theirs
            </Button>
          </div>
          <div className="coins-settings">
            <MoneyField label="Pay out" currency={currency} value={payout} onValueChange={setPayout} />
            <Select
              label="How"
              value={method}
              onValueChange={setMethod}
              options={[
                { value: 'bank', label: 'Bank transfer' },
                { value: 'cash', label: 'Cash from the drawer' },
                { value: 'crypto', label: 'Crypto' },
              ]}
            />
            <TextField
              label="Reference or address"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
            <Button variant="secondary" disabled={payout.trim() === ''} onClick={() => void pay()}>
              Pay out
            </Button>
          </div>
          <dl className="coin-balance__lifetime">
            <dt>Sales share</dt>
            <dd>
              <Money value={{ amount: statement.salesMinor, asset: currency }} />
            </dd>
            <dt>Returns</dt>
            <dd>
              <Money value={{ amount: statement.returnsMinor, asset: currency }} />
            </dd>
            <dt>Paid out</dt>
            <dd>
              <Money value={{ amount: statement.payoutsMinor, asset: currency }} />
            </dd>
            <dt>Owed now</dt>
            <dd data-testid="vendor-owed">
              <Money value={{ amount: statement.closingMinor, asset: currency }} />
            </dd>
          </dl>
          <ul className="coin-history" aria-label="Statement">
            {statement.entries.map((entry) => (
              <li key={entry.id}>
                <span>{entry.kind.replace('vendor_', '').replace('_', ' ')}</span>
                <Money value={{ amount: entry.amountMinor, asset: currency }} signed />
                <span>
                  = <Money value={{ amount: entry.balanceAfterMinor, asset: currency }} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
