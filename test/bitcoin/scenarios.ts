/**
 * The scenarios every Bitcoin backend must pass against the simulated chain: a payment seen
 * unconfirmed within one poll or push, confirmations counted, RBF and reorgs take a payment back,
 * a replay never yields a second key, history and `fromHeight`.
 */
import ecc from '@bitcoinerlab/secp256k1';
import { BIP32Factory } from 'bip32';
import { networks } from 'bitcoinjs-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBitcoinSimChain,
  createBitcoinWatcher,
  deriveBitcoinAddress,
  parseBitcoinAccountKey,
  type BitcoinBackendConfig,
  type BitcoinSimChain,
} from '../../src/main/chains/bitcoin';
import { type ChainWatcher } from '../../src/main/chains/watcher';
import { record, type Recorder } from './support';

const bip32 = BIP32Factory(ecc);
const accountKey = parseBitcoinAccountKey(
  bip32.fromSeed(Buffer.alloc(32, 9), networks.testnet).derivePath("m/84'/1'/0'").neutered().toBase58(),
  'regtest',
);
let nextIndex = 0;
/** A fresh receive address of a test wallet, as the crypto domain hands them out. */
export function freshAddress(): string {
  return deriveBitcoinAddress(accountKey, 'regtest', nextIndex++);
}

export interface ScenarioRig {
  readonly sim: BitcoinSimChain;
  readonly watcher: ChainWatcher;
  readonly recorder: Recorder;
  /** For a polling backend: one poll now. For a pushing one: nothing (the push must come by itself). */
  settle(): Promise<void>;
}

export interface ScenarioOptions {
  readonly pushes: boolean;
  /** Whether the backend names the senders (Core without a transaction index does not). */
  readonly sendersKnown?: boolean;
  /** The backend for a simulated chain (and anything to close with it). */
  backendFor(sim: BitcoinSimChain): Promise<{ config: BitcoinBackendConfig; close?: () => Promise<void> }>;
}

