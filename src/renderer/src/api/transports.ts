/**
 * The two doors a page can reach the core through: Electron's preload bridge, or the headless
 * host over HTTP (calls) and a WebSocket (events). Both give the same Transport to the typed client.
 *
 * Over HTTP a page gets in one of two ways, and never sees the host token unless a person typed it:
 * - the browser on the till itself opens the one-time link `tillpoint serve` printed
 *   (`/login#<code>`): the page spends the code at `POST /auth/login` and the host answers with an
 *   HttpOnly cookie the page cannot read; every call then carries the `x-tillpoint-csrf` header
 *   that only the app's own pages can send;
 * - another device (a tablet) pairs by typing the token `tillpoint token` prints; it is kept in
 *   this browser's storage and sent as a bearer token.
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
export const csrfHeaderName = 'x-tillpoint-csrf';
/** The login link's path; its code is in the fragment, which no server and no log ever sees. */
export const loginPath = '/login';

export class PairingRequiredError extends Error {
  constructor() {
    super('This browser is not signed in to the till: open the link `tillpoint serve` printed, or pair it.');
    this.name = 'PairingRequiredError';
  }
}

export function savePairingToken(token: string): void {
  window.localStorage.setItem(tokenStorageKey, token.trim());
}

/** True when this browser holds a pairing token (it is not the till itself). */
export function hasPairingToken(): boolean {
  return window.localStorage.getItem(tokenStorageKey) !== null;
}

/** Removes the stored pairing token; the next start asks for one again (unless signed in by link). */
export function forgetPairingToken(): void {
  window.localStorage.removeItem(tokenStorageKey);
}

/**
 * Takes the one-time code out of a login link (`/login#CODE` or `/login#code=CODE`) and replaces
 * the address with `/` at once, so the code stays in neither the address bar nor the history.
 * Returns null on any other address.
 */
export function takeLoginCode(
  location: Pick<Location, 'pathname' | 'hash'>,
  replace: (url: string) => void,
): string | null {
  if (location.pathname !== loginPath) return null;
  const fragment = location.hash.replace(/^#/, '');
  replace('/');
  const code = fragment.startsWith('code=') ? fragment.slice('code='.length) : fragment;
  return code.length > 0 ? code : null;
}

type Access = { kind: 'bearer'; token: string } | { kind: 'cookie'; notice: string | null };

/** Spends a login code for the access cookie; returns why it was refused, or null when signed in. */
async function spendLoginCode(baseUrl: string, code: string): Promise<string | null> {
  try {
    const response = await fetch(`${baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [csrfHeaderName]: '1' },
      credentials: 'same-origin',
      cache: 'no-store',
      body: JSON.stringify({ code }),
    });
    if (response.ok) return null;
    const body = (await response.json().catch(() => null)) as { error?: ApiError } | null;
    return body?.error?.message ?? `The till refused the login link (${response.status}).`;
  } catch {
    return 'The till could not be reached to sign in with the login link.';
  }
}

const networkError = (message: string): ApiError => ({ code: 'unavailable', message });

export function httpTransport(baseUrl = ''): Transport {
  const loginCode = takeLoginCode(window.location, (url) => window.history.replaceState(null, '', url));
  let accessPromise: Promise<Access> | null = null;
  const access = () =>
    (accessPromise ??= (async (): Promise<Access> => {
      // A login link wins over a stored pairing token (the link is what the till's user opened).
      // It is spent once; a reload afterwards rides on the cookie it gave.
      const notice = loginCode === null ? null : await spendLoginCode(baseUrl, loginCode);
      if (loginCode !== null && notice === null) {
        forgetPairingToken();
        return { kind: 'cookie', notice };
      }
      const stored = window.localStorage.getItem(tokenStorageKey);
      if (stored) return { kind: 'bearer', token: stored };
      return { kind: 'cookie', notice };
    })());
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let socketStarted = false;

  const connect = (attempt: number) => {
    void access().then((how) => {
      const url = new URL(`${baseUrl}/api/events`, window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      const socket = new WebSocket(url);
      // With the cookie, the host checks the socket's Origin instead of a token.
      socket.onopen = () =>
        socket.send(
          JSON.stringify(how.kind === 'bearer' ? { type: 'auth', token: how.token } : { type: 'auth' }),
        );
      socket.onmessage = (message) => {
        const { event, payload } = JSON.parse(String(message.data)) as { event: string; payload: unknown };
        for (const listener of listeners) listener(event, payload);
      };
      // Reconnect with a capped backoff: the host may be restarting.
      socket.onclose = () => setTimeout(() => connect(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
    });
  };

  return {
    async invoke(name, input, session) {
      const how = await access();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (how.kind === 'bearer') headers.authorization = `Bearer ${how.token}`;
      else headers[csrfHeaderName] = '1';
      if (session) headers['x-tillpoint-session'] = session;
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers,
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: networkError('The till cannot be reached (network error).') };
      }
      const body = (await response.json().catch(() => null)) as { data?: unknown; error?: ApiError } | null;
      if (response.ok && body && 'data' in body) return { ok: true, data: body.data };
      const refusedByHost =
        typeof (body?.error?.details as { hostAccess?: unknown } | undefined)?.hostAccess === 'string';
      if (response.status === 401 && refusedByHost && how.kind === 'cookie') {
        // Not signed in (no cookie, or an expired one): the app asks to open a link or to pair.
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message: new PairingRequiredError().message,
            details: { pairingRequired: true, notice: how.notice },
          },
        };
      }
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
