/**
 * A loopback HTTP server for the rate providers' tests: each test sets how it answers (status, JSON
 * body or raw text, headers, or no answer at all), and reads back the requests it received.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

export interface Answer {
  readonly status?: number;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as it is (an HTML error page, a truncated body). */
  readonly text?: string;
  readonly headers?: Record<string, string>;
  /** Never answer (for timeouts). */
  readonly hang?: boolean;
}

export interface LoopbackServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  answer(handler: (request: SeenRequest) => Answer): void;
  close(): Promise<void>;
}

export async function startLoopbackServer(): Promise<LoopbackServer> {
  let handler: (request: SeenRequest) => Answer = () => ({ status: 500, text: 'no answer set' });
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(seen);
    const answer = handler(seen);
    if (answer.hang) return; // the client's timeout ends it; close() drops the socket
    const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '');
    res.writeHead(answer.status ?? 200, {
      'content-type': answer.json !== undefined ? 'application/json; charset=utf-8' : 'text/html',
      ...answer.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(next) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port with nothing listening (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Kraken's documented Ticker answer for one pair (field for field: a, b, c, v, p, t, l, h, o). */
export function krakenTicker(pairName: string, ask: string, bid: string, last: string): unknown {
  return {
    error: [],
    result: {
      [pairName]: {
        a: [ask, '1', '1.000'],
        b: [bid, '2', '2.000'],
        c: [last, '0.00120000'],
        v: ['1043.52183514', '3211.64290032'],
        p: [last, last],
        t: [24501, 70211],
        l: [bid, bid],
        h: [ask, ask],
        o: last,
      },
    },
  };
}

/** Coinbase's documented spot price answer. */
export function coinbaseSpot(base: string, currency: string, amount: string): unknown {
  return { data: { amount, base, currency } };
}

/** CoinGecko's documented error body. */
export function coingeckoError(code: number, message: string): unknown {
  return { status: { error_code: code, error_message: message } };
}
