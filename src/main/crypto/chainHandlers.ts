/**
 * The `chains.*` handlers (src/shared/api/cryptoChains.ts): the chains the till knows, set up by the
 * owner; EVM chains added by chain id; tokens added to an EVM chain by contract address, their
 * decimals and symbol read on-chain. A changed chain gets a fresh watcher at the next tick.
 */
import { type ApiInput } from '../../shared/api';
import { TillpointError } from '../../shared/api/errors';
import { type PartialHandlerImpls } from '../kernel';
import { type BitcoinBackend, type ChainAsset, type ChainConfig } from './libs';
import { type CryptoHandlerPorts } from './handlers';
import { chainView } from './views';
import { within } from './within';

/** How long the chain's RPC may take to answer a token's decimals and symbol, or a connection test. */
const chainAnswerTimeoutMs = 10_000;

type BackendInput = NonNullable<ApiInput<'chains.configure'>['bitcoin']>;

/**
 * The Bitcoin backend to save: a pinned Electrum certificate is kept when the same server is saved
 * again without one (the view never sends the fingerprint back), and removed when it is set to null.
 */
export function backendToSave(current: BitcoinBackend | undefined, next: BackendInput): BitcoinBackend {
  if (next.kind !== 'electrum') return next;
  const { certSha256, ...server } = next;
  if (certSha256) return { ...server, certSha256 };
  const samePinned =
    certSha256 === undefined &&
    current?.kind === 'electrum' &&
    current.host === server.host &&
    current.port === server.port &&
    current.certSha256 !== undefined;
  return samePinned ? { ...server, certSha256: current.certSha256 } : server;
}

