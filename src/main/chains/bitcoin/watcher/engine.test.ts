import { describe, expect, it } from 'vitest';
import { type ObservedPayment } from '../../watcher';
import { bitcoinAddressScript, bytesToHex } from '../addresses';
import { ChainKeyError } from '../errors';
import {
  BackendError,
  backoffDelayMs,
  retryAfterMs,
  signalsRbf,
  type BackendTip,
  type BackendTx,
  type BitcoinBackend,
} from './backend';
import { createWatcherEngine, paymentsOf } from './engine';

const mine = 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu';
const other = 'bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g';
const mineHex = bytesToHex(bitcoinAddressScript(mine, 'mainnet'));
const otherHex = bytesToHex(bitcoinAddressScript(other, 'mainnet'));
const watched = {
  watched: { address: mine, canonical: mine, scriptHex: mineHex, scripthash: '' },
  fromHeight: undefined,
};

function tx(partial: Partial<BackendTx> & { txid: string }): BackendTx {
  return { blockHeight: null, blockHash: null, outputs: [], replaceable: false, from: [], ...partial };
}
const t = (n: number) => n.toString(16).padStart(64, '0');

describe('paymentsOf', () => {
  it.each<[string, BackendTx[], number | undefined, number | null, Partial<ObservedPayment>[]]>([
    ['nothing', [], undefined, 10, []],
    [
      'an unconfirmed payment, replaceable',
      [tx({ txid: t(1), outputs: [{ vout: 1, scriptHex: mineHex, valueSats: 500n }], replaceable: true })],
      undefined,
      10,
      [{ key: `btc:${t(1)}:1`, confirmations: 0, replaceable: true, amountUnits: 500n, blockHeight: null }],
    ],
    [
      'confirmations from the tip; a confirmed one is never replaceable',
      [
        tx({
          txid: t(2),
          blockHeight: 8,
          blockHash: t(99),
          outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 7n }],
          replaceable: true,
        }),
      ],
      undefined,
      10,
      [{ confirmations: 3, replaceable: false, blockHash: t(99) }],
    ],
    [
      'a block above the tip we know counts as one confirmation',
      [
        tx({
          txid: t(3),
          blockHeight: 12,
          blockHash: t(98),
          outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 7n }],
        }),
      ],
      undefined,
      10,
      [{ confirmations: 1 }],
    ],
    [
      'outputs to other addresses are not ours; two outputs to us are two payments',
      [
        tx({
          txid: t(4),
          outputs: [
            { vout: 0, scriptHex: otherHex, valueSats: 1n },
            { vout: 1, scriptHex: mineHex, valueSats: 2n },
            { vout: 2, scriptHex: mineHex, valueSats: 3n },
          ],
        }),
      ],
      undefined,
      10,
      [
        { key: `btc:${t(4)}:1`, amountUnits: 2n },
        { key: `btc:${t(4)}:2`, amountUnits: 3n },
      ],
    ],
    [
      'fromHeight leaves out older confirmed payments, never unconfirmed ones',
      [
        tx({
          txid: t(5),
          blockHeight: 4,
          blockHash: t(97),
          outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 1n }],
        }),
        tx({
          txid: t(6),
          blockHeight: 5,
          blockHash: t(96),
          outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 1n }],
        }),
        tx({ txid: t(7), outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 1n }] }),
      ],
      5,
      10,
      [{ txid: t(6) }, { txid: t(7) }],
    ],
    [
      'listed twice (mempool and chain in a race): one payment, the confirmed view',
      [
        tx({ txid: t(8), outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 1n }] }),
        tx({
          txid: t(8),
          blockHeight: 10,
          blockHash: t(95),
          outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 1n }],
        }),
      ],
      undefined,
      10,
      [{ key: `btc:${t(8)}:0`, confirmations: 1 }],
    ],
  ])('%s', (_name, txs, fromHeight, tipHeight, expected) => {
    const payments = paymentsOf({ ...watched, fromHeight }, txs, tipHeight);
    expect(payments).toHaveLength(expected.length);
    payments.forEach((payment, i) => {
      expect(payment).toMatchObject({ address: mine, asset: 'BTC', ...expected[i] });
    });
  });
});

