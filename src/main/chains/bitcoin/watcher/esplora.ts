/**
 * Esplora REST (mempool.space, blockstream.info, a self-hosted electrs or mempool): polled.
 * Per round: the tip hash (and its height when it moved), then per watched address
 * `/address/:a/txs` (mempool + newest confirmed), paging `/address/:a/txs/chain/:last_seen_txid`
 * back to the invoice's first height. HTTP 429 and 5xx become a `BackendError` carrying the
 * server's `Retry-After`, so the engine backs off.
 */
import { z } from 'zod';
import { type BitcoinNetwork } from '../networks';
import {
  BackendError,
  retryAfterMs,
  signalsRbf,
  type BackendTip,
  type BackendTx,
  type BitcoinBackend,
  type WatchedAddress,
} from './backend';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const statusSchema = z.object({
  confirmed: z.boolean(),
  block_height: z.number().int().nonnegative().optional(),
  block_hash: hex64.optional(),
  block_time: z.number().optional(),
});

const sats = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const txSchema = z.object({
  txid: hex64,
  vin: z.array(
    z.object({
      txid: hex64,
      vout: z.number().int().nonnegative(),
      is_coinbase: z.boolean().optional(),
      sequence: z.number().int().nonnegative(),
      prevout: z.object({ scriptpubkey_address: z.string().optional() }).nullable().optional(),
    }),
  ),
  vout: z.array(z.object({ scriptpubkey: z.string().regex(/^[0-9a-fA-F]*$/), value: sats })),
  status: statusSchema,
});

type EsploraTx = z.infer<typeof txSchema>;

const addressSchema = z.object({
  chain_stats: z.object({ tx_count: z.number().int().nonnegative() }),
  mempool_stats: z.object({ tx_count: z.number().int().nonnegative() }),
});

/** Esplora pages: the first listing carries up to 25 confirmed (and up to 50 mempool) transactions. */
const chainPageSize = 25;
const mempoolPageCap = 50;
const maxChainPages = 40;

export interface EsploraBackendOptions {
  readonly url: string;
  readonly network: BitcoinNetwork;
  readonly requestTimeoutMs: number;
  readonly fetchImpl?: typeof fetch;
}

/** The URL without a user name or password, for the owner to read. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(an unreadable URL)';
  }
}

function splitCredentials(url: string): { base: string; authorization: string | null } {
  try {
    const parsed = new URL(url);
    const user = decodeURIComponent(parsed.username);
    const password = decodeURIComponent(parsed.password);
    parsed.username = '';
    parsed.password = '';
    const base = parsed.toString().replace(/\/+$/, '');
    if (!user && !password) return { base, authorization: null };
    return { base, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
  } catch {
    return { base: url.replace(/\/+$/, ''), authorization: null };
  }
}

export function createEsploraBackend(options: EsploraBackendOptions): BitcoinBackend {
  // A user name and password in the URL (a self-hosted Esplora behind basic auth) go in a header.
  const { base, authorization } = splitCredentials(options.url);
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const fetchImpl = options.fetchImpl ?? fetch;
  let lastTip: BackendTip | null = null;
  /** Parents known to be confirmed at the current tip (cleared when the tip moves). */
  let confirmedParents = new Set<string>();

  async function get(path: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        headers,
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
    } catch (error) {
      const raw =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : 'failed';
      const reason = raw
        .split(base)
        .join('')
        .replace(/\/\/[^/\s]*@/g, '//');
      throw new BackendError(`Esplora did not answer ${path.split('/').slice(0, 3).join('/')}: ${reason}`);
    }
    if (response.ok) return response;
    const body = (await response.text().catch(() => '')).slice(0, 120);
    throw new BackendError(
      `Esplora answered HTTP ${response.status} to ${path.split('/').slice(0, 3).join('/')}${body ? `: ${body}` : ''}`,
      response.status,
      retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? undefined,
    );
  }

  async function getText(path: string): Promise<string> {
    return (await (await get(path)).text()).trim();
  }

  async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const response = await get(path);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new BackendError(
        `Esplora sent something that is not JSON for ${path.split('/').slice(0, 3).join('/')}`,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new BackendError(
        `Esplora's answer to ${path.split('/').slice(0, 3).join('/')} is not as documented`,
      );
    return parsed.data;
  }

  async function parentUnconfirmed(tx: EsploraTx): Promise<boolean> {
    for (const input of tx.vin) {
      if (input.is_coinbase || confirmedParents.has(input.txid)) continue;
      const status = await getJson(`/tx/${input.txid}/status`, statusSchema);
      if (!status.confirmed) return true;
      confirmedParents.add(input.txid);
    }
    return false;
  }

  async function toBackendTx(tx: EsploraTx): Promise<BackendTx> {
    const confirmed = tx.status.confirmed && tx.status.block_height !== undefined;
    const rbf =
      !confirmed && (signalsRbf(tx.vin.map((input) => input.sequence)) || (await parentUnconfirmed(tx)));
    return {
      txid: tx.txid,
      blockHeight: confirmed ? (tx.status.block_height ?? null) : null,
      blockHash: confirmed ? (tx.status.block_hash ?? null) : null,
      outputs: tx.vout.map((output, vout) => ({
        vout,
        scriptHex: output.scriptpubkey.toLowerCase(),
        valueSats: BigInt(output.value),
      })),
      replaceable: rbf,
      from: tx.vin.flatMap((input) =>
        input.prevout?.scriptpubkey_address ? [input.prevout.scriptpubkey_address] : [],
      ),
    };
  }

  return {
    label: `Esplora ${redactUrl(options.url)}`,
    pushes: false,
    async open() {},
    async close() {},
    async getTip() {
      const hash = await getText('/blocks/tip/hash');
      if (!/^[0-9a-f]{64}$/.test(hash))
        throw new BackendError('Esplora sent a tip hash that is not 64 hex digits');
      if (lastTip && lastTip.hash === hash) return lastTip;
      const heightText = await getText('/blocks/tip/height');
      if (!/^\d{1,9}$/.test(heightText))
        throw new BackendError('Esplora sent a tip height that is not a number');
      lastTip = { height: Number(heightText), hash };
      confirmedParents = new Set();
      return lastTip;
    },
    async addWatch() {},
    async removeWatch() {},
    async listTransactions(watched: WatchedAddress, fromHeight: number | undefined) {
      const address = encodeURIComponent(watched.canonical);
      const first = await getJson(`/address/${address}/txs`, z.array(txSchema));
      let mempool = first.filter((tx) => !tx.status.confirmed);
      const chain = first.filter((tx) => tx.status.confirmed);
      if (mempool.length >= mempoolPageCap)
        mempool = await getJson(`/address/${address}/txs/mempool`, z.array(txSchema));
      let page = chain;
      for (let pages = 0; pages < maxChainPages && page.length >= chainPageSize; pages += 1) {
        const oldest = page[page.length - 1] as EsploraTx;
        if (fromHeight !== undefined && (oldest.status.block_height ?? 0) < fromHeight) break;
        page = await getJson(`/address/${address}/txs/chain/${oldest.txid}`, z.array(txSchema));
        chain.push(...page);
      }
      const txs: BackendTx[] = [];
      for (const tx of [...mempool, ...chain]) txs.push(await toBackendTx(tx));
      return txs;
    },
    async hasHistory(watched: WatchedAddress) {
      const stats = await getJson(`/address/${encodeURIComponent(watched.canonical)}`, addressSchema);
      return stats.chain_stats.tx_count + stats.mempool_stats.tx_count > 0;
    },
  };
}