export function describeBackendScenarios(name: string, options: ScenarioOptions) {
  describe(`${name}: payments against the simulated chain`, () => {
    let rig: ScenarioRig;
    let closeBackend: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const sim = await createBitcoinSimChain({ network: 'regtest' });
      const backend = await options.backendFor(sim);
      closeBackend = backend.close;
      const watcher = createBitcoinWatcher({
        network: 'regtest',
        backend: backend.config,
        // Polling backends poll only when the test says so (settle); a long interval keeps it so.
        pollIntervalMs: options.pushes ? 60_000 : 600_000,
      });
      await watcher.start();
      rig = {
        sim,
        watcher,
        recorder: record(watcher),
        settle: options.pushes ? async () => undefined : () => watcher.refresh(),
      };
    });

    afterEach(async () => {
      rig.recorder.stop();
      await rig.watcher.stop();
      await closeBackend?.();
      await rig.sim.close();
    });

    async function watched(fromHeight?: number) {
      const address = freshAddress();
      rig.watcher.watch(address, fromHeight === undefined ? undefined : { fromHeight });
      await rig.recorder.until(address, 'the first (empty) report', (payments) => payments.length === 0);
      return address;
    }

    it('sees a payment unconfirmed within one poll or push, then counts its confirmations', async () => {
      const { sim, recorder, watcher } = rig;
      expect(watcher.chain).toBe('btc:regtest');
      const address = await watched();
      const txid = sim.pay(address, 123_456n);
      await rig.settle();
      const [seen] = await recorder.until(address, 'the payment in the mempool', (p) => p.length === 1);
      expect(seen).toMatchObject({
        key: `btc:${txid}:0`,
        address,
        asset: 'BTC',
        amountUnits: 123_456n,
        txid,
        blockHeight: null,
        blockHash: null,
        confirmations: 0,
        replaceable: false,
      });
      expect(seen?.from).toEqual(options.sendersKnown === false ? [] : [sim.walletAddress]);

      const [blockHash] = sim.mine(1);
      await rig.settle();
      const [confirmed] = await recorder.until(address, 'one confirmation', (p) => p[0]?.confirmations === 1);
      expect(confirmed).toMatchObject({ blockHeight: sim.tipHeight(), blockHash, replaceable: false });
      expect(watcher.health().tip?.hash).toBe(sim.tipHash());

      sim.mine(2);
      await rig.settle();
      await recorder.until(address, 'three confirmations', (p) => p[0]?.confirmations === 3);
      expect(watcher.health()).toMatchObject({ state: 'ok', tip: { height: sim.tipHeight() } });
    });

    it('an RBF-signalling payment is replaceable, and its replacement takes it back', async () => {
      const { sim, recorder } = rig;
      const address = await watched();
      const txid = sim.pay(address, 50_000n, { rbf: true });
      await rig.settle();
      const [seen] = await recorder.until(address, 'the RBF payment', (p) => p.length === 1);
      expect(seen).toMatchObject({ key: `btc:${txid}:0`, replaceable: true, confirmations: 0 });

      const replacement = sim.replace(txid); // the same coins paid back to the sender's wallet
      expect(sim.knows(txid)).toBe(false);
      await rig.settle();
      await recorder.until(address, 'the payment taken back', (p) => p.length === 0);
      sim.mine(1);
      await rig.settle();
      expect(sim.knows(replacement)).toBe(true);
      expect(recorder.current(address)).toEqual([]);
    });

    it('a replacement paying the same address less shows the new payment, not both', async () => {
      const { sim, recorder } = rig;
      const address = await watched();
      const txid = sim.pay(address, 80_000n, { rbf: true });
      await rig.settle();
      await recorder.until(address, 'the first version', (p) => p.length === 1);
      const replacement = sim.replace(txid, { toAddress: address, sats: 30_000n });
      await rig.settle();
      const [now] = await recorder.until(address, 'the replacement', (p) => p[0]?.txid === replacement);
      expect(recorder.current(address)).toHaveLength(1);
      expect(now?.amountUnits).toBe(30_000n);
    });

    it('a payment with an unconfirmed parent is replaceable even without the signal', async () => {
      const { sim, recorder } = rig;
      const address = await watched();
      sim.pay(freshAddress(), 10_000n); // leaves unconfirmed change in the wallet
      const txid = sim.pay(address, 20_000n, { fromUnconfirmed: true });
      await rig.settle();
      const [seen] = await recorder.until(address, 'the child payment', (p) => p.length === 1);
      expect(seen).toMatchObject({ txid, replaceable: true });
      sim.mine(1);
      await rig.settle();
      const [confirmed] = await recorder.until(address, 'confirmed', (p) => p[0]?.confirmations === 1);
      expect(confirmed?.replaceable).toBe(false);
    });

    it('a reorg that drops the transaction takes the payment back; one that keeps it moves its block', async () => {
      const { sim, recorder } = rig;
      const dropped = await watched();
      const kept = await watched();
      const droppedTx = sim.pay(dropped, 40_000n);
      const keptTx = sim.pay(kept, 41_000n);
      const [firstBlock] = sim.mine(1);
      sim.mine(1);
      await rig.settle();
      await recorder.until(dropped, 'two confirmations', (p) => p[0]?.confirmations === 2);
      await recorder.until(kept, 'two confirmations', (p) => p[0]?.confirmations === 2);

      sim.reorg(2, { dropTxids: [droppedTx] });
      await rig.settle();
      await recorder.until(dropped, 'the dropped payment taken back', (p) => p.length === 0);
      const [moved] = await recorder.until(
        kept,
        'the kept payment in its new block',
        (p) => p[0]?.blockHash !== firstBlock,
      );
      expect(moved).toMatchObject({ txid: keptTx, key: `btc:${keptTx}:0`, confirmations: 3 });
      expect(rig.watcher.health().tip?.hash).toBe(sim.tipHash());
    });

    it('a replay reports the same natural key, never a second one', async () => {
      const { sim, recorder, watcher } = rig;
      const address = await watched();
      const txid = sim.pay(address, 70_000n);
      await rig.settle();
      await recorder.until(address, 'the payment', (p) => p.length === 1);
      watcher.watch(address); // watched again: idempotent
      await watcher.refresh();
      await watcher.refresh();
      sim.mine(1);
      await rig.settle();
      await recorder.until(address, 'confirmed', (p) => p[0]?.confirmations === 1);
      await watcher.refresh();
      expect([...recorder.keysEver(address)]).toEqual([`btc:${txid}:0`]);
      expect(watcher.watchedCount()).toBe(1);
    });

    it('an address handed over in upper case (as in a QR) is watched and reported as handed', async () => {
      const { sim, recorder } = rig;
      const address = freshAddress().toUpperCase();
      rig.watcher.watch(address);
      await recorder.until(address, 'the first report', (p) => p.length === 0);
      const txid = sim.pay(address.toLowerCase(), 8_000n);
      await rig.settle();
      const [seen] = await recorder.until(address, 'the payment', (p) => p.length === 1);
      expect(seen).toMatchObject({ txid, address });
      expect(await rig.watcher.hasHistory(address)).toBe(true);
    });

    it('two outputs to the same address are two payments; other addresses are not mixed in', async () => {
      const { sim, recorder } = rig;
      const address = await watched();
      const other = await watched();
      const first = sim.pay(address, 11_000n);
      const second = sim.pay(address, 12_000n);
      sim.pay(other, 13_000n);
      await rig.settle();
      const payments = await recorder.until(address, 'both payments', (p) => p.length === 2);
      expect(payments.map((p) => p.key).sort()).toEqual([`btc:${first}:0`, `btc:${second}:0`].sort());
      const others = await recorder.until(other, 'the other payment', (p) => p.length === 1);
      expect(others[0]?.amountUnits).toBe(13_000n);
    });

    it('hasHistory tells a used address from a fresh one; fromHeight ignores older payments', async () => {
      const { sim, recorder, watcher } = rig;
      const used = freshAddress();
      expect(await watcher.hasHistory(used)).toBe(false);
      sim.pay(used, 5_000n);
      sim.mine(1);
      expect(await watcher.hasHistory(used)).toBe(true);

      const address = freshAddress();
      sim.pay(address, 6_000n);
      sim.mine(1);
      watcher.watch(address, { fromHeight: sim.tipHeight() + 1 });
      await rig.settle();
      await recorder.until(
        address,
        'an empty set (the old payment is before fromHeight)',
        (p) => p.length === 0,
      );
      const txid = sim.pay(address, 7_000n);
      await rig.settle();
      const [fresh] = await recorder.until(address, 'the new payment', (p) => p.length === 1);
      expect(fresh?.txid).toBe(txid);
      watcher.unwatch(address);
      expect(watcher.watchedCount()).toBe(0);
    });
  });
}
