/**
 * The chains the owner sets up: an EVM chain added by chain id, tokens added by contract address
 * (decimals and symbol read on-chain, here from the fake chain), removed again when nothing is
 * watched in them; a pinned Electrum certificate; and the view, which never carries a secret.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCryptoTill, type CryptoTill, fakeUsdc, xpubLike } from './cryptoTestKit';

let till: CryptoTill;
beforeEach(async () => {
  till = await openCryptoTill();
});
afterEach(() => till.close());

const token = '0x1111111111111111111111111111111111111111';
const refusal = async (name: Parameters<CryptoTill['core']['invoke']>[0], input: unknown) => {
  const result = await till.core.invoke(name, input as never, till.owner);
  if (result.ok) throw new Error(`${name} was not refused`);
  return result.error;
};

describe('chains.addEvm', () => {
  const gnosis = {
    chainId: 100,
    label: 'Gnosis',
    nativeSymbol: 'xDAI',
    rpcUrls: ['https://rpc.gnosis.test/key-123', 'https://backup.gnosis.test'],
    wsUrls: ['wss://ws.gnosis.test/key-123'],
    confirmations: 12,
    explorerTxUrl: 'https://gnosisscan.test/tx/{txid}',
  };

  it('adds a chain the till did not know; it is listed, custom, and its URLs show as hosts only', async () => {
    const { chain } = await till.core.call('chains.addEvm', gnosis, till.owner);
    expect(chain).toMatchObject({
      chainKey: 'evm:100',
      family: 'evm',
      chainId: 100,
      label: 'Gnosis',
      enabled: true,
      custom: true,
      confirmations: 12,
      assets: [{ symbol: 'xDAI', contract: null, decimals: 18 }],
      setup: {
        bitcoin: null,
        rpcHosts: ['rpc.gnosis.test', 'backup.gnosis.test'],
        wsHosts: ['ws.gnosis.test'],
        explorerTxUrl: 'https://gnosisscan.test/tx/{txid}',
      },
    });
    const listed = (await till.core.call('chains.list', {}, till.owner)).chains;
    expect(listed.map((c) => c.chainKey)).toContain('evm:100');
    expect(JSON.stringify(listed)).not.toContain('key-123');

    // With an EVM wallet, the checkout offers it.
    await till.core.call('wallets.add', { family: 'evm', network: 'evm', publicKey: xpubLike }, till.owner);
    const { options } = await till.core.call('invoices.options', {}, till.cashier);
    expect(options.find((o) => o.chainKey === 'evm:100')?.assets.map((a) => a.symbol)).toEqual(['xDAI']);
  });

  it('refuses a chain it knows, bad fields, and a cashier', async () => {
    expect(await refusal('chains.addEvm', { ...gnosis, chainId: 31337 })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/knows chain 31337 already/),
    });
    for (const bad of [
      { ...gnosis, chainId: 0 },
      { ...gnosis, rpcUrls: [] },
      { ...gnosis, rpcUrls: ['not a url'] },
      { ...gnosis, nativeSymbol: 'x DAI' },
      { ...gnosis, confirmations: 0 },
      { ...gnosis, explorerTxUrl: 'http://gnosisscan.test/tx/' },
      { ...gnosis, extra: 1 },
    ]) {
      expect((await refusal('chains.addEvm', bad)).code, JSON.stringify(bad)).toBe('bad_input');
    }
    const asCashier = await till.core.invoke('chains.addEvm', gnosis, till.cashier);
    expect(asCashier.ok).toBe(false);
  });
});

describe('chains.addToken / chains.removeToken', () => {
  it('adds a token read on-chain, offers it, and removes it when nothing is watched in it', async () => {
    till.libs.tokens.set(token, { symbol: 'EURC', decimals: 6 });
    const { chain } = await till.core.call(
      'chains.addToken',
      { chainKey: 'evm:31337', contract: token },
      till.owner,
    );
    expect(chain.assets.map((a) => [a.symbol, a.decimals])).toContainEqual(['EURC', 6]);
    expect(chain.addedTokens).toEqual([token]);

    const removed = await till.core.call(
      'chains.removeToken',
      { chainKey: 'evm:31337', contract: token },
      till.owner,
    );
    expect(removed.chain.assets.map((a) => a.symbol)).not.toContain('EURC');
    expect(removed.chain.addedTokens).toEqual([]);
  });

  it('refuses what it cannot read, what is there already, a clashing symbol and a preset token', async () => {
    expect(await refusal('chains.addToken', { chainKey: 'evm:31337', contract: token })).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/No token could be read at .*decimals\(\) failed/),
    });
    expect(await refusal('chains.addToken', { chainKey: 'evm:31337', contract: fakeUsdc })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/takes USDC at that address already/),
    });
    till.libs.tokens.set(token, { symbol: 'usdc', decimals: 6 });
    expect(await refusal('chains.addToken', { chainKey: 'evm:31337', contract: token })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already has an asset called usdc/),
    });
    till.libs.tokens.set(token, { symbol: 'USD₮0', decimals: 6 });
    expect((await refusal('chains.addToken', { chainKey: 'evm:31337', contract: token })).message).toMatch(
      /cannot offer/,
    );
    expect(await refusal('chains.removeToken', { chainKey: 'evm:31337', contract: fakeUsdc })).toMatchObject({
      code: 'bad_input',
      message: expect.stringMatching(/comes with/),
    });
    expect((await refusal('chains.addToken', { chainKey: 'btc:regtest', contract: token })).message).toMatch(
      /not an EVM chain/,
    );
    expect((await refusal('chains.addToken', { chainKey: 'evm:31337', contract: '0x12' })).code).toBe(
      'bad_input',
    );
  });

  it('refuses to remove a token while an invoice in it is watched', async () => {
    till.libs.tokens.set(token, { symbol: 'EURC', decimals: 6 });
    await till.core.call('chains.addToken', { chainKey: 'evm:31337', contract: token }, till.owner);
    await till.core.call('wallets.add', { family: 'evm', network: 'evm', publicKey: xpubLike }, till.owner);
    till.libs.rates.set('EURC', '1.08');
    const orderId = await till.newOrder();
    await till.core.call('invoices.create', { orderId, chainKey: 'evm:31337', asset: 'EURC' }, till.cashier);
    expect(await refusal('chains.removeToken', { chainKey: 'evm:31337', contract: token })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/still being watched/),
    });
  });
});

describe('a Bitcoin backend in the chain view', () => {
  it('shows an Electrum server with its pinned certificate, and a Bitcoin Core URL without its password', async () => {
    const pinned = await till.core.call(
      'chains.configure',
      {
        chainKey: 'btc:regtest',
        bitcoin: {
          kind: 'electrum',
          host: 'electrum.test',
          port: 50002,
          tls: true,
          certSha256: 'ab'.repeat(32),
        },
      },
      till.owner,
    );
    expect(pinned.chain.setup.bitcoin).toEqual({
      kind: 'electrum',
      host: 'electrum.test',
      port: 50002,
      tls: true,
      pinned: true,
    });
    const core = await till.core.call(
      'chains.configure',
      {
        chainKey: 'btc:regtest',
        bitcoin: { kind: 'core', url: 'http://till:s3cret@127.0.0.1:18443', wallet: 'shop' },
      },
      till.owner,
    );
    expect(core.chain.setup.bitcoin).toEqual({ kind: 'core', host: '127.0.0.1:18443', wallet: 'shop' });
    expect(JSON.stringify(core)).not.toContain('s3cret');
    expect(
      (
        await refusal('chains.configure', {
          chainKey: 'btc:regtest',
          bitcoin: { kind: 'electrum', host: 'electrum.test', port: 50002, tls: true, certSha256: 'xyz' },
        })
      ).message,
    ).toMatch(/fingerprint/);
  });
});