export function createChainHandlers(
  ports: Pick<CryptoHandlerPorts, 'deps' | 'engine' | 'audit' | 'libs'>,
): PartialHandlerImpls {
  const { deps, engine, audit } = ports;
  const { store } = engine;
  const view = (chain: ChainConfig) => chainView(engine, chain, ports.libs().presets());
  const requireChain = (chainKey: string): ChainConfig => {
    const chain = engine.chains().find((c) => c.chainKey === chainKey);
    if (!chain) {
      throw new TillpointError('not_found', `This till knows no chain ${chainKey}.`, { chainKey });
    }
    return chain;
  };
  const requireEvm = (chainKey: string): ChainConfig => {
    const chain = requireChain(chainKey);
    if (chain.family !== 'evm')
      throw new TillpointError(
        'bad_input',
        `${chain.label} is not an EVM chain: tokens are for EVM chains.`,
        {
          chainKey,
        },
      );
    return chain;
  };

  /** Saves a chain with its audit line, then drops its watcher so the next tick reads it anew. */
  const save = async (
    next: ChainConfig,
    staffId: string,
    action: string,
    details: Record<string, unknown>,
  ) => {
    deps.db.transaction(() => {
      store.saveChain(next, staffId, deps.now().toISOString());
      audit.record({ staffId, action, ref: next.chainKey, details });
    })();
    await engine.resetWatcher(next.chainKey);
    engine.tick();
    return { chain: view(next) };
  };

  return {
    'chains.list': () => ({ chains: engine.chains().map(view) }),
    'chains.configure': async (input, ctx) => {
      const current = requireChain(input.chainKey);
      if (input.bitcoin && current.family !== 'bitcoin')
        throw new TillpointError('bad_input', 'A Bitcoin backend is for a Bitcoin chain.');
      if ((input.rpcUrls || input.wsUrls) && current.family !== 'evm')
        throw new TillpointError('bad_input', 'RPC URLs are for an EVM chain.');
      const next: ChainConfig = {
        ...current,
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.confirmations !== undefined ? { confirmations: input.confirmations } : {}),
        ...(input.qrStyle !== undefined ? { qrStyle: input.qrStyle } : {}),
        ...(input.bitcoin !== undefined ? { bitcoin: backendToSave(current.bitcoin, input.bitcoin) } : {}),
        ...(input.explorerTxUrl !== undefined ? { explorerTxUrl: input.explorerTxUrl } : {}),
        ...(input.rpcUrls !== undefined || input.wsUrls !== undefined
          ? {
              evm: {
                rpcUrls: input.rpcUrls ?? current.evm?.rpcUrls ?? [],
                wsUrls: input.wsUrls ?? current.evm?.wsUrls ?? [],
              },
            }
          : {}),
      };
      return save(next, ctx.staff.staffId, 'crypto.chain_configured', {
        enabled: next.enabled,
        confirmations: next.confirmations,
        qrStyle: next.qrStyle,
      });
    },
    'chains.addEvm': async (input, ctx) => {
      const chainKey = `evm:${input.chainId}`;
      const known = engine.chains().find((c) => c.chainKey === chainKey);
      if (known) {
        throw new TillpointError(
          'conflict',
          `This till knows chain ${input.chainId} already (${known.label}): set it up instead of adding it.`,
          { chainKey, reason: 'chain_exists' },
        );
      }
      const chain: ChainConfig = {
        chainKey,
        family: 'evm',
        network: String(input.chainId),
        label: input.label,
        assets: [{ symbol: input.nativeSymbol, contract: null, decimals: input.nativeDecimals }],
        confirmations: input.confirmations,
        qrStyle: 'uri',
        enabled: true,
        evm: { rpcUrls: input.rpcUrls, wsUrls: input.wsUrls },
        ...(input.explorerTxUrl !== undefined ? { explorerTxUrl: input.explorerTxUrl } : {}),
      };
      return save(chain, ctx.staff.staffId, 'crypto.chain_added', {
        chainId: input.chainId,
        label: input.label,
        nativeSymbol: input.nativeSymbol,
      });
    },
    'chains.addToken': async (input, ctx) => {
      const chain = requireEvm(input.chainKey);
      if ((chain.evm?.rpcUrls.length ?? 0) === 0) {
        throw new TillpointError(
          'bad_input',
          `Enter an RPC URL for ${chain.label} first: the token's decimals and symbol are read from the chain.`,
          { chainKey: chain.chainKey, reason: 'no_rpc' },
        );
      }
      const lower = input.contract.toLowerCase();
      const listed = chain.assets.find((a) => a.contract?.toLowerCase() === lower);
      if (listed) {
        throw new TillpointError(
          'conflict',
          `${chain.label} takes ${listed.symbol} at that address already.`,
          {
            chainKey: chain.chainKey,
            reason: 'token_exists',
          },
        );
      }
      let token: ChainAsset;
      try {
        token = await within(
          ports.libs().readToken(chain, input.contract),
          chainAnswerTimeoutMs,
          `The RPC of ${chain.label}`,
        );
      } catch (error) {
        throw new TillpointError(
          'bad_input',
          `No token could be read at ${input.contract} on ${chain.label}: ${error instanceof Error ? error.message : String(error)}`,
          { chainKey: chain.chainKey, reason: 'token_unreadable' },
        );
      }
      if (!/^[A-Za-z0-9.]{1,16}$/.test(token.symbol)) {
        throw new TillpointError(
          'bad_input',
          `The token at ${input.contract} calls itself "${token.symbol.slice(0, 20)}", which the checkout cannot offer (a symbol is 1 to 16 letters, digits or dots).`,
          { chainKey: chain.chainKey, reason: 'token_symbol' },
        );
      }
      const sameSymbol = chain.assets.find((a) => a.symbol.toUpperCase() === token.symbol.toUpperCase());
      if (sameSymbol) {
        throw new TillpointError(
          'conflict',
          `${chain.label} already has an asset called ${token.symbol}; the checkout could not tell them apart.`,
          { chainKey: chain.chainKey, reason: 'symbol_taken' },
        );
      }
      return save({ ...chain, assets: [...chain.assets, token] }, ctx.staff.staffId, 'crypto.token_added', {
        contract: token.contract,
        symbol: token.symbol,
        decimals: token.decimals,
      });
    },
    'chains.removeToken': async (input, ctx) => {
      const chain = requireEvm(input.chainKey);
      const lower = input.contract.toLowerCase();
      const preset = ports
        .libs()
        .presets()
        .find((p) => p.chainKey === chain.chainKey);
      if (preset?.assets.some((a) => a.contract?.toLowerCase() === lower)) {
        throw new TillpointError(
          'bad_input',
          `That token comes with ${chain.label}; it cannot be removed (turn the chain off instead).`,
          { chainKey: chain.chainKey, reason: 'preset_token' },
        );
      }
      const token = chain.assets.find((a) => a.contract?.toLowerCase() === lower);
      if (!token) {
        throw new TillpointError('not_found', `${chain.label} has no token at ${input.contract}.`, {
          chainKey: chain.chainKey,
        });
      }
      const open = store
        .watchingInvoices()
        .find((i) => i.chainKey === chain.chainKey && i.tokenContract?.toLowerCase() === lower);
      if (open) {
        throw new TillpointError(
          'conflict',
          `An invoice in ${token.symbol} is still being watched (${open.id}); remove the token once it is done.`,
          { chainKey: chain.chainKey, invoiceId: open.id, reason: 'token_in_use' },
        );
      }
      const assets = chain.assets.filter((a) => a !== token);
      return save({ ...chain, assets }, ctx.staff.staffId, 'crypto.token_removed', {
        contract: token.contract,
        symbol: token.symbol,
      });
    },
    'chains.test': async (input) => {
      const chain = requireChain(input.chainKey);
      let watcher;
      try {
        watcher = ports.libs().createWatcher({ ...chain, enabled: true });
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error), tipHeight: null };
      }
      try {
        await within(
          (async () => {
            await watcher.start();
            await watcher.refresh();
          })(),
          chainAnswerTimeoutMs,
          chain.label,
        );
        const health = watcher.health();
        return {
          ok: health.tip !== null,
          detail: health.detail || health.state,
          tipHeight: health.tip?.height ?? null,
        };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error), tipHeight: null };
      } finally {
        // Not waited for: the answer is known, and a stuck connection must not hold it back.
        void watcher.stop().catch(() => undefined);
      }
    },
  };
}
