/** The states of data a screen loads from the core (see coreData.ts), pure. */
export type CoreData<T> =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; refreshing: boolean }
  | { kind: 'ready'; data: T; refreshing: boolean };

export type CoreDataEvent<T> =
  { type: 'start' } | { type: 'loaded'; data: T } | { type: 'failed'; message: string };

/** The next state: a refresh keeps what is shown (marked refreshing); a failure keeps no stale data. */
export function coreDataStep<T>(state: CoreData<T>, event: CoreDataEvent<T>): CoreData<T> {
  switch (event.type) {
    case 'start':
      return state.kind === 'loading' ? state : { ...state, refreshing: true };
    case 'loaded':
      return { kind: 'ready', data: event.data, refreshing: false };
    case 'failed':
      return { kind: 'error', message: event.message, refreshing: false };
  }
}
