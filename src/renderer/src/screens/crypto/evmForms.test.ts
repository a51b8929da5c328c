import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../../shared/api/errors';
import { type Chain } from './chainForms';
import { type CustomChainForm, addEvmRequest, addTokenRequest, isAddedToken, tokenRefusal } from './evmForms';

const usdc = '0x1111111111111111111111111111111111111111';
const added = '0x2222222222222222222222222222222222222222';
const evm: Chain = {
  chainKey: 'evm:31337',
  family: 'evm',
  network: '31337',
  label: 'Demo EVM',
  chainId: 31337,
  assets: [
    { symbol: 'ETH', contract: null, decimals: 18 },
    { symbol: 'USDC', contract: usdc, decimals: 6 },
    { symbol: 'TIP', contract: added, decimals: 18 },
  ],
  confirmations: 1,
  qrStyle: 'uri',
  enabled: true,
  backend: 'RPC 127.0.0.1',
  setup: { bitcoin: null, rpcHosts: ['127.0.0.1'], wsHosts: [], explorerTxUrl: null },
  custom: false,
  addedTokens: [added],
  hasWallet: true,
  watcher: null,
};

describe('addEvmRequest', () => {
  const form: CustomChainForm = {
    chainId: '8453',
    label: 'Base',
    nativeSymbol: 'ETH',
    nativeDecimals: '18',
    confirmations: '12',
    explorerTxUrl: '',
    rpcText: 'https://base.example/key-1\nhttps://base-b.example',
    wsText: '',
  };
  it.each<[string, Partial<CustomChainForm>, object]>([
    [
      'a new chain',
      {},
      {
        ok: true,
        input: {
          chainId: 8453,
          label: 'Base',
          nativeSymbol: 'ETH',
          nativeDecimals: 18,
          confirmations: 12,
          rpcUrls: ['https://base.example/key-1', 'https://base-b.example'],
          wsUrls: [],
        },
      },
    ],
    [
      'a chain already listed',
      { chainId: '31337' },
      { ok: false, errors: { chainId: 'Chain id 31337 is Demo EVM, already in the list.' } },
    ],
    [
      'a chain id of 0',
      { chainId: '0' },
      { ok: false, errors: { chainId: expect.stringMatching(/from 1/) } },
    ],
    [
      'nothing but the id',
      { label: '', nativeSymbol: '', rpcText: '', confirmations: '' },
      {
        ok: false,
        errors: {
          label: 'Enter the chain’s name.',
          nativeSymbol: 'Enter the coin’s symbol, e.g. ETH.',
          rpcUrls: 'Enter at least one RPC URL.',
          confirmations: 'Enter the confirmations, e.g. 12.',
        },
      },
    ],
    [
      'a symbol with a space',
      { nativeSymbol: 'E TH' },
      { ok: false, errors: { nativeSymbol: 'The coin symbol must be a coin symbol such as ETH.' } },
    ],
    [
      'decimals over 36',
      { nativeDecimals: '40' },
      { ok: false, errors: { nativeDecimals: 'The coin decimals must be at most 36.' } },
    ],
    [
      'no confirmation',
      { confirmations: '0' },
      { ok: false, errors: { confirmations: 'Confirmations must be at least 1.' } },
    ],
    [
      'a bad WebSocket URL',
      { wsText: 'ws:/x' },
      { ok: false, errors: { wsUrls: expect.stringMatching(/line 1/) } },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(addEvmRequest({ ...form, ...patch }, [evm])).toMatchObject(expected);
  });
});

describe('addTokenRequest', () => {
  const contract = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
  it.each<[string, string, object]>([
    ['an address', ` ${contract} `, { ok: true, input: { chainKey: 'evm:31337', contract } }],
    ['nothing', ' ', { ok: false, error: 'Enter the token’s contract address (0x…).' }],
    [
      'too short',
      '0x12',
      { ok: false, error: 'The token contract must be a contract address: 0x and 40 hex digits.' },
    ],
    [
      'listed already',
      usdc.toUpperCase().replace('0X', '0x'),
      { ok: false, error: 'Demo EVM takes USDC at that address already.' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(addTokenRequest(evm, text)).toEqual(expected);
  });
});

describe('tokenRefusal and isAddedToken', () => {
  it.each<[string, unknown, string]>([
    [
      'nothing answers',
      new ApiCallError({
        code: 'bad_input',
        message: `No token could be read at ${added} on Demo EVM: execution reverted.`,
        details: { chainKey: 'evm:31337', reason: 'token_unreadable' },
      }),
      `No token could be read at ${added} on Demo EVM: execution reverted.`,
    ],
    [
      'a schema issue',
      new ApiCallError({
        code: 'bad_input',
        message: 'Invalid input',
        details: { issues: [{ path: ['contract'], message: 'must be a contract address' }] },
      }),
      'Token contract must be a contract address.',
    ],
  ])('%s', (_name, error, expected) => {
    expect(tokenRefusal(error)).toBe(expected);
  });

  it.each<[string | null, boolean]>([
    [null, false],
    [usdc, false],
    [added.toUpperCase().replace('0X', '0x'), true],
  ])('%s added by the owner: %s', (contract, expected) => {
    expect(isAddedToken(evm, contract)).toBe(expected);
  });
});
