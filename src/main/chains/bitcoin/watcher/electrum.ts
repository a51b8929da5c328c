/**
 * The Electrum backend (electrs, Fulcrum, ElectrumX): each watched address is subscribed by its
 * scripthash; the server pushes a new status when its history changes and a new header when the
 * tip moves, and the engine asks again at once. History comes from `get_history` (height > 0:
 * confirmed; 0: mempool; -1: mempool with unconfirmed parents), transactions from
 * `blockchain.transaction.get` as raw hex, read with bitcoinjs-lib.
 */
import { z } from 'zod';
import { bitcoinScriptAddress, hexToBytes } from '../addresses';
import { type BitcoinNetwork } from '../networks';
import {
  BackendError,
  signalsRbf,
  type BackendEvents,
  type BackendTip,
  type BackendTx,
  type BitcoinBackend,
  type WatchedAddress,
} from './backend';
import { ElectrumClient } from './electrumClient';
import { blockHashOfHeader, decodeRawTx, type DecodedTx } from './rawTx';

export interface ElectrumBackendOptions {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly certSha256?: string;
  readonly network: BitcoinNetwork;
  readonly requestTimeoutMs: number;
  readonly reconnectBaseMs?: number;
}

const headerSchema = z.object({
  height: z.number().int().nonnegative(),
  hex: z.string().regex(/^[0-9a-fA-F]{160}$/),
});
const historySchema = z.array(
  z.object({ tx_hash: z.string().regex(/^[0-9a-f]{64}$/), height: z.number().int().min(-1) }),
);
const rawHexSchema = z.string().regex(/^[0-9a-fA-F]+$/);

const maxCachedTxs = 5000;
/** How many inputs are looked up to name the senders. */
const maxSenderInputs = 10;

