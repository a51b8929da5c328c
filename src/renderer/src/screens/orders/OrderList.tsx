/**
 * The list of orders: number, time, who rang it up, total and status; the chosen one is marked.
 * An open order has its own Void button. Loading, empty and error states keep the list's place.
 */
import { formatMoment } from '../../app/format';
import { Button, cx, EmptyState, Money, OrdersIcon, Spinner, StatusPill, useDisplayLocale } from '../../ui';
import { orderStatusLabels, orderStatusTones } from './ordersView';
import { type ListState, type OrderSummary } from './useOrders';

export interface OrderListProps {
  list: ListState;
  selectedId: string | null;
  filtered: boolean;
  loadingMore: boolean;
  onSelect: (order: OrderSummary) => void;
  onVoid: (order: OrderSummary) => void;
  onLoadMore: () => void;
  onRetry: () => void;
}

export function OrderList({
  list,
  selectedId,
  filtered,
  loadingMore,
  onSelect,
  onVoid,
  onLoadMore,
  onRetry,
}: OrderListProps) {
  const locale = useDisplayLocale();
  const now = new Date();

  if (list.kind === 'loading') {
    return (
      <div className="order-list__state">
        <Spinner size={32} label="Loading orders" />
      </div>
    );
  }
  if (list.kind === 'error') {
    return (
      <div className="order-list__state" role="alert">
        <p>{list.message}</p>
        <Button variant="primary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  if (list.orders.length === 0) {
    return (
      <EmptyState
        icon={<OrdersIcon />}
        title={filtered ? 'No orders match' : 'No orders yet'}
        headingLevel={2}
      >
        <p>
          {filtered
            ? 'Try another number or status.'
            : 'Sales rung up at the checkout show here, with their payments, receipts and refunds.'}
        </p>
      </EmptyState>
    );
  }

  return (
    <>
      <ul className="order-list" aria-label="Orders">
        {list.orders.map((order) => {
          const selected = order.id === selectedId;
          return (
            <li key={order.id} className={cx('order-row', selected && 'is-selected')}>
              <button
                type="button"
                className="order-row__main"
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(order)}
              >
                <span className="order-row__number">#{order.number}</span>
                <span className="order-row__when">
                  <span>{formatMoment(order.createdAt, locale, now)}</span>
                  <span className="order-row__staff">
                    {order.createdBy.name}
                    {order.carriedOver && ' · carried over'}
                  </span>
                </span>
                <Money
                  value={{ amount: order.totalMinor, asset: order.currency }}
                  className="order-row__total"
                />
                <StatusPill tone={orderStatusTones[order.status]} className="order-row__status">
                  {orderStatusLabels[order.status]}
                </StatusPill>
              </button>
              {order.status === 'open' && (
                <Button
                  variant="ghost"
                  className="order-row__void"
                  aria-label={`Void order #${order.number}`}
                  onClick={() => onVoid(order)}
                >
                  Void
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {list.total > list.orders.length && (
        <div className="order-list__more">
          <Button variant="secondary" loading={loadingMore} onClick={onLoadMore}>
            Show more ({list.total - list.orders.length} left)
          </Button>
        </div>
      )}
    </>
  );
}
