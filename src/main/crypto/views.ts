/** How the crypto domain's records look through the API (src/shared/api/crypto.ts). */
import { type ApiOutput } from '../../shared/api';
import { type CryptoEngine } from './engine';
import { type BitcoinBackend, type ChainConfig, type CryptoLibs } from './libs';
import { type CryptoRefundRecord, type InvoiceRecord } from './store';
import { unitsToDecimal } from './units';
import { checkHintOf } from './checkHint';

type InvoiceView = ApiOutput<'invoices.get'>['invoice'];
type RefundView = ApiOutput<'cryptoRefunds.create'>['refund'];
type ChainView = ApiOutput<'chains.configure'>['chain'];

export function chainIdOf(chain: { family: string; network: string }): number | null {
  return chain.family === 'evm' ? Number(chain.network) : null;
}

export function explorerUrl(libs: CryptoLibs, chain: ChainConfig | null, txid: string | null): string | null {
  if (!chain || !txid) return null;
  if (chain.explorerTxUrl) return chain.explorerTxUrl.replace('{txid}', txid);
  try {
    return libs.explorerTxUrl(chain, txid);
  } catch {
    return null;
  }
}

export function refundView(libs: CryptoLibs, engine: CryptoEngine, refund: CryptoRefundRecord): RefundView {
  const invoice = engine.store.invoice(refund.invoiceId);
  return {
    id: refund.id,
    invoiceId: refund.invoiceId,
    chainKey: refund.chainKey,
    asset: refund.asset,
    amountUnits: refund.amountUnits.toString(),
    amount: unitsToDecimal(refund.amountUnits, invoice?.decimals ?? 0),
    address: refund.address,
    reason: refund.reason,
    status: refund.status,
    txid: refund.txid,
    explorerUrl: explorerUrl(libs, engine.chainOf(refund.chainKey), refund.txid),
    createdAt: refund.createdAt,
    doneAt: refund.doneAt,
  };
}

export function invoiceView(libs: CryptoLibs, engine: CryptoEngine, invoice: InvoiceRecord): InvoiceView {
  const chain = engine.chainOf(invoice.chainKey);
  const state = engine.lifecycleOf(invoice);
  const network = chain?.label ?? invoice.chainKey;
  const chainId = chain ? chainIdOf(chain) : null;
  const final = invoice.status === 'settled' || invoice.status === 'invalid';
  return {
    id: invoice.id,
    paymentId: invoice.paymentId,
    orderId: invoice.orderId,
    status: invoice.status,
    exception: invoice.exception,
    phase: invoice.phase,
    message: engine.describe(invoice),
    chainKey: invoice.chainKey,
    network,
    chainId,
    asset: invoice.asset,
    tokenContract: invoice.tokenContract,
    decimals: invoice.decimals,
    address: invoice.address,
    amountUnits: invoice.amountUnits.toString(),
    amount: unitsToDecimal(invoice.amountUnits, invoice.decimals),
    currency: invoice.currency,
    fiatAmountMinor: invoice.fiatAmountMinor.toString(),
    rate: invoice.rate,
    rateSource: invoice.rateSource,
    uri: invoice.uri,
    qrStyle: chain?.qrStyle ?? 'uri',
    checkHint: checkHintOf(invoice, network, chainId),
    createdAt: invoice.createdAt,
    expiresAt: invoice.expiresAt,
    monitoringUntil: invoice.monitoringUntil,
    paidUnits: invoice.paidUnits.toString(),
    dueUnits: (final ? 0n : state.dueUnits).toString(),
    overUnits: (invoice.paidUnits > invoice.amountUnits
      ? invoice.paidUnits - invoice.amountUnits
      : 0n
    ).toString(),
    confirmations: invoice.confirmations,
    confirmationsRequired: invoice.confirmationsRequired,
    acceptedLate: invoice.acceptedLate,
    payments: engine.store.invoicePayments(invoice.id).map((p) => ({
      key: p.key,
      txid: p.txid,
      amountUnits: p.amountUnits.toString(),
      amount: unitsToDecimal(p.amountUnits, invoice.decimals),
      blockHeight: p.blockHeight,
      confirmations: p.confirmations,
      replaceable: p.replaceable,
      firstSeenAt: p.firstSeenAt,
      gone: p.goneAt !== null,
      explorerUrl: explorerUrl(libs, chain, p.txid),
    })),
    refunds: engine.store.refundsOfInvoice(invoice.id).map((r) => refundView(libs, engine, r)),
  };
}

/** A chain for the owner, without secrets; `presets`: the chains the till knows without configuration. */
export function chainView(
  engine: CryptoEngine,
  chain: ChainConfig,
  presets: readonly ChainConfig[],
): ChainView {
  const preset = presets.find((p) => p.chainKey === chain.chainKey) ?? null;
  const presetTokens = new Set(
    (preset?.assets ?? []).flatMap((a) => (a.contract ? [a.contract.toLowerCase()] : [])),
  );
  const watcher = engine.watchersHealth().find((w) => w.chainKey === chain.chainKey) ?? null;
  const backend =
    chain.family === 'bitcoin'
      ? chain.bitcoin
        ? chain.bitcoin.kind === 'electrum'
          ? `Electrum ${chain.bitcoin.host}:${chain.bitcoin.port}${chain.bitcoin.tls ? ' (TLS)' : ''}`
          : `${chain.bitcoin.kind === 'esplora' ? 'Esplora' : 'Bitcoin Core'} ${hostOf(chain.bitcoin.url)}`
        : 'not set'
      : chain.evm && chain.evm.rpcUrls.length > 0
        ? `RPC ${chain.evm.rpcUrls.map(hostOf).join(', ')}`
        : 'not set';
  return {
    chainKey: chain.chainKey,
    family: chain.family,
    network: chain.network,
    label: chain.label,
    chainId: chainIdOf(chain),
    assets: chain.assets.map((a) => ({ symbol: a.symbol, contract: a.contract, decimals: a.decimals })),
    confirmations: chain.confirmations,
    qrStyle: chain.qrStyle,
    enabled: chain.enabled,
    backend,
    setup: {
      bitcoin: chain.bitcoin ? bitcoinSetupOf(chain.bitcoin) : null,
      rpcHosts: (chain.evm?.rpcUrls ?? []).map(hostOf),
      wsHosts: (chain.evm?.wsUrls ?? []).map(hostOf),
      explorerTxUrl: chain.explorerTxUrl ?? null,
    },
    custom: chain.family === 'evm' && preset === null,
    addedTokens: chain.assets.flatMap((a) =>
      a.contract && !presetTokens.has(a.contract.toLowerCase()) ? [a.contract] : [],
    ),
    hasWallet: engine.walletFor(chain) !== null,
    watcher: watcher
      ? {
          state: watcher.state,
          detail: watcher.detail,
          tipHeight: watcher.tip?.height ?? null,
          watched: watcher.watched,
        }
      : null,
  };
}

function bitcoinSetupOf(backend: BitcoinBackend): ChainView['setup']['bitcoin'] {
  switch (backend.kind) {
    case 'esplora':
      return { kind: 'esplora', host: hostOf(backend.url) };
    case 'electrum':
      return {
        kind: 'electrum',
        host: backend.host,
        port: backend.port,
        tls: backend.tls,
        pinned: backend.certSha256 !== undefined,
      };
    case 'core':
      return { kind: 'core', host: hostOf(backend.url), wallet: backend.wallet ?? null };
  }
}

/** A URL's host only: an RPC URL may carry an API key in its path or query, which the screens never show. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'a URL';
  }
}
