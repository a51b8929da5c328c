/**
 * A loopback Bitcoin Core JSON-RPC server over the simulated chain, answering as Core documents:
 * HTTP basic auth (401 with no body), JSON-RPC 1.0 errors as HTTP 500 (404 for an unknown method)
 * and 2.0 errors as 200, wallet calls at `/wallet/<name>`, amounts in BTC as JSON numbers with 8
 * decimals. It knows the calls a watch-only descriptor wallet needs (see `coreRpcMethods.ts`).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { callCoreMethod, CoreFakeError, isWalletMethod, serializeCoreJson } from './coreRpcMethods';
import { SimCoreWallet } from './coreWallet';
import { type SimChainState } from './simChainState';

export interface SimCoreRpcOptions {
  readonly username?: string;
  readonly password?: string;
  /** A wallet that exists (unloaded) before the watcher comes, e.g. one with private keys. */
  readonly existingWallet?: { name: string; privateKeys: boolean; descriptors?: boolean };
}

export interface SimCoreRpc {
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Every method called, in order. */
  readonly calls: string[];
  close(): Promise<void>;
}

export async function startSimCoreRpc(
  state: SimChainState,
  options: SimCoreRpcOptions = {},
): Promise<SimCoreRpc> {
  const username = options.username ?? 'tillpoint';
  const password = options.password ?? randomBytes(12).toString('hex');
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const wallets = new Map<string, SimCoreWallet>();
  if (options.existingWallet) {
    const wallet = new SimCoreWallet(
      options.existingWallet.name,
      options.existingWallet.privateKeys,
      options.existingWallet.descriptors ?? true,
    );
    wallet.loaded = false;
    wallets.set(wallet.name, wallet);
  }
  const calls: string[] = [];

  const server = http.createServer((request, response) => {
    if (request.headers.authorization !== expected) {
      response.writeHead(401, { 'www-authenticate': 'Basic realm="jsonrpc"' });
      response.end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ result: null, error: { code: -32700, message: 'Parse error' }, id: null }),
        );
        return;
      }
      const v2 = body.jsonrpc === '2.0';
      const id = body.id ?? null;
      const method = typeof body.method === 'string' ? body.method : '';
      calls.push(method);
      const walletMatch = /^\/wallet\/([^/?]+)/.exec(request.url ?? '/');
      const walletName = walletMatch ? decodeURIComponent(walletMatch[1] as string) : null;
      let status = 200;
      let payload: object;
      try {
        let wallet: SimCoreWallet | null = null;
        if (isWalletMethod(method)) {
          const loaded = [...wallets.values()].filter((w) => w.loaded);
          if (walletName !== null) {
            wallet = wallets.get(walletName) ?? null;
            if (!wallet?.loaded)
              throw new CoreFakeError(-18, 'Requested wallet does not exist or is not loaded');
          } else if (loaded.length === 1) {
            wallet = loaded[0] as SimCoreWallet;
          } else if (loaded.length === 0) {
            throw new CoreFakeError(
              -18,
              'No wallet is loaded. Load a wallet using loadwallet or create a new one with createwallet.',
            );
          } else {
            throw new CoreFakeError(
              -19,
              'Wallet file not specified (must request wallet RPC through /wallet/<filename> uri-path).',
            );
          }
          wallet.sync(state);
        }
        const result = callCoreMethod(
          { state, wallets, wallet },
          method,
          Array.isArray(body.params) ? body.params : [],
        );
        payload = v2 ? { jsonrpc: '2.0', result, id } : { result, error: null, id };
      } catch (error) {
        const code = error instanceof CoreFakeError ? error.code : -1;
        const message = error instanceof Error ? error.message : String(error);
        if (!v2) status = code === -32601 ? 404 : 500;
        payload = v2
          ? { jsonrpc: '2.0', error: { code, message }, id }
          : { result: null, error: { code, message }, id };
      }
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(serializeCoreJson(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    username,
    password,
    calls,
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
