/**
 * The cart: the open order of this till as the core priced it, in a zustand store. The order is
 * created at the first line (`orders.create`) and its id remembered in the page's storage, so a
 * reload carries on with the same cart. Every change goes to the core one after another (a queue,
 * so fast taps land in order) and the store shows the order the core answers with. Changes that
 * need a manager go through the approval dialog and are retried with the token.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiCallError, type ApiInput, type TillpointClient } from '../../../../shared/api';
import { type ApprovalRequest } from '../../app/approval/approvalQueue';
import { formatMoney } from '../../../../shared/money';
import { localeStore } from '../../ui/locale';
import { type Discount, type OrderView, type Tip } from './types';

export interface CheckoutState {
  /** The open order (the cart), or null before the first line. */
  order: OrderView | null;
  /** True while the remembered order is being read back after a reload. */
  restoring: boolean;
  /** How many cart changes are on their way to the core. */
  pending: number;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface CheckoutDeps {
  client: TillpointClient;
  storage: KeyValueStorage;
  /** Runs a call that may need a manager's approval (see app/approval). */
  withApproval: <T>(
    run: (approval: string | undefined) => Promise<T>,
    request: ApprovalRequest,
  ) => Promise<T | null>;
}

export type AddLineItem =
  { variantId: string } | { barcode: string } | { custom: { name: string; unitPrice: string } };

export interface CheckoutStore {
  store: StoreApi<CheckoutState>;
  /** Reads the remembered order back (after a reload); forgets it unless it is still open. */
  restore(): Promise<void>;
  /**
   * The changes below may need a manager too (a discount that goes over the limit with fewer items, a
   * custom item above the price threshold): the core says so and the approval dialog asks; null when
   * it was cancelled.
   */
  addLine(item: AddLineItem, quantity?: number): Promise<OrderView | null>;
  setQuantity(lineId: string, quantity: number): Promise<OrderView | null>;
  /** Sets a line's quantity and discount at once; null when a needed approval was cancelled. */
  updateLine(
    lineId: string,
    change: { quantity?: number; discount?: Discount | null },
    reason: string,
  ): Promise<OrderView | null>;
  removeLine(lineId: string): Promise<OrderView | null>;
  setDiscount(discount: Discount | null, reason: string): Promise<OrderView | null>;
  setTip(tip: Tip | null): Promise<OrderView>;
  /** Voids the cart; null when a needed approval was cancelled. */
  voidOrder(reason: string): Promise<OrderView | null>;
  /** Shows the order a payment answered with (it may now be paid). */
  applyOrder(order: OrderView): void;
  /** Reads the cart again (after an order.updated event). */
  refresh(): Promise<void>;
  /** Forgets the cart (after a paid or voided sale): the next line starts a new order. */
  clear(): void;
}

export const openOrderStorageKey = 'tillpoint.checkout.openOrderId';

