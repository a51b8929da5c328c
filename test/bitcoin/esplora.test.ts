import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBitcoinSimChain,
  createBitcoinWatcher,
  type BitcoinSimChain,
} from '../../src/main/chains/bitcoin';
import { type ChainWatcher } from '../../src/main/chains/watcher';
import { describeBackendScenarios, freshAddress } from './scenarios';
import { record, recordingLogger, waitFor } from './support';

describeBackendScenarios('Esplora', {
  pushes: false,
  backendFor: async (sim) => ({ config: { kind: 'esplora', url: sim.esploraUrl } }),
});

describe('Esplora: paging, errors and back-off', () => {
  let sim: BitcoinSimChain | undefined;
  let watcher: ChainWatcher | undefined;
  afterEach(async () => {
    await watcher?.stop();
    await sim?.close();
    watcher = undefined;
    sim = undefined;
  });

  it('pages through more than 25 confirmed transactions', async () => {
    sim = await createBitcoinSimChain();
    const address = freshAddress();
    const txids: string[] = [];
    for (let i = 0; i < 32; i += 1) {
      txids.push(sim.pay(address, BigInt(1000 + i)));
      if (i % 8 === 7) sim.mine(1);
    }
    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'esplora', url: sim.esploraUrl },
      pollIntervalMs: 600_000,
    });
    const recorder = record(watcher);
    watcher.watch(address);
    await watcher.start();
    const payments = await recorder.until(address, 'all 32 payments', (p) => p.length === 32);
    expect(new Set(payments.map((p) => p.txid))).toEqual(new Set(txids));
    expect(payments.every((p) => p.confirmations >= 1)).toBe(true);
  });

  it('backs off after HTTP 429 as Retry-After asks, then after 5xx by doubling, and recovers', async () => {
    sim = await createBitcoinSimChain();
    const { logger, warnings } = recordingLogger();
    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'esplora', url: sim.esploraUrl },
      pollIntervalMs: 20,
      logger,
    });
    const recorder = record(watcher);
    const address = freshAddress();
    const txid = sim.pay(address, 99_000n);
    sim.injectEsploraFault({ status: 429, count: 1, retryAfterSec: 1 });
    sim.injectEsploraFault({ status: 503, count: 3 });
    watcher.watch(address);
    await watcher.start();
    expect(watcher.health().state).toBe('down');
    expect(watcher.health().detail).toMatch(/HTTP 429/);
    await recorder.until(address, 'the payment after the faults', (p) => p[0]?.txid === txid);
    const delays = warnings.filter((w) => w.msg?.includes('backing off')).map((w) => w.obj.delayMs as number);
    expect(delays).toHaveLength(4);
    expect(delays[0]).toBeGreaterThanOrEqual(1000); // Retry-After: 1
    expect(delays.slice(1)).toEqual([80, 160, 320]); // 20 ms doubled per failure in a row
    expect(watcher.health().state).toBe('ok');
    expect(watcher.health().detail).not.toMatch(/error/);
  });

  it('a backend that is not there is down with the reason, and reports no payments', async () => {
    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'esplora', url: 'http://user:secret@127.0.0.1:1/api' },
      pollIntervalMs: 600_000,
    });
    const recorder = record(watcher);
    const address = freshAddress();
    watcher.watch(address);
    await watcher.start();
    const health = watcher.health();
    expect(health.state).toBe('down');
    expect(health.detail).toMatch(
      /Esplora http:\/\/127\.0\.0\.1:1\/api — last error: Esplora did not answer/,
    );
    expect(health.detail).not.toContain('secret');
    expect(recorder.reports(address)).toEqual([]);
  });

  it('a user name and password in the URL travel as basic auth, never in the URL or the health text', async () => {
    const seen: { authorization: string | undefined; url: string | undefined }[] = [];
    const server = http.createServer((request, response) => {
      seen.push({ authorization: request.headers.authorization, url: request.url });
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('maintenance');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      watcher = createBitcoinWatcher({
        network: 'regtest',
        backend: { kind: 'esplora', url: `http://shop:p%40ss@127.0.0.1:${port}/api/` },
        pollIntervalMs: 600_000,
      });
      await watcher.start();
      expect(seen[0]).toEqual({
        authorization: `Basic ${Buffer.from('shop:p@ss').toString('base64')}`,
        url: '/api/blocks/tip/hash',
      });
      expect(watcher.health().detail).toBe(
        `Esplora http://127.0.0.1:${port}/api — last error: Esplora answered HTTP 503 to /blocks/tip: maintenance`,
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses to watch an address of another network', async () => {
    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'esplora', url: 'http://127.0.0.1:1' },
    });
    expect(() => watcher?.watch('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu')).toThrow(
      /Not a Bitcoin regtest address/,
    );
    await waitFor('nothing', () => true);
  });
});
