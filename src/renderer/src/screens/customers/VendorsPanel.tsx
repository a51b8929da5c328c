/**
 * Vendors: who sells through the shop and what the store owes each; add a vendor with a share or a
 * commission, make a product theirs, pay them out, and read their statement. Every amount is the
 * core's; the panel sends what was typed.
 */
import { useCallback, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import {
  Button,
  Card,
  LoadError,
  LoadingPanel,
  Money,
  MoneyField,
  SegmentedControl,
  Select,
  TextField,
  parseMoneyInput,
  toast,
  useDisplayLocale,
} from '../../ui';

type Vendor = ApiOutput<'vendors.list'>['vendors'][number];

const noVendors: readonly Vendor[] = [];

export function VendorsPanel() {
  const locale = useDisplayLocale();
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'share' | 'commission'>('share');
  const [terms, setTerms] = useState('70');
  const [payout, setPayout] = useState('');
  const [method, setMethod] = useState<'cash' | 'bank' | 'crypto'>('bank');
  const [reference, setReference] = useState('');
  const [productQuery, setProductQuery] = useState('');

  // The vendors with what is owed, and the chosen one's statement: read again when a sale or refund
  // changes what they are owed (order.updated) and after a payout here.
  const loadVendors = useCallback(async () => (await client.invoke('vendors.list', {})).vendors, []);
  const vendorList = useCoreData(loadVendors, { refreshOn: ['order.updated'] });
  const vendors = vendorList.kind === 'ready' ? vendorList.data : noVendors;
  const selected = chosen || vendors[0]?.id || '';
  const loadStatement = useCallback(
    async () => (selected ? client.invoke('vendors.statement', { vendorId: selected }) : null),
    [selected],
  );
  const statement = useCoreData(loadStatement, { refreshOn: ['order.updated'] });
  const sheet = statement.kind === 'ready' ? statement.data : null;
  const reload = () => {
    vendorList.reload();
    statement.reload();
  };

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
      setChosen(saved.id);
      vendorList.reload();
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
      reload();
    } catch (failure) {
      toast.error(failure, { title: 'The payout was not made' });
    }
  };

  return (
    <div className="vendors">
      <Card
        title="Vendors"
        description="Products sold for others: their share goes to what the store owes them."
      >
        {vendorList.kind === 'loading' && <LoadingPanel label="Loading the vendors" />}
        {vendorList.kind === 'error' && (
          <LoadError message={vendorList.message} onRetry={vendorList.reload} />
        )}
        <ul className="customer-picker__list" aria-label="Vendors">
          {vendors.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="customer-picker__item"
                aria-pressed={v.id === selected}
                onClick={() => setChosen(v.id)}
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
      {vendor && (
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
          {statement.kind === 'loading' && <LoadingPanel label="Loading the statement" />}
          {statement.kind === 'error' && <LoadError message={statement.message} onRetry={statement.reload} />}
          {sheet && (
            <>
              <dl className="coin-balance__lifetime">
                <dt>Sales share</dt>
                <dd>
                  <Money value={{ amount: sheet.salesMinor, asset: currency }} />
                </dd>
                <dt>Returns</dt>
                <dd>
                  <Money value={{ amount: sheet.returnsMinor, asset: currency }} />
                </dd>
                <dt>Paid out</dt>
                <dd>
                  <Money value={{ amount: sheet.payoutsMinor, asset: currency }} />
                </dd>
                <dt>Owed now</dt>
                <dd data-testid="vendor-owed">
                  <Money value={{ amount: sheet.closingMinor, asset: currency }} />
                </dd>
              </dl>
              <ul className="coin-history" aria-label="Statement">
                {sheet.entries.map((entry) => (
                  <li key={entry.id}>
                    <span>{entry.kind.replace('vendor_', '').replace('_', ' ')}</span>
                    <Money value={{ amount: entry.amountMinor, asset: currency }} signed />
                    <span>
                      = <Money value={{ amount: entry.balanceAfterMinor, asset: currency }} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}
    </div>
  );
}
