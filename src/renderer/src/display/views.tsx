/**
 * The customer display's four screens: welcome, the cart, the payment (QR, amount, countdown),
 * and thank-you. Each only shows what the store holds.
 */
import { CheckIcon, Money } from '../ui';
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

function Totals({ cart }: { cart: DisplayCart }) {
  return (
    <dl className="display-totals">
      {cart.subtotal && (
        <div className="display-totals__row">
          <dt>Subtotal</dt>
          <dd>
            <Money value={cart.subtotal} size="lg" />
          </dd>
        </div>
      )}
      {cart.discount && (
        <div className="display-totals__row">
          <dt>Discount</dt>
          <dd>
            <Money value={cart.discount} size="lg" />
          </dd>
        </div>
      )}
      {cart.tax && (
        <div className="display-totals__row">
          <dt>Tax</dt>
          <dd>
            <Money value={cart.tax} size="lg" />
          </dd>
        </div>
      )}
      <div className="display-totals__row display-totals__row--total">
        <dt>Total</dt>
        <dd>
          <Money value={cart.total} size="display" data-testid="display-total" />
        </dd>
      </div>
    </dl>
  );
}

export function CartView({ cart }: { cart: DisplayCart }) {
  return (
    <div className="display-cart">
      <ul className="display-cart__lines" aria-label="Your items">
        {cart.lines.map((line) => (
          <li key={line.id} className="display-cart__line">
            <span className="display-cart__qty">{line.quantity}×</span>
            <span className="display-cart__name">{line.name}</span>
            <Money value={line.total} size="lg" />
          </li>
        ))}
      </ul>
      <Totals cart={cart} />
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

export function ThanksView({ total }: { total: MoneyValue | null }) {
  return (
    <div className="display-thanks">
      <div className="display-thanks__icon" aria-hidden="true">
        <CheckIcon size={72} />
      </div>
      <h1 className="display-welcome__title">Thank you!</h1>
      {total && (
        <p className="display-welcome__sub">
          Paid <Money value={total} />
        </p>
      )}
    </div>
  );
}