export function createCheckoutStore(deps: CheckoutDeps): CheckoutStore {
  const { client, storage } = deps;
  const store = createStore<CheckoutState>()(() => ({ order: null, restoring: false, pending: 0 }));
  let queue: Promise<unknown> = Promise.resolve();

  const remember = (orderId: string | null) => {
    try {
      if (orderId) storage.setItem(openOrderStorageKey, orderId);
      else storage.removeItem(openOrderStorageKey);
    } catch {
      // Storage unavailable: the cart then lasts until the page reloads.
    }
  };

  const show = (order: OrderView | null) => {
    store.setState({ order });
    remember(order && order.status === 'open' ? order.id : null);
  };

  /** Runs cart changes one after another; each sees the order the previous one left. */
  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    store.setState((state) => ({ pending: state.pending + 1 }));
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run.finally(() => store.setState((state) => ({ pending: state.pending - 1 })));
  }

  const currentOpenId = (): string | null => {
    const order = store.getState().order;
    return order && order.status === 'open' ? order.id : null;
  };

  /** After a refused change the cart may have moved on (paid or voided elsewhere): read it again. */
  const resync = async (error: unknown) => {
    const orderId = currentOpenId();
    if (!orderId || !(error instanceof ApiCallError)) return;
    if (error.code !== 'conflict' && error.code !== 'not_found') return;
    try {
      const { order } = await client.invoke('orders.get', { orderId });
      show(order.status === 'open' ? order : null);
    } catch {
      show(null);
    }
  };

  /** Runs a change on the open order (`create`: start one when there is none). */
  function change<T extends { order: OrderView } | null>(
    run: (orderId: string) => Promise<T>,
    create = false,
  ): Promise<T> {
    return enqueue(async () => {
      let orderId = currentOpenId();
      if (!orderId) {
        if (!create)
          throw new ApiCallError({ code: 'conflict', message: 'There is no open sale to change.' });
        const { order } = await client.invoke('orders.create', {});
        show(order);
        orderId = order.id;
      }
      try {
        const result = await run(orderId);
        if (result) show(result.order);
        return result;
      } catch (error) {
        await resync(error);
        throw error;
      }
    });
  }

  /** What the manager approves for a void: the order, its items and total as the core priced them. */
  const voidFacts = (): { label: string; value: string }[] => {
    const order = store.getState().order;
    if (!order) return [];
    const items = order.lines.reduce((sum, line) => sum + line.quantity, 0);
    return [
      { label: 'Order', value: `Sale #${order.number}` },
      { label: 'Items', value: String(items) },
      {
        label: 'Total',
        value: formatMoney(BigInt(order.totals.totalMinor), order.currency, localeStore.getState().locale),
      },
    ];
  };

  const orderOf = (result: { order: OrderView }) => result.order;
  const orderOrNull = (result: { order: OrderView } | null) => (result ? result.order : null);

  /**
   * A cart change the core may refuse with approval_required: the dialog asks a manager (in the
   * core's words, with the discount before and after) and the change runs again with the token.
   */
  const approved = <T>(orderId: string, run: (approval: string | undefined) => Promise<T>) =>
    deps.withApproval(run, { action: 'discount_over_limit', ref: orderId, reason: '' });

  return {
    store,
    async restore() {
      let orderId: string | null;
      try {
        orderId = storage.getItem(openOrderStorageKey);
      } catch {
        orderId = null;
      }
      if (!orderId || currentOpenId()) return;
      store.setState({ restoring: true });
      try {
        const { order } = await client.invoke('orders.get', { orderId });
        show(order.status === 'open' ? order : null);
      } catch (error) {
        // Gone (another database) or refused: start afresh; a network failure keeps the id.
        if (error instanceof ApiCallError && error.code !== 'unavailable') remember(null);
      } finally {
        store.setState({ restoring: false });
      }
    },
    addLine: (item, quantity = 1) =>
      change(
        (orderId) =>
          approved(orderId, (approval) => {
            const input: ApiInput<'orders.addLine'> = {
              orderId,
              quantity,
              ...item,
              ...(approval ? { approval } : {}),
            };
            return client.invoke('orders.addLine', input);
          }),
        true,
      ).then(orderOrNull),
    setQuantity: (lineId, quantity) =>
      change((orderId) =>
        approved(orderId, (approval) =>
          client.invoke('orders.updateLine', {
            orderId,
            lineId,
            quantity,
            ...(approval ? { approval } : {}),
          }),
        ),
      ).then(orderOrNull),
    updateLine: (lineId, update, reason) =>
      change((orderId) =>
        deps.withApproval(
          (approval) =>
            client.invoke('orders.updateLine', {
              orderId,
              lineId,
              ...update,
              ...(approval ? { approval } : {}),
            }),
          { action: 'discount_over_limit', ref: orderId, reason },
        ),
      ).then(orderOrNull),
    removeLine: (lineId) =>
      change((orderId) =>
        approved(orderId, (approval) =>
          client.invoke('orders.removeLine', { orderId, lineId, ...(approval ? { approval } : {}) }),
        ),
      ).then(orderOrNull),
    setDiscount: (discount, reason) =>
      change((orderId) =>
        deps.withApproval(
          (approval) =>
            client.invoke('orders.setDiscount', { orderId, discount, ...(approval ? { approval } : {}) }),
          { action: 'discount_over_limit', ref: orderId, reason },
        ),
      ).then(orderOrNull),
    setTip: (tip) => change((orderId) => client.invoke('orders.setTip', { orderId, tip })).then(orderOf),
    voidOrder: (reason) =>
      change((orderId) =>
        deps.withApproval(
          (approval) => client.invoke('orders.void', { orderId, reason, ...(approval ? { approval } : {}) }),
          { action: 'void', ref: orderId, reason: `Void this sale: ${reason}`, facts: voidFacts() },
        ),
      ).then((result) => {
        if (result) show(null);
        return orderOrNull(result);
      }),
    applyOrder(order) {
      store.setState({ order });
      remember(order.status === 'open' ? order.id : null);
    },
    async refresh() {
      const orderId = currentOpenId();
      if (!orderId) return;
      await enqueue(async () => {
        const { order } = await client.invoke('orders.get', { orderId });
        // A paid order stays shown (the payment dialog may be on it); the next line starts a new one.
        show(order);
      });
    },
    clear() {
      show(null);
    },
  };
}