export function createElectrumBackend(options: ElectrumBackendOptions): BitcoinBackend {
  const byScripthash = new Map<string, string>();
  const txCache = new Map<string, DecodedTx>();
  let headerHashes = new Map<number, string>();
  let tip: BackendTip | null = null;
  let events: BackendEvents | null = null;
  let client: ElectrumClient | null = null;

  function rememberTip(header: z.infer<typeof headerSchema>): boolean {
    const next = { height: header.height, hash: blockHashOfHeader(header.hex) };
    const moved = !tip || tip.hash !== next.hash;
    if (moved) headerHashes = new Map();
    tip = next;
    headerHashes.set(next.height, next.hash);
    return moved;
  }

  async function call<T>(method: string, params: unknown[], schema: z.ZodType<T>): Promise<T> {
    if (!client) throw new BackendError('not connected to the Electrum server');
    let result: unknown;
    try {
      result = await client.request(method, params);
    } catch (error) {
      throw new BackendError(error instanceof Error ? error.message : String(error));
    }
    const parsed = schema.safeParse(result);
    if (!parsed.success)
      throw new BackendError(`the Electrum server's answer to ${method} is not as the protocol says`);
    return parsed.data;
  }

  async function transaction(txid: string): Promise<DecodedTx> {
    const cached = txCache.get(txid);
    if (cached) return cached;
    const decoded = decodeRawTx(await call('blockchain.transaction.get', [txid], rawHexSchema));
    if (decoded.txid !== txid)
      throw new BackendError('the Electrum server sent another transaction than asked');
    if (txCache.size >= maxCachedTxs) txCache.delete(txCache.keys().next().value as string);
    txCache.set(txid, decoded);
    return decoded;
  }

  async function blockHashAt(height: number): Promise<string> {
    const known = headerHashes.get(height);
    if (known) return known;
    const hex = await call('blockchain.block.header', [height], z.string().regex(/^[0-9a-fA-F]{160}$/));
    const hash = blockHashOfHeader(hex);
    headerHashes.set(height, hash);
    return hash;
  }

  async function sendersOf(tx: DecodedTx): Promise<string[]> {
    if (tx.coinbase) return [];
    const senders: string[] = [];
    for (const input of tx.inputs.slice(0, maxSenderInputs)) {
      try {
        const parent = await transaction(input.txid);
        const output = parent.outputs[input.vout];
        const address = output ? bitcoinScriptAddress(hexToBytes(output.scriptHex), options.network) : null;
        if (address) senders.push(address);
      } catch {
        // The senders are "when known": a parent the server cannot give is left out.
      }
    }
    return senders;
  }

  const label = `Electrum ${options.host}:${options.port} (${options.tls ? 'TLS' : 'TCP'})`;

  return {
    label,
    pushes: true,
    async open(engineEvents: BackendEvents) {
      events = engineEvents;
      if (!client) {
        client = new ElectrumClient({
          host: options.host,
          port: options.port,
          tls: options.tls,
          ...(options.certSha256 !== undefined ? { certSha256: options.certSha256 } : {}),
          requestTimeoutMs: options.requestTimeoutMs,
          ...(options.reconnectBaseMs !== undefined ? { reconnectBaseMs: options.reconnectBaseMs } : {}),
          async onConnected(connection, reconnect) {
            await connection.request('server.version', ['Tillpoint', '1.4']);
            const header = headerSchema.parse(await connection.request('blockchain.headers.subscribe', []));
            rememberTip(header);
            // Subscriptions died with the old socket: the engine subscribes every address again.
            if (reconnect) events?.connectionRestored();
          },
          onDisconnected(error) {
            events?.connectionLost(error);
          },
          onNotification(method, params) {
            if (method === 'blockchain.scripthash.subscribe') {
              const address = typeof params[0] === 'string' ? byScripthash.get(params[0]) : undefined;
              if (address) events?.addressChanged(address);
            } else if (method === 'blockchain.headers.subscribe') {
              const header = headerSchema.safeParse(params[0]);
              if (header.success && rememberTip(header.data)) events?.tipChanged();
            }
          },
        });
        try {
          await client.start();
        } catch (error) {
          throw new BackendError(`could not reach the Electrum server: ${(error as Error).message}`);
        }
        return;
      }
      if (!client.connected) {
        throw new BackendError(
          `not connected to the Electrum server: ${client.error?.message ?? 'connecting'}`,
        );
      }
    },
    async close() {
      await client?.close();
      client = null;
    },
    async getTip() {
      if (!client?.connected) {
        throw new BackendError(
          `not connected to the Electrum server: ${client?.error?.message ?? 'connecting'}`,
        );
      }
      rememberTip(await call('blockchain.headers.subscribe', [], headerSchema));
      return tip as BackendTip;
    },
    async addWatch(watched: WatchedAddress) {
      byScripthash.set(watched.scripthash, watched.address);
      await call('blockchain.scripthash.subscribe', [watched.scripthash], z.string().nullable());
    },
    async removeWatch(watched: WatchedAddress) {
      byScripthash.delete(watched.scripthash);
      // `unsubscribe` is newer than some servers (protocol 1.4.2): a refusal is harmless.
      await client?.request('blockchain.scripthash.unsubscribe', [watched.scripthash]).catch(() => undefined);
    },
    async listTransactions(watched: WatchedAddress, fromHeight: number | undefined) {
      const history = await call('blockchain.scripthash.get_history', [watched.scripthash], historySchema);
      const relevant = history.filter(
        (item) => item.height <= 0 || fromHeight === undefined || item.height >= fromHeight,
      );
      return Promise.all(
        relevant.map(async (item): Promise<BackendTx> => {
          const tx = await transaction(item.tx_hash);
          const confirmed = item.height > 0;
          return {
            txid: tx.txid,
            blockHeight: confirmed ? item.height : null,
            blockHash: confirmed ? await blockHashAt(item.height) : null,
            outputs: tx.outputs,
            replaceable:
              !confirmed && (item.height === -1 || signalsRbf(tx.inputs.map((input) => input.sequence))),
            from: await sendersOf(tx),
          };
        }),
      );
    },
    async hasHistory(watched: WatchedAddress) {
      const history = await call('blockchain.scripthash.get_history', [watched.scripthash], historySchema);
      return history.length > 0;
    },
  };
}
