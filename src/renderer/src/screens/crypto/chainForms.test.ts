import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../../shared/api/errors';
import {
  type BitcoinBackendForm,
  type Chain,
  type ChainSettingsForm,
  bitcoinFormOf,
  chainRequest,
  linesOf,
  refusalErrors,
} from './chainForms';

const btc: Chain = {
  chainKey: 'btc:regtest',
  family: 'bitcoin',
  network: 'regtest',
  label: 'Bitcoin regtest',
  chainId: null,
  assets: [{ symbol: 'BTC', contract: null, decimals: 8 }],
  confirmations: 1,
  qrStyle: 'uri',
  enabled: true,
  backend: 'Esplora 127.0.0.1',
  setup: { bitcoin: { kind: 'esplora', host: '127.0.0.1' }, rpcHosts: [], wsHosts: [], explorerTxUrl: null },
  custom: false,
  addedTokens: [],
  hasWallet: true,
  watcher: null,
};
const evm: Chain = { ...btc, chainKey: 'evm:31337', family: 'evm', label: 'Demo EVM', chainId: 31337 };
const same: ChainSettingsForm = { label: btc.label, confirmations: '1', explorerTxUrl: '' };
const onElectrum: Chain['setup']['bitcoin'] = {
  kind: 'electrum',
  host: 'example.org',
  port: 50002,
  tls: true,
  pinned: false,
};
const electrum = (patch: Partial<BitcoinBackendForm>): BitcoinBackendForm => ({
  ...bitcoinFormOf(onElectrum),
  edited: true,
  ...patch,
});

describe('bitcoinFormOf (from the chain view’s setup)', () => {
  it.each<[string, Chain['setup']['bitcoin'], Partial<BitcoinBackendForm>]>([
    [
      'Electrum over TLS',
      onElectrum,
      { kind: 'electrum', host: 'example.org', port: '50002', tls: true, certSha256: '' },
    ],
    [
      'Electrum over TCP, a certificate pinned (not shown back)',
      { kind: 'electrum', host: '10.0.0.2', port: 50001, tls: false, pinned: true },
      { kind: 'electrum', host: '10.0.0.2', port: '50001', tls: false, certSha256: '' },
    ],
    [
      'Bitcoin Core: the wallet, no URL or password',
      { kind: 'core', host: '127.0.0.1', wallet: 'shop' },
      { kind: 'core', coreUrl: '', corePassword: '', wallet: 'shop' },
    ],
    ['Esplora: no URL', { kind: 'esplora', host: 'mempool.space' }, { kind: 'esplora', esploraUrl: '' }],
    ['not set', null, { kind: 'esplora', host: '' }],
  ])('%s', (_name, setup, expected) => {
    expect(bitcoinFormOf(setup)).toMatchObject({ ...expected, edited: false });
  });
});

