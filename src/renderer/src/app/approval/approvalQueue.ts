/**
 * The queue behind the manager approval dialog, as a small zustand store that knows nothing of
 * React or of the core: `request` adds an approval request and returns a promise of the token (or
 * null when cancelled); the dialog shows `current`, then calls `grant` or `cancel`. Requests made
 * while one is showing wait their turn.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type ApprovalAction } from '../../../../shared/api/staff';

export interface ApprovalRequest {
  /** What is to be approved; the token the core gives back is bound to it. */
  action: ApprovalAction;
  /**
   * What exactly is approved: the order id, the shift id (the token is bound to it). When absent,
   * the `ref` of the core's approval_required answer is used (runWithApproval).
   */
  ref?: string;
  /** Why approval is asked, shown under the title: "A 25% discount is over the store's limit." */
  reason: string;
  /** The discount before and after the change, as the core sent them (minor units), to show the manager. */
  amounts?: { beforeMinor: string; afterMinor: string; currency: string };
  /** What is approved, as the manager reads it: "Order: Sale #1001", "Refund: $3.54" (the core's figures). */
  facts?: readonly { label: string; value: string }[];
}

export interface PendingApproval {
  id: number;
  request: ApprovalRequest;
}

export interface ApprovalQueueState {
  current: PendingApproval | null;
  waiting: PendingApproval[];
}

export interface ApprovalQueue {
  store: StoreApi<ApprovalQueueState>;
  request(request: ApprovalRequest): Promise<string | null>;
  /** The dialog got a token for request `id`. */
  grant(id: number, approval: string): void;
  /** The person cancelled request `id`. */
  cancel(id: number): void;
  /** Cancels every request (the till locked, or the session ended). */
  cancelAll(): void;
}

export function createApprovalQueue(): ApprovalQueue {
  const store = createStore<ApprovalQueueState>()(() => ({ current: null, waiting: [] }));
  const resolvers = new Map<number, (approval: string | null) => void>();
  let nextId = 1;

  const settle = (id: number, approval: string | null) => {
    const resolve = resolvers.get(id);
    resolvers.delete(id);
    const { current, waiting } = store.getState();
    if (current?.id === id) {
      const [next = null, ...rest] = waiting;
      store.setState({ current: next, waiting: rest });
    } else {
      store.setState({ waiting: waiting.filter((pending) => pending.id !== id) });
    }
    resolve?.(approval);
  };

  return {
    store,
    request(request) {
      const id = nextId++;
      const pending: PendingApproval = { id, request };
      return new Promise<string | null>((resolve) => {
        resolvers.set(id, resolve);
        const { current, waiting } = store.getState();
        if (current) store.setState({ waiting: [...waiting, pending] });
        else store.setState({ current: pending });
      });
    },
    grant: (id, approval) => settle(id, approval),
    cancel: (id) => settle(id, null),
    cancelAll() {
      const { current, waiting } = store.getState();
      const all = [...(current ? [current] : []), ...waiting];
      store.setState({ current: null, waiting: [] });
      for (const pending of all) {
        const resolve = resolvers.get(pending.id);
        resolvers.delete(pending.id);
        resolve?.(null);
      }
    },
  };
}
