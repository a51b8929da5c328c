import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../../shared/api/errors';
import {
  type BitcoinBackendForm,
  type Chain,
  type ChainSettingsForm,
  bitcoinFormOf,
  chainRequest,
  customChainRequest,
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
const electrum = (patch: Partial<BitcoinBackendForm>): BitcoinBackendForm => ({
  ...bitcoinFormOf('Electrum example.org:50002 (TLS)'),
  edited: true,
  ...patch,
});

describe('bitcoinFormOf', () => {
  it.each([
    ['Electrum example.org:50002 (TLS)', { kind: 'electrum', host: 'example.org', port: '50002', tls: true }],
    ['Electrum 10.0.0.2:50001', { kind: 'electrum', host: '10.0.0.2', port: '50001', tls: false }],
    ['Bitcoin Core 127.0.0.1', { kind: 'core', host: '' }],
    ['Esplora mempool.space', { kind: 'esplora', esploraUrl: '' }],
    ['not set', { kind: 'esplora' }],
  ])('%s', (backend, expected) => {
    expect(bitcoinFormOf(backend)).toMatchObject({ ...expected, edited: false });
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
  ])('settings: %s', (_name, settings, expected) => {
    expect(chainRequest(btc, settings, { bitcoin: { ...electrum({}), edited: false } })).toMatchObject(
      expected,
    );
  });
});

it('wants an Esplora URL when the backend was another', () => {
  const onElectrum = { ...btc, backend: 'Electrum example.org:50002 (TLS)' };
  expect(chainRequest(onElectrum, same, { bitcoin: electrum({ kind: 'esplora' }) })).toEqual({
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

describe('customChainRequest', () => {
  const form = {
    chainId: '8453',
    label: 'Base',
    confirmations: '12',
    explorerTxUrl: '',
    rpcText: 'https://base.example',
    wsText: '',
  };
  it.each<[string, Partial<typeof form>, object]>([
    [
      'a new chain',
      {},
      {
        ok: true,
        input: {
          chainKey: 'evm:8453',
          enabled: true,
          label: 'Base',
          confirmations: 12,
          rpcUrls: ['https://base.example'],
          wsUrls: [],
        },
      },
    ],
    [
      'a chain already listed',
      { chainId: '31337' },
      { ok: false, errors: { chainId: expect.stringMatching(/Demo EVM/) } },
    ],
    [
      'a chain id of 0',
      { chainId: '0' },
      { ok: false, errors: { chainId: expect.stringMatching(/whole number/) } },
    ],
    [
      'no name and no URL',
      { label: '', rpcText: '' },
      { ok: false, errors: { label: 'Enter the chain’s name.', rpcUrls: 'Enter at least one RPC URL.' } },
    ],
    [
      'a bad WebSocket URL',
      { wsText: 'ws:/x' },
      { ok: false, errors: { wsUrls: expect.stringMatching(/line 1/) } },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(customChainRequest({ ...form, ...patch }, [btc, evm])).toMatchObject(expected);
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
