/**
 * The simulated chain's Esplora REST API on 127.0.0.1 (a free port): the paths and JSON of
 * mempool.space / Blockstream Esplora, including their paging (`/address/:a/txs` gives up to 50
 * mempool and 25 confirmed transactions, `/txs/chain/:last_seen_txid` the next 25), plain-text
 * answers for tips and hashes, and errors as plain text with their HTTP status. Faults can be
 * injected (e.g. HTTP 429 with Retry-After) to test back-off.
 */
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { bytesToHex, decodeBitcoinAddress } from '../addresses';
import { addressJson, blockJson, statusJson, txJson } from './esploraJson';
import { type SimChainState, type SimTx } from './simChainState';

export interface EsploraFault {
  readonly status: number;
  readonly count: number;
  readonly retryAfterSec?: number;
}

export interface SimEsploraServer {
  readonly url: string;
  /** The next `count` requests are answered with `status` (and `Retry-After` when given). */
  injectFault(fault: EsploraFault): void;
  requestCount(): number;
  close(): Promise<void>;
}

const mempoolCap = 50;
const chainPage = 25;

type Answer = { status: number; body: string | object; headers?: Record<string, string> };

function route(state: SimChainState, method: string, path: string, body: string): Answer {
  const notFound = (text: string): Answer => ({ status: 404, body: text });
  if (method === 'POST' && path === '/tx') {
    try {
      return { status: 200, body: state.broadcast(body.trim()) };
    } catch (error) {
      return { status: 400, body: `sendrawtransaction RPC error: ${(error as Error).message}` };
    }
  }
  if (method !== 'GET') return { status: 405, body: 'Method Not Allowed' };
  if (path === '/blocks/tip/height') return { status: 200, body: String(state.tipHeight()) };
  if (path === '/blocks/tip/hash') return { status: 200, body: state.tip().hash };
  if (path === '/mempool/txids') return { status: 200, body: [...state.mempool] };
  let match = /^\/block-height\/(\d+)$/.exec(path);
  if (match) {
    const block = state.blockAt(Number(match[1]));
    return block ? { status: 200, body: block.hash } : notFound('Block not found');
  }
  match = /^\/block\/([0-9a-f]{64})(\/header|\/status)?$/.exec(path);
  if (match) {
    const hash = match[1] as string;
    const block = state.blockByHash(hash);
    if (match[2] === '/status') {
      const next = block ? state.blockAt(block.height + 1) : undefined;
      return {
        status: 200,
        body: block
          ? { in_best_chain: true, height: block.height, next_best: next?.hash ?? null }
          : { in_best_chain: false },
      };
    }
    if (!block) return notFound('Block not found');
    return match[2] === '/header'
      ? { status: 200, body: block.headerHex }
      : { status: 200, body: blockJson(state, hash) as object };
  }
  match = /^\/tx\/([0-9a-f]{64})(\/status|\/hex)?$/.exec(path);
  if (match) {
    const entry = state.txs.get(match[1] as string);
    if (!entry) return notFound('Transaction not found');
    if (match[2] === '/status') return { status: 200, body: statusJson(state, entry.txid) };
    if (match[2] === '/hex') return { status: 200, body: entry.hex };
    return { status: 200, body: txJson(state, entry) };
  }
  match = /^\/address\/([^/]+)(\/txs(?:\/mempool|\/chain(?:\/([0-9a-f]{64}))?)?)?$/.exec(path);
  if (match) {
    const address = decodeURIComponent(match[1] as string);
    const decoded = decodeBitcoinAddress(address, state.network);
    if (!decoded) return { status: 400, body: 'Invalid Bitcoin address' };
    const scriptHex = bytesToHex(decoded.script);
    if (!match[2]) return { status: 200, body: addressJson(state, address, scriptHex) };
    const history = state.historyOf(scriptHex);
    const newestFirst = (list: SimTx[]) => [...list].reverse();
    const mempool = newestFirst(history.filter((entry) => !state.isConfirmed(entry.txid)));
    const chain = newestFirst(history.filter((entry) => state.isConfirmed(entry.txid)));
    const json = (list: SimTx[]) => list.map((entry) => txJson(state, entry));
    if (match[2] === '/txs')
      return { status: 200, body: json([...mempool.slice(0, mempoolCap), ...chain.slice(0, chainPage)]) };
    if (match[2] === '/txs/mempool') return { status: 200, body: json(mempool.slice(0, mempoolCap)) };
    const lastSeen = match[3];
    const start = lastSeen ? chain.findIndex((entry) => entry.txid === lastSeen) + 1 : 0;
    if (lastSeen && start === 0) return { status: 200, body: [] };
    return { status: 200, body: json(chain.slice(start, start + chainPage)) };
  }
  return notFound('Not Found');
}

export async function startSimEsploraServer(state: SimChainState): Promise<SimEsploraServer> {
  const faults: EsploraFault[] = [];
  let requests = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 1_000_000) chunks.push(chunk);
    });
    request.on('end', () => {
      requests += 1;
      const fault = faults[0];
      if (fault) {
        if (fault.count <= 1) faults.shift();
        else faults[0] = { ...fault, count: fault.count - 1 };
        const headers: Record<string, string> = { 'content-type': 'text/plain' };
        if (fault.retryAfterSec !== undefined) headers['retry-after'] = String(fault.retryAfterSec);
        response.writeHead(fault.status, headers);
        response.end(fault.status === 429 ? 'Too Many Requests' : 'Service Unavailable');
        return;
      }
      const url = new URL(request.url ?? '/', 'http://sim');
      const path = url.pathname.replace(/^\/api(?=\/)/, '');
      let answer: Answer;
      try {
        answer = route(state, request.method ?? 'GET', path, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        answer = { status: 500, body: (error as Error).message };
      }
      const isText = typeof answer.body === 'string';
      response.writeHead(answer.status, {
        'content-type': isText ? 'text/plain' : 'application/json',
        'access-control-allow-origin': '*',
        ...answer.headers,
      });
      response.end(isText ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api`,
    injectFault(fault) {
      faults.push(fault);
    },
    requestCount: () => requests,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
