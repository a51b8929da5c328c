/**
 * The simulator's memory: every object by type in the order made, the clock, and the events that
 * each change records (Stripe's `event` objects; delivered signed to a webhook endpoint when one is
 * set). Lists page as Stripe's do: newest first, `limit`, `starting_after`, `ending_before`.
 */
import { invalid, missing } from './errors';
import { str, type FormObject } from './form';
import { event, type Json, type SimObject } from './objects';

export interface RequestInfo {
  requestId: string | null;
  idempotencyKey: string | null;
  apiVersion: string | null;
}

export type EventListener = (event: SimObject) => void;

const kinds: Record<string, string> = {
  pi: 'payment_intent',
  ch: 'charge',
  re: 'refund',
  txn: 'balance_transaction',
  po: 'payout',
  tml: 'terminal.location',
  tmr: 'terminal.reader',
  cs: 'checkout.session',
  evt: 'event',
};

export class SimStore {
  private readonly byType = new Map<string, Map<string, SimObject>>();
  private readonly listeners = new Set<EventListener>();
  request: RequestInfo = { requestId: null, idempotencyKey: null, apiVersion: null };
  /** How long a refund made through the API stays `pending` before it succeeds (0: succeeded at once). */
  refundPendingMs = 0;
  /** Refunds still `pending`, by id, with the moment (ms) they succeed. */
  private readonly dueRefunds = new Map<string, number>();

  constructor(readonly nowMs: () => number) {}

  /** A refund Stripe processes later: `pending` now, `succeeded` at the first request after `refundPendingMs`. */
  holdRefund(refund: SimObject): void {
    if (this.refundPendingMs <= 0) return;
    refund.status = 'pending';
    this.dueRefunds.set(refund.id, this.nowMs() + this.refundPendingMs);
  }

  /** Refunds whose time has come succeed (`refund.updated`); run before every request. */
  settleDueRefunds(): void {
    const now = this.nowMs();
    for (const [id, dueMs] of this.dueRefunds) {
      if (dueMs > now) continue;
      this.dueRefunds.delete(id);
      const refund = this.find('refund', id);
      if (!refund || refund.status !== 'pending') continue;
      refund.status = 'succeeded';
      this.emit('refund.updated', refund, { status: 'pending' });
    }
  }

  /** Unix seconds, as Stripe's `created`. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  put(object: SimObject): SimObject {
    let map = this.byType.get(object.object);
    if (!map) this.byType.set(object.object, (map = new Map()));
    map.set(object.id, object);
    return object;
  }

  find(type: string, id: string): SimObject | undefined {
    return this.byType.get(type)?.get(id);
  }

  get(type: string, id: string, param = 'id'): SimObject {
    const found = this.find(type, id);
    if (!found) throw missing(type.replace('terminal.', 'terminal ').replace('_', ' '), id, param);
    return found;
  }

  remove(type: string, id: string): void {
    this.byType.get(type)?.delete(id);
  }

  /** Any object by the prefix of its id (for `expand`). */
  byId(id: string): SimObject | undefined {
    const type = kinds[id.slice(0, id.indexOf('_'))];
    return type ? this.find(type, id) : undefined;
  }

  all(type: string): SimObject[] {
    return [...(this.byType.get(type)?.values() ?? [])];
  }

  /** A page of a list, newest first, filtered. */
  list(type: string, url: string, query: FormObject, filter: (o: SimObject) => boolean = () => true) {
    const limitText = str(query, 'limit') ?? '10';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 100) {
      throw invalid('This value must be between 1 and 100.', { param: 'limit' });
    }
    let items = this.all(type).filter(filter).reverse();
    const after = str(query, 'starting_after');
    const before = str(query, 'ending_before');
    if (after) {
      const index = items.findIndex((o) => o.id === after);
      if (index < 0) throw missing(type, after, 'starting_after');
      items = items.slice(index + 1);
    } else if (before) {
      const index = items.findIndex((o) => o.id === before);
      if (index < 0) throw missing(type, before, 'ending_before');
      items = items.slice(Math.max(0, index - limit), index);
    }
    return { object: 'list', data: items.slice(0, limit), has_more: items.length > limit, url };
  }

  /** Records an event about an object as it is now. */
  emit(type: string, object: SimObject, previous?: Record<string, Json>): SimObject {
    const made = event({
      type,
      object: JSON.parse(JSON.stringify(object)) as Json,
      ...(previous ? { previous } : {}),
      created: this.now(),
      ...this.request,
    });
    this.put(made);
    for (const listener of this.listeners) listener(made);
    return made;
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
