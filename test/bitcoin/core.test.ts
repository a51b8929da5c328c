import { afterEach, describe, expect, it } from 'vitest';
import {
  createBitcoinSimChain,
  createBitcoinWatcher,
  type BitcoinSimChain,
} from '../../src/main/chains/bitcoin';
import { startSimCoreRpc } from '../../src/main/chains/bitcoin/sim/coreRpcServer';
import { type ChainWatcher } from '../../src/main/chains/watcher';
import { describeBackendScenarios, freshAddress } from './scenarios';
import { record } from './support';

function coreOf(sim: BitcoinSimChain) {
  if (!sim.coreRpc) throw new Error('the simulated Core RPC is not running');
  return sim.coreRpc;
}

describeBackendScenarios('Bitcoin Core RPC', {
  pushes: false,
  sendersKnown: false,
  backendFor: async (sim) => {
    // The scenarios pay on `sim`: the simulated Core answers over that same chain.
    const rpc = await startSimCoreRpc(sim.state);
    return {
      config: { kind: 'core', url: rpc.url, username: rpc.username, password: rpc.password },
      close: () => rpc.close(),
    };
  },
});

describe('Bitcoin Core RPC: the wallet and errors', () => {
  let sim: BitcoinSimChain | undefined;
  let watcher: ChainWatcher | undefined;
  afterEach(async () => {
    await watcher?.stop();
    await sim?.close();
    watcher = undefined;
    sim = undefined;
  });

  it('creates a watch-only descriptor wallet, imports each address as addr(…) with its checksum', async () => {
    sim = await createBitcoinSimChain({ coreRpc: true });
    const core = coreOf(sim);
    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: {
        kind: 'core',
        url: core.url,
        username: core.username,
        password: core.password,
        wallet: 'shop',
      },
      pollIntervalMs: 600_000,
    });
    const recorder = record(watcher);
    const address = freshAddress();
    watcher.watch(address);
    await watcher.start();
    await recorder.until(address, 'the first report', (p) => p.length === 0);
    expect(core.calls).toEqual(
      expect.arrayContaining([
        'getblockchaininfo',
        'getwalletinfo',
        'loadwallet',
        'createwallet',
        'getdescriptorinfo',
        'importdescriptors',
      ]),
    );
    expect(watcher.health()).toMatchObject({ state: 'ok', detail: expect.stringContaining('wallet shop') });
    const txid = sim.pay(address, 21_000n, { rbf: true });
    await watcher.refresh();
    const [seen] = await recorder.until(address, 'the payment', (p) => p.length === 1);
    expect(seen).toMatchObject({ txid, amountUnits: 21_000n, replaceable: true, confirmations: 0 });
    expect(core.calls).toEqual(
      expect.arrayContaining(['listreceivedbyaddress', 'gettransaction', 'getmempoolentry']),
    );
  });

  it('refuses a Core wallet that holds private keys', async () => {
    sim = await createBitcoinSimChain({
      coreRpc: { existingWallet: { name: 'tillpoint', privateKeys: true } },
    });
    const core = coreOf(sim);
    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'core', url: core.url, username: core.username, password: core.password },
    });
    await watcher.start();
    expect(watcher.health().state).toBe('down');
    expect(watcher.health().detail).toMatch(/holds private keys: give Tillpoint a watch-only wallet/);
  });

  it('a wrong password or another network is told plainly, and the password never shows', async () => {
    sim = await createBitcoinSimChain({ coreRpc: true });
    const core = coreOf(sim);
    watcher = createBitcoinWatcher({
      network: 'regtest',
      backend: { kind: 'core', url: core.url, username: core.username, password: 'wrong-horse' },
    });
    await watcher.start();
    expect(watcher.health().detail).toMatch(/refused the RPC user name or password/);
    expect(watcher.health().detail).not.toContain('wrong-horse');
    await watcher.stop();

    watcher = createBitcoinWatcher({
      network: 'testnet',
      backend: {
        kind: 'core',
        url: `http://${core.username}:${core.password}@${core.url.slice('http://'.length)}`,
      },
    });
    await watcher.start();
    expect(watcher.health().detail).toMatch(/runs regtest, not testnet/);
    expect(watcher.health().detail).not.toContain(core.password);
  });
});
