/**
 * Orders: every sale on this till, newest first, filtered by status or found by number; the chosen
 * one (its id in the address, /orders/<id>) in full beside the list, with its receipt, refunds and
 * voids.
 */
import { useState } from 'react';
import { withApproval } from '../../app/approval';
import { navigate, useRoute } from '../../app/router';
import { useTillName } from '../../app/useTillName';
import { client } from '../../api';
import {
  Button,
  EmptyState,
  formatAmount,
  OrdersIcon,
  PageHeader,
  SearchIcon,
  SegmentedControl,
  Spinner,
  toast,
  useDisplayLocale,
} from '../../ui';
import { OrderDetail } from './OrderDetail';
import { OrderList } from './OrderList';
import { type StatusFilter, statusFilters } from './ordersView';
import { RefundDialog } from './RefundDialog';
import { useOrder, useOrderList } from './useOrders';
import { VoidOrderDialog, type VoidOrderDialogProps } from './VoidOrderDialog';
import '../checkout/forms.css';
import '../checkout/cart.css';
import './orders.css';

type VoidTarget = NonNullable<VoidOrderDialogProps['order']>;

export function OrdersScreen() {
  const route = useRoute();
  const selectedId = route.section === 'orders' ? (route.rest[0] ?? null) : null;
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');
  const { list, loadingMore, loadMore, reload } = useOrderList(status, search);
  const { detail, show } = useOrder(selectedId);
  const tillName = useTillName();
  const [refunding, setRefunding] = useState(false);
  const [voiding, setVoiding] = useState<VoidTarget | null>(null);
  const locale = useDisplayLocale();

  const select = (orderId: string | null) =>
    navigate({ section: 'orders', rest: orderId ? [orderId] : [] }, { replace: selectedId !== null });

  const voidOrder = async (target: VoidTarget, reason: string) => {
    try {
      const result = await withApproval(
        (approval) =>
          client.invoke('orders.void', { orderId: target.id, reason, ...(approval ? { approval } : {}) }),
        {
          action: 'void',
          ref: target.id,
          reason: `Void sale #${target.number}: ${reason}`,
          facts: [
            { label: 'Order', value: `Sale #${target.number}` },
            { label: 'Items', value: String(target.lineCount) },
            {
              label: 'Total',
              value: formatAmount({ amount: target.totalMinor, asset: target.currency }, locale).text,
            },
          ],
        },
      );
      if (!result) return;
      toast.success(`Sale #${target.number} voided.`);
      setVoiding(null);
      if (result.order.id === selectedId) show(result.order);
      reload();
    } catch (error) {
      toast.error(error, { title: 'The sale was not voided' });
      throw error;
    }
  };

  return (
    <div className="orders-screen">
      <PageHeader
        title="Orders"
        description={
          tillName ? `Sales, refunds and receipts on ${tillName}.` : 'Sales, refunds and receipts.'
        }
      />
      <div className="orders-filters">
        <div className="orders-filters__search">
          <SearchIcon size={20} className="orders-filters__icon" />
          <input
            type="search"
            className="input"
            aria-label="Search orders"
            placeholder="Order number, item or SKU"
            value={search}
            autoComplete="off"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <SegmentedControl<StatusFilter>
          label="Status"
          className="orders-filters__status"
          value={status}
          onValueChange={setStatus}
          options={statusFilters}
        />
      </div>

      <div className="orders-panes">
        <section className="orders-pane orders-pane--list" aria-label="Order list">
          <OrderList
            list={list}
            selectedId={selectedId}
            filtered={status !== 'all' || search.trim() !== ''}
            loadingMore={loadingMore}
            onSelect={(order) => select(order.id)}
            onVoid={(order) =>
              setVoiding({
                id: order.id,
                number: order.number,
                currency: order.currency,
                totalMinor: order.totalMinor,
                lineCount: order.itemCount,
              })
            }
            onLoadMore={() => void loadMore()}
            onRetry={reload}
          />
        </section>
        <section className="orders-pane orders-pane--detail" aria-label="Order details">
          {detail.kind === 'none' && (
            <EmptyState icon={<OrdersIcon />} title="Pick an order" headingLevel={2}>
              <p>Its items, payments, refunds and receipt show here.</p>
            </EmptyState>
          )}
          {detail.kind === 'loading' && (
            <div className="orders-pane__state">
              <Spinner size={32} label="Loading the order" />
            </div>
          )}
          {detail.kind === 'error' && (
            <div className="orders-pane__state" role="alert">
              <p>{detail.message}</p>
              <Button variant="secondary" onClick={() => select(null)}>
                Back to the list
              </Button>
            </div>
          )}
          {detail.kind === 'loaded' && (
            <OrderDetail
              order={detail.order}
              onRefund={() => setRefunding(true)}
              onVoid={() =>
                setVoiding({
                  id: detail.order.id,
                  number: detail.order.number,
                  currency: detail.order.currency,
                  totalMinor: detail.order.totals.totalMinor,
                  lineCount: detail.order.lines.reduce((sum, line) => sum + line.quantity, 0),
                })
              }
            />
          )}
        </section>
      </div>

      <RefundDialog
        order={refunding && detail.kind === 'loaded' ? detail.order : null}
        onClose={() => setRefunding(false)}
        onRefunded={(order) => {
          setRefunding(false);
          show(order);
          reload();
        }}
      />
      <VoidOrderDialog
        order={voiding}
        onClose={() => setVoiding(null)}
        onVoid={(reason) => (voiding ? voidOrder(voiding, reason) : Promise.resolve())}
      />
    </div>
  );
}
