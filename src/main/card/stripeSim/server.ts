/**
 * The Stripe simulator's HTTP side: a loopback server that the real `stripe` package reaches through
 * its `host` / `port` / `protocol: 'http'` options. It checks the API key as Stripe does (test keys
 * only), keeps idempotency keys with Stripe's semantics (same key and same request: the first
 * response replayed, marked `Idempotent-Replayed`; same key and another request: a 400
 * `idempotency_error`; a request refused before it ran is not kept), expands ids on request,
 * answers errors in Stripe's shape, delivers events signed as Stripe signs webhooks, and can be
 * told to misbehave: slow answers, 500s, connections dropped before or after the work is done.
 */
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { payCheckoutSession } from './checkout';
import { SimError, type StripeErrorBody } from './errors';
import { decodeForm, list, type FormObject } from './form';
import { type Json, type SimObject } from './objects';
import { findRoute } from './routes';
import { SimStore } from './store';
import { readerFaults } from './terminal';

export type Fault =
  | { readonly kind: 'error500' }
  | { readonly kind: 'drop'; readonly when: 'before' | 'after' }
  | { readonly kind: 'slow'; readonly ms: number };

export interface FaultRule {
  readonly fault: Fault;
  readonly method?: string;
  /** The request path (`/v1/payment_intents`) or a pattern it must match. */
  readonly path?: string | RegExp;
  /** How many requests it hits (default 1). */
  times?: number;
}

export interface StripeSimOptions {
  /** Default 0: a free port. */
  readonly port?: number;
  /** The clock (ms); default Date.now. */
  readonly now?: () => number;
  /** The only keys it accepts; default: any test secret or restricted key (`sk_test_…`, `rk_test_…`). */
  readonly apiKeys?: readonly string[];
  /** Where events are delivered, signed with `secret` as Stripe signs them. */
  readonly webhook?: { readonly url: string; readonly secret: string };
  /**
   * How long a refund made through the API stays `pending` before it succeeds, as Stripe processes
   * card refunds later (default 0: `succeeded` at once, as in Stripe's test mode).
   */
  readonly refundPendingMs?: number;
}

export interface StripeSimulator {
  readonly port: number;
  readonly baseUrl: string;
  /** What to hand `new Stripe(key, { ...sim.clientOptions })`. */
  readonly clientOptions: { host: string; port: number; protocol: 'http' };
  readonly store: SimStore;
  /** Requests served, by `METHOD path` (replays and faults included). */
  readonly requests: string[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  readers: {
    setStatus(readerId: string, status: 'online' | 'offline'): void;
    timeOut(readerId: string): void;
    customerCancels(readerId: string): void;
  };
  payCheckoutSession(sessionId: string, cardNumber?: string): { session: SimObject; declined: string | null };
  close(): Promise<void>;
}

/** Stripe's webhook signature header for a payload: `t=<unix seconds>,v1=<HMAC-SHA256 of "t.payload">`. */
export function signWebhookPayload(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

interface Kept {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: string;
}

const maxBody = 256 * 1024;

function keyOf(header: string | undefined): string | null {
  if (!header) return null;
  if (header.startsWith('Bearer ')) return header.slice(7).trim();
  if (header.startsWith('Basic '))
    return Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0] ?? null;
  return null;
}

const redact = (key: string) =>
  `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;

function expand(value: Json, paths: string[], store: SimStore): Json {
  if (paths.length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = { ...value };
  for (const path of paths) {
    const [head, ...rest] = path.split('.');
    if (!head) continue;
    const current = out[head];
    if (typeof current === 'string') {
      const found = store.byId(current);
      if (found)
        out[head] = expand(
          JSON.parse(JSON.stringify(found)) as Json,
          rest.length ? [rest.join('.')] : [],
          store,
        );
    } else if (current && typeof current === 'object' && rest.length > 0) {
      out[head] = expand(current, [rest.join('.')], store);
    }
  }
  return out;
}

function checkoutPage(id: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Pay (simulated)</title></head>
<body style="font-family:sans-serif;max-width:22rem;margin:2rem auto"><h1>Simulated checkout</h1><p>Session ${id}</p>
<form method="post"><input type="hidden" name="number" value="4242424242424242"><button>Pay with a test card</button></form>
<form method="post"><input type="hidden" name="number" value="4000000000000002"><button>Use a declined card</button></form></body></html>`;
}

