/**
 * The one way a screen loads data from the core: a load function, its state (loading, error with
 * the reason, ready with the data, and whether a refresh is on its way), `reload`, and reloading by
 * itself when one of the core's events says the data changed. A fix to how the till shows loading,
 * errors or stale data is made here once. The state machine is pure (`coreDataStep`), tested apart.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type EventName } from '../../../shared/api';
import { errorMessage } from '../ui/errorMessage';
import { client } from './index';
import { type CoreData, coreDataStep } from './coreDataState';

export { type CoreData, coreDataStep } from './coreDataState';

export function useCoreData<T>(
  load: () => Promise<T>,
  options: { refreshOn?: readonly EventName[] } = {},
): CoreData<T> & { reload: () => void } {
  const [state, setState] = useState<CoreData<T>>({ kind: 'loading' });
  const request = useRef(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  const reload = useCallback(() => {
    const id = ++request.current;
    setState((current) => coreDataStep(current, { type: 'start' }));
    loadRef.current().then(
      (data) => id === request.current && setState((s) => coreDataStep(s, { type: 'loaded', data })),
      (error: unknown) =>
        id === request.current &&
        setState((s) => coreDataStep(s, { type: 'failed', message: errorMessage(error) })),
    );
  }, []);

  // Loads again whenever the load function changes (its inputs changed).
  useEffect(() => {
    reload();
  }, [load, reload]);

  const events = (options.refreshOn ?? []).join(',');
  useEffect(() => {
    if (!events) return;
    const stops = events.split(',').map((event) => client.on(event as EventName, () => reload()));
    return () => {
      for (const stop of stops) stop();
    };
  }, [events, reload]);

  // Gone from the page: an answer still on its way is not shown.
  useEffect(
    () => () => {
      request.current += 1;
    },
    [],
  );

  return { ...state, reload };
}
