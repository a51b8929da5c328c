/**
 * One order in full: its lines (with what was refunded), the totals as the core priced them, the
 * payments and refunds, and the receipt; with Print receipt, Save PDF, Refund (paid orders) and
 * Void (open ones).
 */
import { formatMoment } from '../../app/format';
import { Button, cx, DownloadIcon, Money, PrintIcon, StatusPill, useDisplayLocale } from '../../ui';
import { negated, totalsRows } from '../checkout/cartView';
import { canRefund, orderStatusLabels, orderStatusTones, paymentKindLabels } from './ordersView';
import { ReceiptPreview } from './ReceiptPreview';
import { RefundStatus } from './RefundStatus';
import { useReceiptActions } from './useReceiptActions';
import { type OrderView } from './useOrders';

export interface OrderDetailProps {
  order: OrderView;
  onRefund: () => void;
  onVoid: () => void;
}

export function OrderDetail({ order, onRefund, onVoid }: OrderDetailProps) {
  const locale = useDisplayLocale();
  const now = new Date();
  const { busy, print, savePdf } = useReceiptActions(order);
  const money = (amount: string) => ({ amount, asset: order.currency });
  const hasReceipt = order.status !== 'open';

  return (
    <article className="order-detail" aria-labelledby="order-detail-title">
      <header className="order-detail__header">
        <div>
          <h2 id="order-detail-title" className="order-detail__title">
            Sale #{order.number}{' '}
            <StatusPill tone={orderStatusTones[order.status]}>{orderStatusLabels[order.status]}</StatusPill>
          </h2>
          <p className="order-detail__sub">
            {formatMoment(order.createdAt, locale, now)} · rung up by {order.createdBy.name}
            {order.carriedOver && ' · carried over from an earlier shift'}
            {order.voidReason && ` · Voided: ${order.voidReason}`}
          </p>
        </div>
        <div className="order-detail__actions">
          {hasReceipt && (
            <>
              <Button
                icon={<PrintIcon size={20} />}
                loading={busy === 'print'}
                disabled={busy !== null}
                onClick={() => void print()}
              >
                Print receipt
              </Button>
              <Button
                icon={<DownloadIcon size={20} />}
                loading={busy === 'pdf'}
                disabled={busy !== null}
                onClick={() => void savePdf()}
              >
                Save PDF
              </Button>
            </>
          )}
          {canRefund(order) && (
            <Button variant="primary" onClick={onRefund}>
              Refund
            </Button>
          )}
          {order.status === 'open' && (
            <Button variant="danger" onClick={onVoid}>
              Void
            </Button>
          )}
        </div>
      </header>

      <div className="order-detail__body">
        <section aria-label="Items" className="order-detail__section">
          <ul className="detail-lines">
            {order.lines.map((line) => (
              <li key={line.id} className="detail-lines__row">
                <span className="detail-lines__name">
                  {line.name}
                  <span className="detail-lines__meta">
                    {line.quantity} × <Money value={money(line.unitPriceMinor)} size="sm" />
                    {line.lineDiscountMinor !== '0' && (
                      <>
                        {' · '}
                        <Money value={money(negated(line.lineDiscountMinor))} size="sm" /> discount
                      </>
                    )}
                    {line.refundedQuantity > 0 && (
                      <span className="detail-lines__refunded"> · {line.refundedQuantity} refunded</span>
                    )}
                  </span>
                </span>
                <Money value={money(line.grossMinor)} />
              </li>
            ))}
            {order.lines.length === 0 && <li className="detail-lines__empty">No items.</li>}
          </ul>
          <dl className="totals order-detail__totals">
            {totalsRows(order).map((row) => (
              <div key={row.key} className={cx('totals__row', `totals__row--${row.kind}`)}>
                <dt>{row.label}</dt>
                <dd>
                  <Money value={money(row.amountMinor)} size={row.kind === 'total' ? 'lg' : 'md'} />
                </dd>
              </div>
            ))}
            {order.refundedMinor !== '0' && (
              <div className="totals__row totals__row--discount">
                <dt>Refunded</dt>
                <dd>
                  <Money value={money(negated(order.refundedMinor))} />
                </dd>
              </div>
            )}
          </dl>
        </section>

        {order.payments.length > 0 && (
          <section aria-labelledby="payments-title" className="order-detail__section">
            <h3 id="payments-title" className="order-detail__heading">
              Payments
            </h3>
            <ul className="detail-events">
              {order.payments.map((payment) => (
                <li key={payment.id} className="detail-events__row">
                  <span>
                    <span>
                      <strong>{paymentKindLabels[payment.kind] ?? payment.kind}</strong>
                      {payment.status !== 'succeeded' && ` · ${payment.status.replace(/_/g, ' ')}`}
                    </span>
                    <span className="detail-events__meta">
                      {formatMoment(payment.createdAt, locale, now)} · taken by {payment.createdBy.name}
                      {payment.tenderedMinor !== null && (
                        <>
                          {' · '}tendered <Money value={money(payment.tenderedMinor)} size="sm" />
                        </>
                      )}
                      {payment.changeMinor !== null && payment.changeMinor !== '0' && (
                        <>
                          {' · '}change <Money value={money(payment.changeMinor)} size="sm" />
                        </>
                      )}
                    </span>
                  </span>
                  <Money value={money(payment.amountMinor)} />
                </li>
              ))}
            </ul>
          </section>
        )}

        {order.refunds.length > 0 && (
          <section aria-labelledby="refunds-title" className="order-detail__section">
            <h3 id="refunds-title" className="order-detail__heading">
              Refunds
            </h3>
            <ul className="detail-events">
              {order.refunds.map((refund) => (
                <li key={refund.id} className="detail-events__row">
                  <span>
                    <strong>{refund.reason}</strong> <RefundStatus refund={refund} />
                    <span className="detail-events__meta">
                      {refund.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}
                    </span>
                    <span className="detail-events__meta">
                      {formatMoment(refund.createdAt, locale, now)} · {refund.createdBy.name}
                      {refund.approvedBy && refund.approvedBy.staffId !== refund.createdBy.staffId
                        ? ` · approved by ${refund.approvedBy.name}`
                        : ''}
                      {' · '}
                      {paymentKindLabels[refund.tender] ?? refund.tender}
                    </span>
                  </span>
                  <Money value={money(negated(refund.amountMinor))} signed />
                </li>
              ))}
            </ul>
          </section>
        )}

        {hasReceipt && (
          <section aria-labelledby="receipt-title" className="order-detail__section">
            <h3 id="receipt-title" className="order-detail__heading">
              Receipt
            </h3>
            <ReceiptPreview orderId={order.id} version={order.updatedAt} />
          </section>
        )}
      </div>
    </article>
  );
}
