/**
 * The chains a till watches for crypto payments (the `chains.*` handlers): the Bitcoin networks and
 * the preconfigured EVM chains, set up by the owner (where to read them, confirmations, QR content),
 * EVM chains the owner adds by chain id, and tokens added to an EVM chain by contract address (their
 * decimals and symbol read on-chain, never typed). What the renderer gets back never holds a secret:
 * hosts, not URLs (an RPC URL may carry an API key, a Bitcoin Core URL a password).
 */
import { z } from 'zod';
import { text } from './bounds';
import { defineHandler } from './define';
import {
  bitcoinBackendSchema,
  chainKeySchema,
  chainViewSchema,
  evmAddressSchema,
  urlSchema,
} from './cryptoSchemas';

const explorerTxUrlSchema = text({
  max: 300,
  pattern: /^https:\/\/[^\s]+\{txid\}[^\s]*$/,
  patternMessage: 'must be an https URL with {txid}',
});

export const cryptoChainHandlers = [
  defineHandler({
    name: 'chains.list',
    summary:
      'The chains this till knows (Bitcoin networks, the preconfigured EVM chains, any added), with their set-up and watcher.',
    permission: 'settings.edit',
    input: z.object({}).strict(),
    output: z.object({ chains: z.array(chainViewSchema) }),
  }),
  defineHandler({
    name: 'chains.configure',
    summary:
      'Sets up a chain: on or off, where to read it (Esplora / Electrum / Bitcoin Core; EVM RPC and WebSocket URLs, ' +
      'several for fail-over), confirmations, and the default QR content (the payment URI or the address alone).',
    permission: 'settings.edit',
    input: z
      .object({
        chainKey: chainKeySchema,
        enabled: z.boolean().optional(),
        label: text({ max: 40, min: 1 }).optional(),
        confirmations: z.number().int().min(0).max(100).optional(),
        qrStyle: z.enum(['uri', 'address']).optional(),
        bitcoin: bitcoinBackendSchema.optional(),
        rpcUrls: z.array(urlSchema).min(1).max(5).optional(),
        wsUrls: z.array(urlSchema).max(5).optional(),
        explorerTxUrl: explorerTxUrlSchema.optional(),
      })
      .strict(),
    output: z.object({ chain: chainViewSchema }),
  }),
  defineHandler({
    name: 'chains.test',
    summary: 'Tests the connection to a chain: the watcher asks its backend for the tip now.',
    permission: 'settings.edit',
    input: z.object({ chainKey: chainKeySchema }).strict(),
    output: z.object({ ok: z.boolean(), detail: z.string(), tipHeight: z.number().int().nullable() }),
  }),
  defineHandler({
    name: 'chains.addEvm',
    summary:
      'Adds an EVM chain the till does not know, by its chain id: a name, its native coin (symbol and decimals), ' +
      'the RPC URLs to read it (several for fail-over), WebSocket URLs, confirmations and an explorer link. ' +
      'Refused for a chain the till knows already (chains.configure sets that one up).',
    permission: 'settings.edit',
    input: z
      .object({
        chainId: z.number().int().min(1).max(999_999_999_999),
        label: text({
          max: 40,
          min: 1,
          pattern: /^[A-Za-z0-9.\-_ ]+$/,
          patternMessage: 'must be letters, digits or spaces',
        }),
        nativeSymbol: text({
          max: 12,
          min: 1,
          pattern: /^[A-Za-z0-9.]+$/,
          patternMessage: 'must be a coin symbol such as ETH',
        }),
        nativeDecimals: z.number().int().min(0).max(36).default(18),
        rpcUrls: z.array(urlSchema).min(1).max(5),
        wsUrls: z.array(urlSchema).max(5).default([]),
        confirmations: z.number().int().min(1).max(100),
        explorerTxUrl: explorerTxUrlSchema.optional(),
      })
      .strict(),
    output: z.object({ chain: chainViewSchema }),
  }),
  defineHandler({
    name: 'chains.addToken',
    summary:
      'Adds a token to an EVM chain by its contract address: its decimals and symbol are read on-chain from the ' +
      "chain's RPC (refused when no ERC-20 answers there). Invoices can then ask for it.",
    permission: 'settings.edit',
    input: z.object({ chainKey: chainKeySchema, contract: evmAddressSchema }).strict(),
    output: z.object({ chain: chainViewSchema }),
  }),
  defineHandler({
    name: 'chains.removeToken',
    summary:
      'Removes a token the owner added (not a preconfigured one); refused while an invoice for it is still watched.',
    permission: 'settings.edit',
    input: z.object({ chainKey: chainKeySchema, contract: evmAddressSchema }).strict(),
    output: z.object({ chain: chainViewSchema }),
  }),
] as const;
