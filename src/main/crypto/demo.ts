/**
 * Demo mode: simulated chains in this process, speaking the real backends' protocols (Bitcoin
 * regtest over Esplora REST, an EVM chain over JSON-RPC), read by the real watchers; a demo wallet
 * made of the PUBLIC keys of the well-known test mnemonic ("abandon … about": BIP-84 vpub
 * m/84'/1'/0' and the EVM account xpub m/44'/60'/0', derived once with ethers and bip32; no private
 * key is in the code or the database); fixed demo rates; and the simulated wallet that pays an
 * invoice: the rest due, half of it, more than due, or late (the invoice's expiry is moved to now
 * first, demo only).
 */
import { ulid } from 'ulid';
import { createBitcoinSimChain, type BitcoinSimChain } from '../chains/bitcoin';
import { createEvmSimChain, type EvmSimChain } from '../chains/evm';
import { type CoreDeps } from '../kernel';
import { createRateService, fixedRateProvider } from '../rates';
import { type CryptoEngine } from './engine';
import { type ChainConfig, type CryptoLibs, RateUnavailable } from './libs';
import { type CryptoStore } from './store';

/** BIP-84 account public key (testnet/regtest, SLIP-132 vpub) of the test mnemonic "abandon × 11, about". */
export const demoBitcoinAccountKey =
  'vpub5Y6cjg78GGuNLsaPhmYsiw4gYX3HoQiRBiSwDaBXKUafCt9bNwWQiitDk5VZ5BVxYnQdwoTyXSs2JHRPAgjAvtbBrf8ZhDYe2jWAqvZVnsc';
/** EVM account public key m/44'/60'/0' of the same mnemonic (first address 0x9858EfFD232B4033E47d90003D41EC34EcaEda94). */
export const demoEvmAccountKey =
  'xpub6DCoCpSuQZB2jawqnGMEPS63ePKWkwWPH4TU45Q7LPXWuNd8TMtVxRrgjtEshuqpK3mdhaWHPFsBngh5GFZaM6si3yZdUsT8ddYM3PwnATt';
export const demoEvmChainId = 31337;

export type DemoPayKind = 'full' | 'partial' | 'over' | 'late';

export interface CryptoDemo {
  /** The libraries with the simulated chains as presets and the demo rates. */
  libs(base: CryptoLibs, onlySimulated?: boolean): CryptoLibs;
  pay(invoiceId: string, kind: DemoPayKind): Promise<string>;
  readonly bitcoin: BitcoinSimChain;
  readonly evm: EvmSimChain;
  close(): Promise<void>;
}

/** What the simulated wallet sends for an invoice of `amountUnits` of which `paidUnits` came already: full pays the rest. */
export function demoPayUnits(amountUnits: bigint, paidUnits: bigint, kind: DemoPayKind): bigint {
  const rest = amountUnits > paidUnits ? amountUnits - paidUnits : 0n;
  if (kind === 'partial') return rest / 2n > 0n ? rest / 2n : 1n;
  if (kind === 'over') return rest + (amountUnits / 5n > 0n ? amountUnits / 5n : 1n);
  return rest > 0n ? rest : 1n;
}

