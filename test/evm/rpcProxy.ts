/**
 * A loopback JSON-RPC proxy in front of a test chain that misbehaves on demand, as hosted providers
 * do: HTTP 429 for the next N requests, and `eth_getLogs` refused over more than N blocks.
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';

export interface RpcProxy {
  readonly url: string;
  /** Answer HTTP 429 to the next `count` requests. */
  rateLimitNext(count: number): void;
  /** Refuse `eth_getLogs` over more than `blocks` blocks (null: no limit). */
  limitLogRange(blocks: number | null): void;
  /** Answer the next `count` calls of `method` with a JSON-RPC error saying `message`. */
  refuseNext(method: string, count: number, message: string): void;
  /** The block ranges of the `eth_getLogs` calls forwarded so far. */
  readonly logRanges: number[];
  readonly served: { total: number; rateLimited: number; refusedRanges: number };
  close(): Promise<void>;
}

export async function startRpcProxy(targetUrl: string): Promise<RpcProxy> {
  let rateLimited = 0;
  let logLimit: number | null = null;
  const refusals = new Map<string, { count: number; message: string }>();
  const logRanges: number[] = [];
  const served = { total: 0, rateLimited: 0, refusedRanges: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      served.total += 1;
      if (rateLimited > 0) {
        rateLimited -= 1;
        served.rateLimited += 1;
        res
          .writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' })
          .end('{"error":"Too Many Requests"}');
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const request = JSON.parse(body) as {
        id: unknown;
        method: string;
        params: { fromBlock?: string; toBlock?: string }[];
      };
      const refusal = refusals.get(request.method);
      if (refusal && refusal.count > 0) {
        refusal.count -= 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            jsonrpc: '2.0',
            id: request.id,
            error: { code: -32000, message: refusal.message },
          }),
        );
        return;
      }
      if (request.method === 'eth_getLogs') {
        const filter = request.params[0] ?? {};
        const range =
          Number.parseInt(filter.toBlock ?? '0x0', 16) - Number.parseInt(filter.fromBlock ?? '0x0', 16) + 1;
        if (logLimit !== null && range > logLimit) {
          served.refusedRanges += 1;
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              jsonrpc: '2.0',
              id: request.id,
              error: { code: -32005, message: `query exceeds max block range ${logLimit}` },
            }),
          );
          return;
        }
        logRanges.push(range);
      }
      fetch(targetUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (answer) =>
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text()),
        )
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    rateLimitNext: (count) => {
      rateLimited = count;
    },
    refuseNext: (method, count, message) => {
      refusals.set(method, { count, message });
    },
    limitLogRange: (blocks) => {
      logLimit = blocks;
    },
    logRanges,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