describe('chainRequest (Bitcoin)', () => {
  it.each<[string, BitcoinBackendForm, object]>([
    [
      'an untouched backend is not sent',
      { ...electrum({}), edited: false },
      { ok: true, input: { chainKey: 'btc:regtest' } },
    ],
    [
      'Electrum over TLS',
      electrum({}),
      { ok: true, input: { bitcoin: { kind: 'electrum', host: 'example.org', port: 50002, tls: true } } },
    ],
    [
      'Electrum with a pinned certificate',
      electrum({ certSha256: ` ${'ab:'.repeat(31)}ab ` }),
      {
        ok: true,
        input: { bitcoin: { kind: 'electrum', port: 50002, tls: true, certSha256: `${'ab:'.repeat(31)}ab` } },
      },
    ],
    [
      'the pinned certificate removed',
      electrum({ unpin: true }),
      { ok: true, input: { bitcoin: { kind: 'electrum', port: 50002, tls: true, certSha256: null } } },
    ],
    [
      'a new certificate typed wins over removing the old one',
      electrum({ unpin: true, certSha256: 'cd'.repeat(32) }),
      { ok: true, input: { bitcoin: { kind: 'electrum', certSha256: 'cd'.repeat(32) } } },
    ],
    [
      'a pinned certificate too short',
      electrum({ certSha256: 'ab:cd' }),
      {
        ok: false,
        errors: { certSha256: expect.stringMatching(/^The pinned certificate must be .*64 hex/) },
      },
    ],
    [
      'a port above 65535',
      electrum({ port: '70000' }),
      { ok: false, errors: { port: 'The port must be at most 65535.' } },
    ],
    ['a port of 0', electrum({ port: '0' }), { ok: false, errors: { port: 'The port must be at least 1.' } }],
    [
      'a port in words',
      electrum({ port: 'fifty' }),
      { ok: false, errors: { port: 'The port must be a whole number.' } },
    ],
    [
      'a host with a space',
      electrum({ host: 'bad host' }),
      { ok: false, errors: { host: expect.stringMatching(/host name/) } },
    ],
    [
      'Esplora',
      electrum({ kind: 'esplora', esploraUrl: ' https://mempool.space/api ' }),
      { ok: true, input: { bitcoin: { kind: 'esplora', url: 'https://mempool.space/api' } } },
    ],
    [
      'Esplora left empty keeps the URL',
      electrum({ kind: 'esplora' }),
      { ok: true, input: { chainKey: 'btc:regtest' } },
    ],
    [
      'Esplora without a scheme',
      electrum({ kind: 'esplora', esploraUrl: 'mempool.space' }),
      { ok: false, errors: { url: expect.stringMatching(/^The URL must be a URL/) } },
    ],
    [
      'Core with a user and password',
      electrum({
        kind: 'core',
        coreUrl: 'http://127.0.0.1:8332',
        coreUser: 'till',
        corePassword: 'p@ss:w rd',
        wallet: 'shop',
      }),
      {
        ok: true,
        input: {
          bitcoin: { kind: 'core', url: 'http://till:p%40ss%3Aw%20rd@127.0.0.1:8332/', wallet: 'shop' },
        },
      },
    ],
    [
      'Core with a cookie',
      electrum({
        kind: 'core',
        coreUrl: 'http://127.0.0.1:8332',
        coreAuth: 'cookie',
        coreCookie: '__cookie__:abc123',
      }),
      { ok: true, input: { bitcoin: { kind: 'core', url: 'http://__cookie__:abc123@127.0.0.1:8332/' } } },
    ],
    [
      'Core without a password',
      electrum({ kind: 'core', coreUrl: 'http://127.0.0.1:8332', coreUser: 'till' }),
      { ok: false, errors: { corePassword: expect.stringMatching(/RPC password/) } },
    ],
    [
      'Core over tcp',
      electrum({ kind: 'core', coreUrl: 'tcp://127.0.0.1:8332', coreUser: 'till', corePassword: 'x' }),
      { ok: false, errors: { url: expect.stringMatching(/http/) } },
    ],
  ])('%s', (_name, form, expected) => {
    expect(chainRequest(btc, same, { bitcoin: form })).toMatchObject(expected);
  });

  it.each<[string, ChainSettingsForm, object]>([
    [
      'a new name and confirmations',
      { label: 'Till BTC', confirmations: '3', explorerTxUrl: '' },
      { ok: true, input: { label: 'Till BTC', confirmations: 3 } },
    ],
    [
      'confirmations over 100',
      { ...same, confirmations: '101' },
      { ok: false, errors: { confirmations: 'Confirmations must be at most 100.' } },
    ],
    [
      'an explorer link without {txid}',
      { ...same, explorerTxUrl: 'https://x.org/tx/' },
      { ok: false, errors: { explorerTxUrl: expect.stringMatching(/\{txid\}/) } },
    ],
    ['an empty name', { ...same, label: ' ' }, { ok: false, errors: { label: expect.any(String) } }],
    [
      'the explorer link saved now is not sent again',
      { ...same, explorerTxUrl: 'https://x.org/tx/{txid}' },
      { ok: true, input: { chainKey: 'btc:regtest' } },
    ],
  ])('settings: %s', (_name, settings, expected) => {
    const withLink = { ...btc, setup: { ...btc.setup, explorerTxUrl: 'https://x.org/tx/{txid}' } };
    const result = chainRequest(withLink, settings, { bitcoin: { ...electrum({}), edited: false } });
    expect(result).toMatchObject(expected);
    if (result.ok) expect(result.input).not.toHaveProperty('explorerTxUrl');
  });
});