export async function startCryptoDemo(options: {
  deps: CoreDeps;
  store: CryptoStore;
  engine: CryptoEngine;
  /** Blocks of the simulated chains (default: Bitcoin mined 2 s and 4 s after a payment; EVM every 2 s). */
  evmBlockTimeMs?: number;
}): Promise<CryptoDemo> {
  const { deps, store, engine } = options;
  const bitcoin = await createBitcoinSimChain({ network: 'regtest' });
  let evm: EvmSimChain;
  try {
    evm = await createEvmSimChain({ chainId: demoEvmChainId, blockTimeMs: options.evmBlockTimeMs ?? 2_000 });
  } catch (error) {
    await bitcoin.close();
    throw error;
  }
  const chains: ChainConfig[] = [
    {
      chainKey: 'btc:regtest',
      family: 'bitcoin',
      network: 'regtest',
      label: 'Bitcoin (demo)',
      assets: [{ symbol: 'BTC', contract: null, decimals: 8 }],
      confirmations: 2,
      qrStyle: 'uri',
      enabled: true,
      bitcoin: { kind: 'esplora', url: bitcoin.esploraUrl },
    },
    {
      chainKey: `evm:${demoEvmChainId}`,
      family: 'evm',
      network: String(demoEvmChainId),
      label: 'Ethereum (demo)',
      assets: [
        { symbol: 'ETH', contract: null, decimals: 18 },
        ...evm.tokens.map((t) => ({ symbol: t.symbol, contract: t.address, decimals: t.decimals })),
      ],
      confirmations: 3,
      qrStyle: 'uri',
      enabled: true,
      evm: { rpcUrls: [evm.rpcUrl], wsUrls: [evm.wsUrl] },
    },
  ];
  // The simulators' ports change at every start: the demo chains are set up again each time.
  const at = deps.now().toISOString();
  deps.db.transaction(() => {
    for (const chain of chains) store.saveChain(chain, 'system', at);
    const wallets: [family: 'bitcoin' | 'evm', network: string, key: string, label: string][] = [
      ['bitcoin', 'regtest', demoBitcoinAccountKey, 'Demo Bitcoin wallet'],
      ['evm', 'evm', demoEvmAccountKey, 'Demo EVM wallet'],
    ];
    for (const [family, network, publicKey, label] of wallets) {
      if (store.activeWallet(family, network)) continue;
      store.insertWallet({
        id: ulid(deps.now().getTime()),
        family,
        network,
        publicKey,
        label,
        nextIndex: 0,
        createdAt: at,
        createdBy: 'system',
      });
    }
  })();
  const rates = createRateService({ primary: fixedRateProvider() });
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      try {
        run();
      } catch (error) {
        deps.logger.warn({ err: error }, 'demo mode: a simulated block failed');
      }
      void engine
        .watcherFor('btc:regtest')
        ?.refresh()
        .catch(() => undefined);
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  /** Where a simulated chain is read (its simulator's URLs); throws for a chain with no simulator. */
  const simulatedSource = (chain: ChainConfig): Pick<ChainConfig, 'bitcoin' | 'evm'> => {
    const simulated = chains.find((c) => c.chainKey === chain.chainKey);
    if (!simulated)
      throw new Error(`${chain.label}: only the simulated chains are read on this till (no network).`);
    return { bitcoin: simulated.bitcoin, evm: simulated.evm };
  };

  return {
    bitcoin,
    evm,
    libs: (base, onlySimulated = false) => ({
      ...base,
      presets: () =>
        onlySimulated
          ? chains
          : [...base.presets().filter((p) => !chains.some((c) => c.chainKey === p.chainKey)), ...chains],
      // Simulated chains only (tests, the fuzz run): whatever a chain's set-up says, it is read from
      // its simulator, and a chain without one is refused at once: no call waits on the network.
      ...(onlySimulated
        ? {
            createWatcher(chain: ChainConfig) {
              return base.createWatcher({ ...chain, ...simulatedSource(chain) });
            },
            readToken(chain: ChainConfig, contract: string) {
              return base.readToken({ ...chain, ...simulatedSource(chain) }, contract);
            },
          }
        : {}),
      async quote(asset, currency) {
        try {
          const quote = await rates.quote(asset, currency);
          return { rate: quote.rate, source: quote.source, atMs: quote.at.getTime() };
        } catch (error) {
          throw new RateUnavailable(error instanceof Error ? error.message : String(error));
        }
      },
    }),
    async pay(invoiceId, kind) {
      const invoice = store.invoice(invoiceId);
      if (!invoice) throw new Error(`No invoice ${invoiceId}.`);
      if (kind === 'late') {
        store.expireNow(invoiceId, new Date(deps.now().getTime() - 1).toISOString());
        engine.recompute(invoiceId);
      }
      const units = demoPayUnits(invoice.amountUnits, invoice.paidUnits, kind);
      let txid: string;
      if (invoice.chainKey === 'btc:regtest') {
        txid = bitcoin.pay(invoice.address, units);
        later(2_000, () => bitcoin.mine(1));
        later(4_000, () => bitcoin.mine(1));
      } else if (invoice.chainKey === `evm:${demoEvmChainId}`) {
        txid = evm.pay(invoice.address, units, invoice.tokenContract ? { token: invoice.tokenContract } : {});
      } else {
        throw new Error(`The simulated wallet pays only on the demo chains, not on ${invoice.chainKey}.`);
      }
      const watcher = engine.watcherFor(invoice.chainKey);
      await watcher?.refresh().catch(() => undefined);
      return txid;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all([bitcoin.close(), evm.close()]);
    },
  };
}
