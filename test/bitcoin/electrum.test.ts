import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBitcoinSimChain,
  createBitcoinWatcher,
  type BitcoinSimChain,
} from '../../src/main/chains/bitcoin';
import { type ChainWatcher } from '../../src/main/chains/watcher';
import { describeBackendScenarios, freshAddress } from './scenarios';
import { record, waitFor } from './support';

describeBackendScenarios('Electrum (TCP)', {
  pushes: true,
  backendFor: async (sim) => ({
    config: { kind: 'electrum', host: sim.electrum.host, port: sim.electrum.port, tls: false },
  }),
});

function selfSignedCertificate(): { key: string; cert: string; sha256: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'electrum-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const key = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
    const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    return { key, cert, sha256: new X509Certificate(cert).fingerprint256 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Electrum: reconnection and TLS', () => {
  let sim: BitcoinSimChain | undefined;
  let watcher: ChainWatcher | undefined;
  afterEach(async () => {
    await watcher?.stop();
    await sim?.close();
    watcher = undefined;
    sim = undefined;
  });

  it('reconnects after the server drops the socket, subscribes again, and hears new payments', async () => {
    sim = await createBitcoinSimChain();
    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'electrum', host: sim.electrum.host, port: sim.electrum.port, tls: false },
      reconnectBaseMs: 20,
    });
    const recorder = record(watcher);
    const address = freshAddress();
    watcher.watch(address);
    await watcher.start();
    await recorder.until(address, 'the first report', (p) => p.length === 0);
    const first = sim.pay(address, 10_000n);
    await recorder.until(address, 'the first payment', (p) => p.length === 1);

    sim.dropElectrumConnections();
    await waitFor('the watcher to notice', () => watcher?.health().state === 'degraded');
    const activeSim = sim;
    await waitFor('a new connection', () => activeSim.electrumConnectionCount() === 1);
    const second = sim.pay(address, 20_000n); // heard only through the new subscription
    const payments = await recorder.until(address, 'both payments', (p) => p.length === 2);
    expect(payments.map((p) => p.txid).sort()).toEqual([first, second].sort());
    await waitFor('health ok again', () => watcher?.health().state === 'ok');

    // While cut off, a block arrives; after reconnecting the watcher catches up without a push.
    sim.dropElectrumConnections();
    sim.mine(1);
    await recorder.until(address, 'confirmed after catching up', (p) =>
      p.every((x) => x.confirmations === 1),
    );
    expect([...recorder.keysEver(address)].sort()).toEqual([`btc:${first}:0`, `btc:${second}:0`].sort());
  });

  it('a server that accepts the connection but never answers is down, with the reason', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      watcher = createBitcoinWatcher({
        network: 'regtest',
        backend: { kind: 'electrum', host: '127.0.0.1', port, tls: false },
        requestTimeoutMs: 200,
        reconnectBaseMs: 60_000,
      });
      await watcher.start();
      expect(watcher.health().state).toBe('down');
      expect(watcher.health().detail).toMatch(/did not answer server\.version/);
      expect(watcher.health().tip).toBeNull();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('over TLS with a pinned self-signed certificate; refuses it unpinned or with another pin', async () => {
    const certificate = selfSignedCertificate();
    sim = await createBitcoinSimChain({ electrumTls: { key: certificate.key, cert: certificate.cert } });
    const endpoint = sim.electrumTls as { host: string; port: number };

    const unpinned = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'electrum', ...endpoint, tls: true },
      reconnectBaseMs: 60_000,
    });
    await unpinned.start();
    expect(unpinned.health().state).toBe('down');
    expect(unpinned.health().detail).toMatch(/self[- ]signed/i);
    await unpinned.stop();

    const wrongPin = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'electrum', ...endpoint, tls: true, certSha256: 'AB'.repeat(32) },
      reconnectBaseMs: 60_000,
    });
    await wrongPin.start();
    expect(wrongPin.health().detail).toMatch(/does not match the pinned/);
    await wrongPin.stop();

    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'electrum', ...endpoint, tls: true, certSha256: certificate.sha256 },
    });
    const recorder = record(watcher);
    const address = freshAddress();
    watcher.watch(address);
    await watcher.start();
    expect(watcher.health().state).toBe('ok');
    expect(watcher.health().detail).toContain('(TLS)');
    const txid = sim.pay(address, 31_000n, { rbf: true });
    const [seen] = await recorder.until(address, 'the payment over TLS', (p) => p.length === 1);
    expect(seen).toMatchObject({ txid, replaceable: true });
  });
});