describe('back-off and signals', () => {
  it.each<[number, number, number, number | null, number]>([
    [0, 5000, 60_000, null, 5000],
    [1, 5000, 60_000, null, 10_000],
    [2, 5000, 60_000, null, 20_000],
    [5, 5000, 60_000, null, 60_000],
    [50, 5000, 60_000, null, 60_000],
    [1, 5000, 60_000, 30_000, 30_000],
    [1, 5000, 60_000, 3_600_000, 600_000],
    [3, 20, 10, null, 20],
  ])(
    '%i failures, every %i ms, at most %i, server asked %s → %i ms',
    (failures, interval, max, asked, delay) => {
      expect(backoffDelayMs(failures, interval, max, asked)).toBe(delay);
    },
  );

  it.each<[string | null, number | null]>([
    [null, null],
    ['', null],
    ['120', 120_000],
    ['Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
    ['soon', null],
  ])('Retry-After %s', (header, expected) => {
    expect(retryAfterMs(header, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(expected);
  });

  it.each<[number[], boolean]>([
    [[0xffffffff], false],
    [[0xfffffffe], false],
    [[0xfffffffd], true],
    [[0xffffffff, 0], true],
    [[], false],
  ])('sequences %j signal RBF: %s', (sequences, expected) => {
    expect(signalsRbf(sequences)).toBe(expected);
  });
});

function scriptedBackend() {
  const state = {
    tip: { height: 10, hash: t(500) } as BackendTip,
    txs: [] as BackendTx[],
    failing: false,
    closed: 0,
  };
  const backend: BitcoinBackend = {
    label: 'scripted',
    pushes: false,
    open: async () => undefined,
    close: async () => {
      state.closed += 1;
    },
    getTip: async () => {
      if (state.failing) throw new BackendError('HTTP 503 from the scripted backend', 503);
      return state.tip;
    },
    addWatch: async () => undefined,
    removeWatch: async () => undefined,
    listTransactions: async () => state.txs,
    hasHistory: async () => state.txs.length > 0,
  };
  return { state, backend };
}

describe('the engine', () => {
  it('a failed round reports nothing and takes nothing back; health goes degraded, then down, then ok', async () => {
    const { state, backend } = scriptedBackend();
    const engine = createWatcherEngine({
      chain: 'btc:mainnet',
      network: 'mainnet',
      backend,
      pollIntervalMs: 600_000,
      maxBackoffMs: 600_000,
    });
    const reports: (readonly ObservedPayment[])[] = [];
    engine.onPayments((_address, payments) => reports.push(payments));
    engine.onPayments(() => {
      throw new Error('a broken listener does not stop the others');
    });
    expect(engine.health().state).toBe('starting');
    engine.watch(mine);
    state.txs = [tx({ txid: t(1), outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 10n }] })];
    await engine.start();
    expect(reports).toHaveLength(1);
    expect(engine.health()).toMatchObject({
      state: 'ok',
      detail: 'scripted',
      tip: { height: 10, hash: t(500) },
    });

    state.failing = true;
    state.txs = [];
    await engine.refresh();
    expect(engine.health()).toMatchObject({
      state: 'degraded',
      detail: 'scripted — last error: HTTP 503 from the scripted backend',
    });
    for (let i = 0; i < 4; i += 1) await engine.refresh();
    expect(engine.health().state).toBe('down');
    expect(reports).toHaveLength(1); // nothing taken back while the node could not be asked

    state.failing = false;
    await engine.refresh();
    expect(engine.health().state).toBe('ok');
    expect(reports.at(-1)).toEqual([]); // now the node says it is gone
    await engine.refresh();
    expect(reports).toHaveLength(2); // the same set is not reported again

    engine.unwatch(mine);
    state.txs = [tx({ txid: t(2), outputs: [{ vout: 0, scriptHex: mineHex, valueSats: 10n }] })];
    await engine.refresh();
    expect(reports).toHaveLength(2);
    await engine.stop();
    expect(engine.health().state).toBe('stopped');
    expect(state.closed).toBe(1);
  });

  it('refuses an address of another network, and a tip change is told', async () => {
    const { state, backend } = scriptedBackend();
    const engine = createWatcherEngine({
      chain: 'btc:mainnet',
      network: 'mainnet',
      backend,
      pollIntervalMs: 600_000,
      maxBackoffMs: 600_000,
    });
    expect(() => engine.watch('tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7')).toThrow(
      ChainKeyError,
    );
    await expect(engine.hasHistory('not an address')).rejects.toThrow(/Not a Bitcoin mainnet address/);
    const tips: number[] = [];
    engine.onTip((tip) => tips.push(tip.height));
    await engine.start();
    state.tip = { height: 11, hash: t(501) };
    await engine.refresh();
    await engine.refresh();
    expect(tips).toEqual([10, 11]);
    await engine.stop();
  });
});