it('wants an Esplora URL when the backend was another', () => {
  const readsElectrum = { ...btc, setup: { ...btc.setup, bitcoin: onElectrum } };
  expect(chainRequest(readsElectrum, same, { bitcoin: electrum({ kind: 'esplora' }) })).toEqual({
    ok: false,
    errors: { url: 'Enter the Esplora URL.' },
  });
});

describe('chainRequest (EVM)', () => {
  const settings = { ...same, label: evm.label };
  it.each<[string, string, string, object]>([
    ['nothing typed keeps the URLs', '', '', { ok: true, input: { chainKey: 'evm:31337' } }],
    [
      'fail-over and WebSocket URLs',
      'https://a.example/key\n\n https://b.example ',
      'wss://a.example/ws',
      {
        ok: true,
        input: { rpcUrls: ['https://a.example/key', 'https://b.example'], wsUrls: ['wss://a.example/ws'] },
      },
    ],
    [
      'a bad second URL',
      'https://a.example\nb.example',
      '',
      { ok: false, errors: { rpcUrls: expect.stringMatching(/\(line 2\)/) } },
    ],
    [
      'six RPC URLs',
      'https://a.example\n'.repeat(6),
      '',
      { ok: false, errors: { rpcUrls: 'The RPC URLs: at most 5.' } },
    ],
    ['a WebSocket URL alone', '', 'wss://a.example', { ok: true, input: { wsUrls: ['wss://a.example'] } }],
  ])('%s', (_name, rpcText, wsText, expected) => {
    expect(chainRequest(evm, settings, { evm: { rpcText, wsText } })).toMatchObject(expected);
  });
});

describe('refusalErrors and linesOf', () => {
  it.each<[string, unknown, object]>([
    [
      'an unknown chain',
      new ApiCallError({ code: 'not_found', message: 'This till knows no chain evm:8453.' }),
      { byField: { chainId: 'This till knows no chain evm:8453.' }, rest: null },
    ],
    [
      'a chain known already (chains.addEvm)',
      new ApiCallError({
        code: 'conflict',
        message: 'This till knows chain 1 already (Ethereum): set it up instead of adding it.',
        details: { chainKey: 'evm:1', reason: 'chain_exists' },
      }),
      { byField: { chainId: expect.stringMatching(/^This till knows chain 1 already/) }, rest: null },
    ],
    [
      'a bad certificate',
      new ApiCallError({
        code: 'bad_input',
        message: 'Invalid input',
        details: { issues: [{ path: ['bitcoin', 'certSha256'], message: 'must be 64 hex digits' }] },
      }),
      { byField: { certSha256: expect.stringMatching(/64 hex digits/) }, rest: null },
    ],
    [
      'a schema issue',
      new ApiCallError({
        code: 'bad_input',
        message: 'Invalid input',
        details: { issues: [{ path: ['bitcoin', 'port'], message: 'Too big' }] },
      }),
      { byField: { port: 'Too big.' }, rest: null },
    ],
    [
      'a rule with no field',
      new ApiCallError({ code: 'bad_input', message: 'RPC URLs are for an EVM chain.' }),
      { byField: {}, rest: 'RPC URLs are for an EVM chain.' },
    ],
  ])('%s', (_name, error, expected) => {
    expect(refusalErrors(error)).toEqual(expected);
  });

  it('keeps the non-empty lines', () => {
    expect(linesOf(' a \r\n\n b')).toEqual(['a', 'b']);
  });
});
