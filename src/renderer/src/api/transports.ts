/**
 * The two doors a page can reach the core through: Electron's preload bridge, or the headless
 * host over HTTP (calls) and a WebSocket (events). Both give the same Transport to the typed client.
 */
import { type ApiError, type CallResult, type Transport } from '../../../shared/api';

export interface PreloadBridge {
  invoke(name: string, input: unknown, session: string | null): Promise<CallResult>;
  on(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    tillpoint?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return { invoke: (name, input, session) => bridge.invoke(name, input, session), on: (l) => bridge.on(l) };
}

const tokenStorageKey = 'tillpoint.pairingToken';

export class PairingRequiredError extends Error {
  constructor() {
    super('This device must be paired with the till: enter the token shown by `tillpoint token`.');
    this.name = 'PairingRequiredError';
  }
}

/**
 * Gets the bearer token: the stored pairing token when this browser was paired (so a paired device
 * never asks the bootstrap, which refuses it), else the same-origin bootstrap on the till itself.
 */
async function fetchToken(baseUrl: string): Promise<string> {
  const stored = window.localStorage.getItem(tokenStorageKey);
  if (stored) return stored;
  const response = await fetch(`${baseUrl}/bootstrap`, { credentials: 'same-origin', cache: 'no-store' });
  if (response.ok) {
    const body = (await response.json()) as { token?: unknown };
    if (typeof body.token === 'string') return body.token;
  }
  throw new PairingRequiredError();
}

export function savePairingToken(token: string): void {
  window.localStorage.setItem(tokenStorageKey, token.trim());
}

/** True when this browser holds a pairing token (it is not the till itself). */
export function hasPairingToken(): boolean {
  return window.localStorage.getItem(tokenStorageKey) !== null;
}

/** Removes the stored pairing token; the next start asks for one again (unless on the till). */
export function forgetPairingToken(): void {
  window.localStorage.removeItem(tokenStorageKey);
}

const networkError = (message: string): ApiError => ({ code: 'unavailable', message });

export function httpTransport(baseUrl = ''): Transport {
  let tokenPromise: Promise<string> | null = null;
  const token = () =>
    (tokenPromise ??= fetchToken(baseUrl).catch((error: unknown) => {
      tokenPromise = null;
      throw error;
    }));
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let socketStarted = false;

  const connect = (attempt: number) => {
    void token().then(
      (value) => {
        const url = new URL(`${baseUrl}/api/events`, window.location.href);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        const socket = new WebSocket(url);
        socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token: value }));
        socket.onmessage = (message) => {
          const { event, payload } = JSON.parse(String(message.data)) as { event: string; payload: unknown };
          for (const listener of listeners) listener(event, payload);
        };
        // Reconnect with a capped backoff: the host may be restarting.
        socket.onclose = () => setTimeout(() => connect(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
      },
      () => setTimeout(() => connect(attempt + 1), Math.min(30_000, 500 * 2 ** attempt)),
    );
  };

  return {
    async invoke(name, input, session) {
      let value: string;
      try {
        value = await token();
      } catch (error) {
        if (error instanceof PairingRequiredError) {
          return {
            ok: false,
            error: { code: 'unauthorized', message: error.message, details: { pairingRequired: true } },
          };
        }
        return { ok: false, error: networkError('The till cannot be reached.') };
      }
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        authorization: `Bearer ${value}`,
      };
      if (session) headers['x-tillpoint-session'] = session;
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: networkError('The till cannot be reached (network error).') };
      }
      const body = (await response.json().catch(() => null)) as { data?: unknown; error?: ApiError } | null;
      if (response.ok && body && 'data' in body) return { ok: true, data: body.data };
      if (response.status === 401) tokenPromise = null;
      return { ok: false, error: body?.error ?? networkError(`The till answered ${response.status}.`) };
    },
    on(listener) {
      listeners.add(listener);
      if (!socketStarted) {
        socketStarted = true;
        connect(0);
      }
      return () => listeners.delete(listener);
    },
  };
}