export async function startStripeSimulator(options: StripeSimOptions = {}): Promise<StripeSimulator> {
  const store = new SimStore(options.now ?? Date.now);
  store.refundPendingMs = options.refundPendingMs ?? 0;
  const kept = new Map<string, Kept>();
  const faults: FaultRule[] = [];
  const requests: string[] = [];
  let baseUrl = '';

  if (options.webhook) {
    const { url, secret } = options.webhook;
    store.onEvent((event) => {
      const payload = JSON.stringify(event, null, 2);
      const header = signWebhookPayload(payload, secret, Math.floor(Date.now() / 1000));
      void fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': header },
        body: payload,
      }).catch(() => undefined);
    });
  }

  const takeFault = (method: string, path: string): Fault | null => {
    const rule = faults.find(
      (r) =>
        (r.times ?? 1) > 0 &&
        (!r.method || r.method === method) &&
        (!r.path || (typeof r.path === 'string' ? r.path === path : r.path.test(path))),
    );
    if (!rule) return null;
    rule.times = (rule.times ?? 1) - 1;
    return rule.fault;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    requests.push(`${method} ${path}`);
    const requestId = `req_${randomUUID().replace(/-/g, '').slice(0, 14)}`;
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId, ...headers });
      res.end(body);
    };
    const sendError = (status: number, error: StripeErrorBody) =>
      send(status, JSON.stringify({ error: { ...error, request_log_url: null } }, null, 2));

    const checkout = /^\/checkout\/pay\/(cs_test_[A-Za-z0-9]+)$/.exec(path);
    if (checkout?.[1]) {
      if (method === 'POST') {
        try {
          const result = payCheckoutSession(
            store,
            checkout[1],
            (decodeForm(raw).number as string | undefined) ?? undefined,
          );
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(
            result.declined ? `<p>Declined: ${result.declined}</p>` : '<p>Paid. You can close this page.</p>',
          );
        } catch (error) {
          res.writeHead(400, { 'content-type': 'text/html' });
          res.end(`<p>${error instanceof SimError ? error.message.replace(/[<>&]/g, '') : 'Error'}</p>`);
        }
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(checkoutPage(checkout[1]));
      return;
    }

    const fault = takeFault(method, path);
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === 'drop' && fault.when === 'before') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'error500') {
      sendError(500, { type: 'api_error', message: 'An unknown error occurred (simulated fault).' });
      return;
    }

    const key = keyOf(req.headers.authorization);
    if (!key) {
      sendError(401, {
        type: 'invalid_request_error',
        message:
          'You did not provide an API key. You need to provide your API key in the Authorization header.',
      });
      return;
    }
    const accepted = options.apiKeys
      ? options.apiKeys.includes(key)
      : /^(sk|rk)_test_[A-Za-z0-9]{1,200}$/.test(key);
    if (!accepted) {
      sendError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${redact(key)}` });
      return;
    }

    const form: FormObject = method === 'GET' ? decodeForm(url.search.slice(1)) : decodeForm(raw);
    const idempotencyKey =
      method === 'POST' ? ((req.headers['idempotency-key'] as string | undefined) ?? null) : null;
    const fingerprint = `${method} ${path} ${JSON.stringify(form)}`;
    const keptKey = idempotencyKey ? `${key}\u0000${idempotencyKey}` : null;
    const echo: Record<string, string> = idempotencyKey ? { 'idempotency-key': idempotencyKey } : {};
    if (keptKey) {
      const before = kept.get(keptKey);
      if (before) {
        if (before.fingerprint !== fingerprint) {
          sendError(400, {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          });
          return;
        }
        send(before.status, before.body, { ...echo, 'idempotent-replayed': 'true' });
        return;
      }
    }

    store.settleDueRefunds();
    const route = findRoute(method, path);
    let status = 200;
    let body: string;
    if (route === null || route === 'wrong_method') {
      status = 404;
      body = JSON.stringify({
        error: { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` },
      });
    } else {
      store.request = {
        requestId,
        idempotencyKey,
        apiVersion: (req.headers['stripe-version'] as string | undefined) ?? null,
      };
      try {
        const result = route.handler({ store, form, params: route.params, path, baseUrl }) as Json;
        body = JSON.stringify(
          expand(JSON.parse(JSON.stringify(result)) as Json, list(form, 'expand'), store),
          null,
          2,
        );
      } catch (error) {
        if (!(error instanceof SimError)) throw error;
        status = error.status;
        body = JSON.stringify({ error: { ...error.body, request_log_url: null } }, null, 2);
      } finally {
        store.request = { requestId: null, idempotencyKey: null, apiVersion: null };
      }
    }
    // Kept: what ran (a success, a card decline, a server fault); not what was refused before it ran.
    if (keptKey && (status < 400 || status === 402 || status >= 500))
      kept.set(keptKey, { fingerprint, status, body });
    if (fault?.kind === 'drop' && fault.when === 'after') {
      req.socket.destroy();
      return;
    }
    send(status, body, echo);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        req.socket.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { type: 'api_error', message: 'The simulator failed.' } }));
        }
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    port,
    baseUrl,
    clientOptions: { host: '127.0.0.1', port, protocol: 'http' },
    store,
    requests,
    addFault: (rule) => faults.push({ ...rule }),
    clearFaults: () => faults.splice(0),
    readers: {
      setStatus: (id, status) => readerFaults.setStatus(store, id, status),
      timeOut: (id) => readerFaults.timeOut(store, id),
      customerCancels: (id) => readerFaults.customerCancels(store, id),
    },
    payCheckoutSession: (id, number) => payCheckoutSession(store, id, number),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
