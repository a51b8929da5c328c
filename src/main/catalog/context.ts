/** What every part of the catalog shares: the database, the clock, the id maker, and the events. */
import { monotonicFactory } from 'ulid';
import { type CoreDeps } from '../kernel';

export interface CatalogContext {
  readonly deps: CoreDeps;
  /** A new ULID; monotonic, so ids made later sort later even within one millisecond. */
  newId(): string;
  /** The core's clock as an ISO string. */
  nowIso(): string;
  /** Tells listeners that these products changed; call it after the transaction has committed. */
  announce(productIds: Iterable<string>): void;
}

export function createCatalogContext(deps: CoreDeps): CatalogContext {
  const ulid = monotonicFactory();
  return {
    deps,
    newId: () => ulid(deps.now().getTime()),
    nowIso: () => deps.now().toISOString(),
    announce(productIds) {
      deps.events.emit('catalog.updated', { productIds: [...new Set(productIds)].sort() });
    },
  };
}

/** `?, ?, ?` for an IN list of this many values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** SQLite stores booleans as 0/1. */
export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}
