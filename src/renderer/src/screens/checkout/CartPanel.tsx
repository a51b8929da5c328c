/**
 * The right side of the checkout: the sale as the core priced it. Its lines (edit, ±, remove), the
 * core's notices, the tip (when the store takes tips), the totals (subtotal, discounts, tax per
 * rate, tip, total) and the Pay button. Order discount and Void sit in its header.
 */
import { useEffect, useRef } from 'react';
import { Button, CheckoutIcon, cx, EmptyState, InfoIcon, Money, Spinner, TagIcon } from '../../ui';
import { CartLine } from './CartLine';
import { changedLineId, itemCount, totalsRows } from './cartView';
import { TipChips } from './TipChips';
import { type OrderLineView, type OrderView, type StoreSettings, type Tip } from './types';
import './cart.css';
import { CartCustomer } from '../customers/CartCustomer';

export interface CartPanelProps {
  order: OrderView | null;
  settings: StoreSettings;
  restoring: boolean;
  busy: boolean;
  /** Why paying is refused now (the shift is closing), or null. */
  payBlockedReason: string | null;
  onEditLine: (line: OrderLineView) => void;
  onQuantity: (line: OrderLineView, quantity: number) => void;
  onRemove: (line: OrderLineView) => void;
  onDiscount: () => void;
  onVoid: () => void;
  onTip: (tip: Tip | null) => void;
  onCustomTip: () => void;
  onPay: () => void;
}

export function CartPanel(props: CartPanelProps) {
  const { order, settings, restoring, busy, payBlockedReason } = props;
  const open = order && order.status === 'open' ? order : null;
  const currency = open?.currency ?? settings.currency;
  const lines = open?.lines ?? [];
  // The cart follows the newest line: a line added, or whose count changed, scrolls into view.
  const linesRef = useRef<HTMLUListElement>(null);
  const seen = useRef<Map<string, number>>(new Map());
  const linesKey = lines.map((line) => `${line.id}:${line.quantity}`).join(',');
  useEffect(() => {
    const before = seen.current;
    const changed = changedLineId(before, lines);
    seen.current = new Map(lines.map((line) => [line.id, line.quantity]));
    if (!changed || before.size === 0) {
      if (before.size === 0 && lines.length > 0)
        linesRef.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
      return;
    }
    const index = lines.findIndex((line) => line.id === changed);
    const row = linesRef.current?.children[index];
    row?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linesKey]);
  const count = itemCount(open);
  const rows = open ? totalsRows(open) : [];
  const total = rows.find((row) => row.kind === 'total');
  const canPay = lines.length > 0 && payBlockedReason === null;

  return (
    <section className="cart" aria-labelledby="cart-title">
      <header className="cart__header">
        <div className="cart__titles">
          <h2 id="cart-title" className="cart__title">
            {open ? `Sale #${open.number}` : 'New sale'}
          </h2>
          <p className="cart__count">{count === 1 ? '1 item' : `${count} items`}</p>
        </div>
        <div className="cart__actions">
          <Button
            variant="ghost"
            icon={<TagIcon size={20} />}
            disabled={!open || lines.length === 0}
            onClick={props.onDiscount}
          >
            Discount
          </Button>
          <Button variant="ghost" className="cart__void" disabled={!open} onClick={props.onVoid}>
            Void
          </Button>
        </div>
      </header>
      {open && <CartCustomer orderId={open.id} />}

      <div className="cart__body" aria-busy={busy || undefined}>
        {restoring && (
          <div className="cart__state">
            <Spinner size={28} label="Loading the sale" />
          </div>
        )}
        {!restoring && lines.length === 0 && (
          <EmptyState icon={<CheckoutIcon />} title="No items yet" headingLevel={3} className="cart__empty">
            <p>Tap a product, scan a barcode, or use the keypad for a custom amount.</p>
          </EmptyState>
        )}
        {lines.length > 0 && (
          <ul className="cart__lines" aria-label="Items in the sale" ref={linesRef}>
            {lines.map((line) => (
              <CartLine
                key={line.id}
                line={line}
                currency={currency}
                onEdit={props.onEditLine}
                onQuantity={props.onQuantity}
                onRemove={props.onRemove}
              />
            ))}
          </ul>
        )}
        {open && (open.notices.length > 0 || open.carriedOver) && (
          <ul className="cart__notices" aria-label="Notices">
            {open.carriedOver && (
              <li key="carried">
                <InfoIcon size={18} />
                This sale was started by {open.createdBy.name} in an earlier shift and carried over.
              </li>
            )}
            {open.notices.map((notice) => (
              <li key={notice}>
                <InfoIcon size={18} />
                {notice}
              </li>
            ))}
          </ul>
        )}
      </div>

      <footer className="cart__footer">
        {settings.tipsEnabled && open && lines.length > 0 && (
          <TipChips
            tip={open.tip}
            presetsPercent={settings.tipPresetsPercent}
            onTip={props.onTip}
            onCustom={props.onCustomTip}
          />
        )}
        <dl className="totals" aria-label="Totals">
          {rows
            .filter((row) => row.kind !== 'total')
            .map((row) => (
              <div key={row.key} className={cx('totals__row', `totals__row--${row.kind}`)}>
                <dt>{row.label}</dt>
                <dd>
                  <Money value={{ amount: row.amountMinor, asset: currency }} />
                </dd>
              </div>
            ))}
          <div className="totals__row totals__row--total">
            <dt>Total</dt>
            <dd>
              <Money
                value={{ amount: total?.amountMinor ?? '0', asset: currency }}
                size="xl"
                data-testid="cart-total"
              />
            </dd>
          </div>
        </dl>
        {payBlockedReason && (
          <p className="cart__blocked" role="status">
            {payBlockedReason}
          </p>
        )}
        <Button
          variant="primary"
          size="xl"
          block
          disabled={!canPay}
          onClick={props.onPay}
          aria-keyshortcuts="F8 Control+Enter"
          className="cart__pay"
        >
          Pay
        </Button>
      </footer>
    </section>
  );
}
