import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EvmRpcError, EvmRpcUnavailableError, createEvmRpc, isRangeTooLarge, redact } from './rpc';

describe('isRangeTooLarge', () => {
  const cases: [string, number, string, boolean][] = [
    ['Infura', -32005, 'query returned more than 10000 results', true],
    [
      'Alchemy',
      -32602,
      'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range',
      true,
    ],
    ['QuickNode', -32614, 'eth_getLogs is limited to a 10,000 range', true],
    ['geth', -32000, 'exceed maximum block range: 5000', true],
    ['a revert', 3, 'execution reverted', false],
    ['an unknown method', -32601, 'the method eth_foo does not exist/is not available', false],
  ];
  it.each(cases)('%s', (_label, code, message, expected) => {
    expect(isRangeTooLarge(new EvmRpcError(code, message))).toBe(expected);
  });
  it('is false for other errors', () => {
    expect(isRangeTooLarge(new Error('range'))).toBe(false);
  });
});

describe('redact', () => {
  it.each([
    ['https://eth-mainnet.g.alchemy.com/v2/SECRETKEY', 'https://eth-mainnet.g.alchemy.com/…'],
    ['https://mainnet.infura.io/v3/abc?x=1', 'https://mainnet.infura.io/…'],
    ['http://127.0.0.1:8545', 'http://127.0.0.1:8545'],
    ['not a url', 'an invalid URL'],
  ])('%s → %s', (url, shown) => {
    expect(redact(url)).toBe(shown);
  });
});

describe('createEvmRpc', () => {
  async function server(answer: (count: number, res: http.ServerResponse) => void) {
    let count = 0;
    const srv = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(++count, res));
    });
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
    return {
      url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
      close: () => srv.close(),
      count: () => count,
    };
  }

  it('retries after HTTP 429, counting every request by method', async () => {
    const srv = await server((count, res) => {
      if (count <= 2) res.writeHead(429, { 'retry-after': '0' }).end();
      else res.writeHead(200).end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: '0x10' }));
    });
    const rpc = createEvmRpc({ urls: [srv.url], backoffMs: 1 });
    expect(await rpc.call('eth_blockNumber', [])).toBe('0x10');
    expect(rpc.stats()).toMatchObject({ requests: 3, byMethod: { eth_blockNumber: 3 }, rateLimited: 2 });
    rpc.close();
    srv.close();
  });

  it('throws a JSON-RPC error answer as it is, without retrying', async () => {
    const srv = await server((_count, res) =>
      res
        .writeHead(200)
        .end(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: 3, message: 'execution reverted' } })),
    );
    const rpc = createEvmRpc({ urls: [srv.url] });
    await expect(rpc.call('eth_call', [])).rejects.toBeInstanceOf(EvmRpcError);
    expect(srv.count()).toBe(1);
    rpc.close();
    srv.close();
  });

  it('gives up with a clear error when no URL answers', async () => {
    const rpc = createEvmRpc({ urls: ['http://127.0.0.1:1'], maxAttempts: 2, maxBackoffMs: 5 });
    await expect(rpc.call('eth_blockNumber', [])).rejects.toBeInstanceOf(EvmRpcUnavailableError);
    expect(rpc.status().lastError).toMatch(/127\.0\.0\.1:1/);
    rpc.close();
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => createEvmRpc({ urls: ['ftp://x'] })).toThrow(/http/);
    expect(() => createEvmRpc({ urls: [] })).toThrow(/At least one/);
  });
});
