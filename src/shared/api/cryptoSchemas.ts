/**
 * The crypto contract's values and schemas: wallet families, invoice states, the bounded fields of
 * crypto inputs, and the views (chain, wallet, invoice, its payments and refunds, settings) that
 * `crypto.ts`'s handlers and events return.
 */
import { z } from 'zod';
import { amountText, maxAnyMinorUnits } from '../money/schemas';
import { text, ulidText } from './bounds';

export const walletFamilyValues = ['bitcoin', 'evm'] as const;
export const invoiceStatusValues = ['new', 'processing', 'settled', 'expired', 'invalid'] as const;
export const invoiceExceptionValues = ['paid_partial', 'paid_over', 'paid_late'] as const;
export const invoicePhaseValues = ['waiting', 'seen', 'confirming', 'paid', 'expired', 'canceled'] as const;

export const chainKeySchema = text({
  max: 24,
  trim: false,
  pattern: /^(btc:(mainnet|testnet|signet|regtest)|evm:[1-9]\d{0,11})$/,
  patternMessage: 'must be a chain: btc:mainnet, btc:testnet, btc:signet, btc:regtest or evm:<chain id>',
});
export const assetSymbolSchema = text({
  max: 16,
  trim: false,
  pattern: /^[A-Za-z0-9.]{1,16}$/,
  patternMessage: 'must be an asset symbol such as BTC, ETH or USDC',
});
export const addressSchema = text({
  max: 100,
  min: 1,
  pattern: /^[A-Za-z0-9:]+$/,
  patternMessage: 'must be an address (letters and digits only)',
});
export const evmAddressSchema = text({
  max: 42,
  min: 1,
  trim: true,
  pattern: /^0x[0-9A-Fa-f]{40}$/,
  patternMessage: 'must be a contract address: 0x and 40 hex digits',
});
export const txidSchema = text({
  max: 80,
  min: 1,
  pattern: /^(0x)?[0-9a-fA-F]{64}$/,
  patternMessage: 'must be a transaction id (64 hex digits, 0x for EVM)',
});
export const urlSchema = text({
  max: 300,
  min: 1,
  pattern: /^(https?|wss?|tcp|tls):\/\/[^\s]+$/,
  patternMessage: 'must be a URL (http://, https://, ws://, wss://)',
});
export const unitsSchema = amountText({ sign: 'positive', max: maxAnyMinorUnits });
export const rateText = text({
  max: 30,
  pattern: /^(?!0+(\.0+)?$)\d{1,15}(\.\d{1,12})?$/,
  patternMessage: 'must be a rate above 0 like "64250.12" (at most 15 digits and 12 decimals)',
});

export const chainAssetSchema = z.object({
  symbol: z.string(),
  contract: z.string().nullable().describe('the token contract (EIP-55); null for the native coin'),
  decimals: z.number().int(),
});

export const bitcoinBackendSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('esplora'), url: urlSchema }).strict(),
  z
    .object({
      kind: z.literal('electrum'),
      host: text({ max: 200, min: 1, pattern: /^[A-Za-z0-9.-]+$/, patternMessage: 'must be a host name' }),
      port: z.number().int().min(1).max(65_535),
      tls: z.boolean(),
      certSha256: text({
        max: 95,
        pattern: /^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/,
        patternMessage: "must be the certificate's SHA-256 fingerprint: 64 hex digits, colons allowed",
      })
        .nullable()
        .optional()
        .describe(
          'a self-signed TLS certificate is accepted only when pinned by its fingerprint; left out, the pin of ' +
            'the same server is kept; null removes it',
        ),
    })
    .strict(),
  z.object({ kind: z.literal('core'), url: urlSchema, wallet: text({ max: 64 }).optional() }).strict(),
]);

