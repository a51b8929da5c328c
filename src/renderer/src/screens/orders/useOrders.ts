/**
 * The orders screen's data: the list (by status and number, 50 at a time, "load more"), and one
 * order in full; both follow the core's order.updated events so a sale rung up or refunded on this
 * or another till shows without a reload.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiOutput } from '../../../../shared/api';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { errorMessage } from '../../ui';
import { normalizeOrderSearch, type StatusFilter } from './ordersView';

export type OrderSummary = ApiOutput<'orders.list'>['orders'][number];
export type OrderView = ApiOutput<'orders.get'>['order'];

export type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; orders: OrderSummary[]; total: number };

export const orderPageSize = 50;

/** Waits this long after the last order.updated before reading the list again. */
const eventSettleMs = 250;

export function useOrderList(status: StatusFilter, search: string) {
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const shownCount = useRef(orderPageSize);
  const request = useRef(0);

  const load = useCallback(
    async (limit: number) => {
      const id = ++request.current;
      const term = normalizeOrderSearch(search);
      try {
        const result = await client.invoke('orders.list', {
          limit: Math.min(500, Math.max(orderPageSize, limit)),
          ...(status === 'all' ? {} : { status }),
          ...(term ? { search: term } : {}),
        });
        if (id !== request.current) return;
        shownCount.current = Math.max(orderPageSize, result.orders.length);
        setList({ kind: 'loaded', orders: result.orders, total: result.total });
      } catch (error) {
        if (id === request.current) setList({ kind: 'error', message: errorMessage(error) });
      }
    },
    [status, search],
  );

  // A new filter starts from the first page; typing waits a moment before asking.
  useEffect(() => {
    shownCount.current = orderPageSize;
    const timer = setTimeout(() => void load(orderPageSize), search ? 200 : 0);
    return () => clearTimeout(timer);
  }, [load, search]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = client.on('order.updated', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(shownCount.current), eventSettleMs);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [load]);

  const loadMore = useCallback(async () => {
    setLoadingMore(true);
    try {
      await load(shownCount.current + orderPageSize);
    } finally {
      setLoadingMore(false);
    }
  }, [load]);

  const reload = useCallback(() => {
    setList({ kind: 'loading' });
    void load(shownCount.current);
  }, [load]);

  return { list, loadingMore, loadMore, reload };
}

export type DetailState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; order: OrderView };

/**
 * One order in full (null: none chosen), through useCoreData: read again when the core says it
 * changed (order.updated for this order). `show` puts an order the core just answered with on
 * screen at once (a refund's result), until the next read.
 */
export function useOrder(orderId: string | null) {
  const [version, setVersion] = useState(0);
  const load = useCallback(
    async () => (orderId ? (await client.invoke('orders.get', { orderId })).order : null),
    // `version` is an input: a change of this order reads it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [orderId, version],
  );
  const loaded = useCoreData(load);
  const [shown, setShown] = useState<OrderView | null>(null);
  const loadedOrder = loaded.kind === 'ready' ? loaded.data : null;
  useEffect(() => setShown(null), [loadedOrder]);

  useEffect(() => {
    if (!orderId) return;
    return client.on('order.updated', (payload) => {
      if (payload.orderId === orderId) setVersion((v) => v + 1);
    });
  }, [orderId]);

  let detail: DetailState;
  if (!orderId) detail = { kind: 'none' };
  else if (shown && shown.id === orderId) detail = { kind: 'loaded', order: shown };
  else if (loaded.kind === 'error') detail = { kind: 'error', message: loaded.message };
  // Another order's answer still on screen while this one loads: loading, not the wrong order.
  else if (loaded.kind === 'ready' && loaded.data?.id === orderId)
    detail = { kind: 'loaded', order: loaded.data };
  else detail = { kind: 'loading' };

  const show = useCallback((order: OrderView) => setShown(order), []);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { detail, show, reload };
}
