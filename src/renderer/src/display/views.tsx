/**
 * The customer display's screens: welcome, the sale (lines, totals, what is paid and still due), the
 * payment (QR, amount, countdown), thank-you ("Paid — change $X") and a voided sale. Each only shows
 * what the core sent; amounts are formatted in the store's locale by <Money/> (formatMoney).
 */
import { CheckIcon, CloseIcon, Money } from '../ui';
import { type DisplayCart, type DisplayPayment } from './displayState';
import { QrCode } from './QrCode';
import { useNow } from './useNow';
import { type MoneyValue } from '../ui/formatAmount';

export function WelcomeView({ storeName }: { storeName: string | null }) {
  return (
    <div className="display-welcome">
      <h1 className="display-welcome__title">Welcome</h1>
      <p className="display-welcome__sub">
        {storeName ? `Thanks for shopping at ${storeName}.` : 'Thanks for stopping by.'} Your items and total
        will show here.
      </p>
    </div>
  );
}

/** A positive amount shown as taken off: "−$1.28". */
function minus(value: MoneyValue): MoneyValue {
  return { ...value, amount: value.amount.startsWith('-') ? value.amount.slice(1) : `-${value.amount}` };
}

function TotalsRow({
  label,
  value,
  modifier,
  testId,
}: {
  label: string;
  value: MoneyValue;
  modifier?: string;
  testId?: string;
}) {
  return (
    <div className={`display-totals__row${modifier ? ` display-totals__row--${modifier}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        <Money value={value} size="lg" {...(testId ? { 'data-testid': testId } : {})} />
      </dd>
    </div>
  );
}

function Totals({ cart }: { cart: DisplayCart }) {
  const partlyPaid = cart.paid !== null && cart.due !== null;
  return (
    <dl className="display-totals" aria-label="Totals">
      {cart.subtotal && <TotalsRow label="Subtotal" value={cart.subtotal} testId="display-subtotal" />}
      {cart.discount && (
        <TotalsRow
          label="Discount"
          value={minus(cart.discount)}
          modifier="discount"
          testId="display-discount"
        />
      )}
      {cart.tax && (
        <TotalsRow
          label={cart.taxIncluded ? 'Tax (included)' : 'Tax'}
          value={cart.tax}
          testId="display-tax"
        />
      )}
      {cart.tip && <TotalsRow label="Tip" value={cart.tip} testId="display-tip" />}
      <div className="display-totals__row display-totals__row--total">
        <dt>Total</dt>
        <dd>
          <Money value={cart.total} size="display" data-testid="display-total" />
        </dd>
      </div>
      {partlyPaid && cart.paid && cart.due && (
        <>
          <TotalsRow label="Paid" value={minus(cart.paid)} testId="display-paid" />
          <div className="display-totals__row display-totals__row--due">
            <dt>Left to pay</dt>
            <dd>
              <Money value={cart.due} size="xl" data-testid="display-due" />
            </dd>
          </div>
        </>
      )}
      {cart.change && (
        <p className="display-totals__change" role="status">
          Your change <Money value={cart.change} size="lg" data-testid="display-change" />
        </p>
      )}
    </dl>
  );
}

function itemCount(cart: DisplayCart): string {
  const count = cart.lines.length;
  return count === 1 ? '1 item' : `${count} items`;
}

export function CartView({ cart }: { cart: DisplayCart }) {
  return (
    <div className="display-cart">
      <section className="display-cart__items" aria-label="Your sale">
        <header className="display-cart__heading">
          <h2>Your items</h2>
          <span>
            {cart.orderNumber !== null && <>Order {cart.orderNumber} · </>}
            {itemCount(cart)}
          </span>
        </header>
        {/* Column-reverse keeps the newest lines in view when the list is longer than the screen. */}
        <div className="display-cart__scroller">
          <ul className="display-cart__lines" aria-label="Your items">
            {cart.lines.map((line) => (
              <li key={line.id} className="display-cart__line">
                <span className="display-cart__qty">{line.quantity}×</span>
                <span className="display-cart__name">{line.name}</span>
                <Money value={line.total} size="lg" />
              </li>
            ))}
          </ul>
        </div>
      </section>
      <section className="display-cart__summary" aria-label="What to pay">
        <Totals cart={cart} />
        {cart.customerNote && (
          <p className="display-cart__note" data-testid="display-customer-note">
            {cart.customerNote}
          </p>
        )}
      </section>
    </div>
  );
}

function countdownText(expiresAt: string | null, now: Date): string | null {
  if (!expiresAt) return null;
  const leftMs = Date.parse(expiresAt) - now.getTime();
  if (!Number.isFinite(leftMs)) return null;
  if (leftMs <= 0) return 'Expired';
  const minutes = Math.floor(leftMs / 60_000);
  const seconds = Math.floor((leftMs % 60_000) / 1000);
  return `${minutes}:${String(seconds).padStart(2, '0')} left`;
}

const statusText: Record<DisplayPayment['status'], string> = {
  waiting: 'Waiting for your payment',
  seen: 'Payment seen — confirming',
  expired: 'This payment request expired. Ask the cashier for a new one.',
};

export function PaymentView({ payment }: { payment: DisplayPayment }) {
  const now = useNow('second');
  const countdown = payment.status === 'waiting' ? countdownText(payment.expiresAt, now) : null;
  return (
    <div className="display-payment">
      {payment.qrText && <QrCode text={payment.qrText} label={`QR code to pay with ${payment.method}`} />}
      <div className="display-payment__info">
        <p className="display-payment__method">Pay with {payment.method}</p>
        <Money value={payment.amount} size="display" />
        {payment.details.length > 0 && (
          <dl className="display-payment__details">
            {payment.details.map((detail) => (
              <div key={detail.label} className="display-payment__detail">
                <dt>{detail.label}</dt>
                <dd>{detail.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <p className={`display-payment__status display-payment__status--${payment.status}`} role="status">
          {statusText[payment.status]}
          {countdown && <span className="display-payment__countdown"> · {countdown}</span>}
        </p>
      </div>
    </div>
  );
}

export function ThanksView({
  total,
  change,
  note,
}: {
  total: MoneyValue | null;
  change: MoneyValue | null;
  /** The core's sentence for the customer (their store coin balance). */
  note?: string | null;
}) {
  return (
    <div className="display-thanks">
      <div className="display-thanks__icon" aria-hidden="true">
        <CheckIcon size={72} />
      </div>
      <h1 className="display-welcome__title">Thank you!</h1>
      {note && (
        <p className="display-thanks__note" data-testid="display-customer-note">
          {note}
        </p>
      )}
      {change ? (
        <p className="display-thanks__change" role="status">
          Paid — change <Money value={change} data-testid="display-change" />
        </p>
      ) : (
        <p className="display-thanks__change" role="status">
          Paid in full
        </p>
      )}
      {total && (
        <p className="display-welcome__sub">
          Total <Money value={total} data-testid="display-paid-total" />
        </p>
      )}
    </div>
  );
}

export function VoidedView() {
  return (
    <div className="display-thanks display-thanks--voided">
      <div className="display-thanks__icon" aria-hidden="true">
        <CloseIcon size={64} />
      </div>
      <h1 className="display-welcome__title">Sale cancelled</h1>
      <p className="display-welcome__sub">Nothing is due. Any payment taken has been handed back.</p>
    </div>
  );
}