export const chainViewSchema = z.object({
  chainKey: z.string(),
  family: z.enum(walletFamilyValues),
  network: z.string(),
  label: z.string(),
  chainId: z.number().int().nullable(),
  assets: z.array(chainAssetSchema),
  confirmations: z.number().int(),
  qrStyle: z.enum(['uri', 'address']),
  enabled: z.boolean(),
  backend: z.string().describe('where the watcher reads the chain, for the owner'),
  setup: z
    .object({
      bitcoin: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('esplora'), host: z.string() }),
          z.object({
            kind: z.literal('electrum'),
            host: z.string(),
            port: z.number().int(),
            tls: z.boolean(),
            pinned: z.boolean(),
          }),
          z.object({ kind: z.literal('core'), host: z.string(), wallet: z.string().nullable() }),
        ])
        .nullable(),
      rpcHosts: z.array(z.string()),
      wsHosts: z.array(z.string()),
      explorerTxUrl: z.string().nullable(),
    })
    .describe(
      'how the chain is set up, without secrets: hosts, not URLs (a URL may carry a key or password)',
    ),
  custom: z.boolean().describe('an EVM chain the owner added (not preconfigured)'),
  addedTokens: z.array(z.string()).describe('contract addresses of the tokens the owner added'),
  hasWallet: z.boolean(),
  watcher: z
    .object({
      state: z.string(),
      detail: z.string(),
      tipHeight: z.number().int().nullable(),
      watched: z.number(),
    })
    .nullable(),
});

export const walletViewSchema = z.object({
  id: z.string(),
  family: z.enum(walletFamilyValues),
  network: z.string(),
  label: z.string(),
  publicKey: z.string().describe('the extended public key (watch-only)'),
  nextIndex: z.number().int(),
  firstAddresses: z.array(z.object({ index: z.number().int(), address: z.string() })),
  unpaidInARow: z.number().int(),
  gapWarning: z.string().nullable().describe('when unpaid invoices pass the gap limit, and the fix'),
  createdAt: z.string(),
});

export const invoicePaymentViewSchema = z.object({
  key: z.string(),
  txid: z.string().nullable(),
  amountUnits: z.string(),
  amount: z.string(),
  blockHeight: z.number().int().nullable(),
  confirmations: z.number().int(),
  replaceable: z.boolean(),
  firstSeenAt: z.string(),
  gone: z.boolean().describe('taken back by the chain (RBF, double spend, reorg)'),
  explorerUrl: z.string().nullable(),
});

export const cryptoRefundViewSchema = z.object({
  id: z.string(),
  invoiceId: z.string(),
  chainKey: z.string(),
  asset: z.string(),
  amountUnits: z.string(),
  amount: z.string(),
  address: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['needs_address', 'to_send', 'done']),
  txid: z.string().nullable(),
  explorerUrl: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});

export const invoiceViewSchema = z.object({
  id: z.string(),
  paymentId: z.string().nullable(),
  orderId: z.string(),
  status: z.enum(invoiceStatusValues),
  exception: z.enum(invoiceExceptionValues).nullable(),
  phase: z.enum(invoicePhaseValues),
  message: z.string().describe('the status in words, for the cashier and the customer'),
  chainKey: z.string(),
  network: z.string().describe("the chain's name (Bitcoin, Ethereum, Polygon, ...)"),
  chainId: z.number().int().nullable(),
  asset: z.string(),
  tokenContract: z.string().nullable(),
  decimals: z.number().int(),
  address: z.string(),
  amountUnits: z.string(),
  amount: z.string().describe('the amount in whole units, exact (e.g. 0.00123456)'),
  currency: z.string(),
  fiatAmountMinor: z.string(),
  rate: z.string().describe('store-currency units per one whole unit, locked when the invoice was made'),
  rateSource: z.string(),
  uri: z.string().describe('the payment URI (BIP-21 / EIP-681)'),
  qrStyle: z.enum(['uri', 'address']).describe("the network's default QR content"),
  checkHint: z.string().describe('what the customer must check when they scan the address alone'),
  createdAt: z.string(),
  expiresAt: z.string(),
  monitoringUntil: z.string(),
  paidUnits: z.string(),
  dueUnits: z.string(),
  overUnits: z.string(),
  confirmations: z.number().int(),
  confirmationsRequired: z.number().int(),
  acceptedLate: z.boolean(),
  payments: z.array(invoicePaymentViewSchema),
  refunds: z.array(cryptoRefundViewSchema),
});

export const cryptoSettingsSchema = z.object({
  expiryMinutes: z.number().int(),
  monitoringHours: z.number().int(),
  tolerancePercent: z.string(),
  /** The store's spread over the market rate, in percent. */
  spreadPercent: z.string(),
  bip21Uppercase: z.boolean(),
  autoPrintOnSettle: z.boolean(),
  gapLimit: z.number().int(),
  manualRates: z.record(z.string(), z.string()),
});

export const invoiceIdSchema = ulidText();
