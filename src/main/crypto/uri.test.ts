/**
 * The real libraries through the crypto domain: the BIP-84 test vector's zpub gives its first
 * address to the first invoice, and every invoice's URI (and its QR, decoded with jsQR) reads back to
 * the invoice's address, chain id, token and amount.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePaymentUri } from '../../shared/paymentUri';
import { demoEvmAccountKey } from './demo';
import { type ChainConfig, type CryptoLibs } from './libs';
import { createRealLibs, evmPresets } from './realLibs';
import { openCryptoTill, type CryptoTill } from './cryptoTestKit';

const bip84Zpub =
  'zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs';

let till: CryptoTill;
beforeAll(async () => {
  // No watcher can reach a chain here: the backends point at a closed port (hasHistory fails, the invoice goes on).
  const chains: ChainConfig[] = [
    {
      chainKey: 'btc:mainnet',
      family: 'bitcoin',
      network: 'mainnet',
      label: 'Bitcoin',
      assets: [{ symbol: 'BTC', contract: null, decimals: 8 }],
      confirmations: 2,
      qrStyle: 'uri',
      enabled: true,
      bitcoin: { kind: 'esplora', url: 'http://127.0.0.1:9/api' },
    },
    ...evmPresets()
      .filter((c) => c.chainKey === 'evm:137')
      .map((c) => ({ ...c, enabled: true, evm: { rpcUrls: ['http://127.0.0.1:9'], wsUrls: [] } })),
  ];
  const real = createRealLibs();
  const libs: CryptoLibs = {
    ...real,
    presets: () => chains,
    quote: (asset) =>
      Promise.resolve({ rate: asset === 'BTC' ? '97000.5' : '0.9998', source: 'test', atMs: 0 }),
  };
  till = await openCryptoTill({ cryptoLibs: libs });
  await till.core.call(
    'wallets.add',
    { family: 'bitcoin', network: 'mainnet', publicKey: bip84Zpub },
    till.owner,
  );
  await till.core.call(
    'wallets.add',
    { family: 'evm', network: 'evm', publicKey: demoEvmAccountKey },
    till.owner,
  );
});
afterAll(() => till.close());

const decode = (dataUrl: string) => {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
};

describe('invoice URIs and QR codes with the real libraries', () => {
  it('gives the BIP-84 vector its first address, and a BIP-21 URI that reads back exactly', async () => {
    const { wallets } = await till.core.call('wallets.list', {}, till.owner);
    expect(wallets.find((w) => w.family === 'bitcoin')?.firstAddresses[0]?.address).toBe(
      'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu',
    );
    const orderId = await till.newOrder();
    const { invoice } = await till.core.call(
      'invoices.create',
      { orderId, chainKey: 'btc:mainnet', asset: 'BTC' },
      till.cashier,
    );
    expect(invoice.address).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
    // $25.00 / 97,000.5 = 0.00025773063... BTC, rounded UP to the satoshi: 25774 sats.
    expect(invoice.amountUnits).toBe('25774');
    const parsed = parsePaymentUri(invoice.uri);
    expect([parsed.address, parsed.amountUnits]).toEqual([invoice.address, 25774n]);
    for (const content of ['uri', 'address'] as const) {
      const qr = await till.core.call(
        'invoices.qr',
        { invoiceId: invoice.id, content, format: 'png' },
        till.cashier,
      );
      expect(decode(qr.dataUrl)).toBe(qr.text);
    }
    await till.core.call('invoices.cancel', { invoiceId: invoice.id }, till.cashier);
  });

  it('makes an EIP-681 token transfer on Polygon that reads back to the chain id, token and units', async () => {
    const orderId = await till.newOrder();
    const { invoice } = await till.core.call(
      'invoices.create',
      { orderId, chainKey: 'evm:137', asset: 'USDC' },
      till.cashier,
    );
    const parsed = parsePaymentUri(invoice.uri);
    expect(parsed.kind).toBe('token');
    expect(parsed.chainId).toBe(137);
    expect(parsed.token?.toLowerCase()).toBe(invoice.tokenContract?.toLowerCase());
    expect(parsed.address.toLowerCase()).toBe(invoice.address.toLowerCase());
    expect(parsed.amountUnits?.toString()).toBe(invoice.amountUnits);
    const qr = await till.core.call('invoices.qr', { invoiceId: invoice.id, format: 'png' }, till.cashier);
    expect(decode(qr.dataUrl)).toBe(invoice.uri);
  });
});
