/**
 * The typed client used by the renderer (and by tests of the doors). It knows nothing of
 * transport: the Electron preload and the HTTP host each provide one.
 */
import { ApiCallError, type ApiError } from './errors';
import {
  type ApiInput,
  type ApiOutput,
  type EventName,
  type EventPayload,
  type HandlerName,
} from './contract';

export type CallResult = { ok: true; data: unknown } | { ok: false; error: ApiError };

/** What a door offers the renderer: untyped on the wire, typed by the client. */
export interface Transport {
  invoke(name: string, input: unknown, session: string | null): Promise<CallResult>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

export interface TillpointClient {
  invoke<N extends HandlerName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The staff session sent with every call (null when nobody is logged in). */
  setSession(session: string | null): void;
}

export function createClient(transport: Transport): TillpointClient {
  let session: string | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  transport.on((event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });
  return {
    async invoke(name, input) {
      const result = await transport.invoke(name, input, session);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.data as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    setSession(next) {
      session = next;
    },
  };
}
