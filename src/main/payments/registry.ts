/**
 * The tender registry: each tender plugs in by registering its adapter (cash with the core; card,
 * crypto and coins from their own domains). The checkout lists what `describe()` reports.
 */
import { TillpointError } from '../../shared/api/errors';
import { type TenderAdapter, type TenderKind, type TenderState } from './tender';

export interface TenderInfo {
  readonly kind: TenderKind;
  readonly label: string;
  readonly state: TenderState;
  readonly reason: string | null;
  readonly settlesAtOnce: boolean;
}

export interface TenderRegistry {
  register(adapter: TenderAdapter): void;
  /** The adapter of a kind; `unavailable` when no such tender is set up on this till. */
  get(kind: TenderKind): TenderAdapter;
  has(kind: TenderKind): boolean;
  all(): TenderAdapter[];
  describe(): TenderInfo[];
}

const kindPattern = /^[a-z][a-z0-9_]{0,31}$/;

export function createTenderRegistry(): TenderRegistry {
  const adapters = new Map<TenderKind, TenderAdapter>();
  return {
    register(adapter) {
      if (!kindPattern.test(adapter.kind)) {
        throw new Error(`A tender's kind must be a short lower-case name, not "${adapter.kind}".`);
      }
      if (adapters.has(adapter.kind)) throw new Error(`A ${adapter.kind} tender is registered already.`);
      adapters.set(adapter.kind, adapter);
    },
    get(kind) {
      const found = adapters.get(kind);
      if (!found) {
        throw new TillpointError(
          'unavailable',
          `This till cannot take ${kind} payments: no such tender is set up.`,
          {
            kind,
            reason: 'no_such_tender',
          },
        );
      }
      return found;
    },
    has: (kind) => adapters.has(kind),
    all: () => [...adapters.values()],
    describe: () =>
      [...adapters.values()].map((adapter) => {
        let state: { state: TenderState; reason: string | null };
        try {
          state = adapter.state();
        } catch (error) {
          state = { state: 'offline', reason: error instanceof Error ? error.message : String(error) };
        }
        return {
          kind: adapter.kind,
          label: adapter.label,
          state: state.state,
          reason: state.reason,
          settlesAtOnce: adapter.decideAtOnce !== undefined,
        };
      }),
  };
}
