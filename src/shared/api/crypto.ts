/**
 * Crypto payments: watch-only wallets (extended PUBLIC keys only), the chains the till watches, and
 * invoices. A crypto payment is an invoice: `invoices.create` picks the asset and chain, locks the
 * rate, and starts the payment through the generic flow with the tender `crypto` (pending until the
 * invoice settles). The invoice carries the address, the payment URI (BIP-21 / EIP-681), the asset, the
 * chain (chain id and token contract for EVM), the amount in the asset's units, the locked rate, the
 * expiry and the status (`new`, `processing`, `settled`, `expired`, `invalid`; exceptions
 * `paid_partial`, `paid_over`, `paid_late`). Amounts in units are decimal strings of the smallest unit.
 */
import { z } from 'zod';
import { amountText, maxAnyMinorUnits } from '../money/schemas';
import { fiatAmountSchema } from '../money';
import { percentText, text, ulidText } from './bounds';
import { defineEvent, defineHandler } from './define';
import { orderViewSchema, paymentViewSchema } from './orders';

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
const assetSymbolSchema = text({
  max: 16,
  trim: false,
  pattern: /^[A-Za-z0-9.]{1,16}$/,
  patternMessage: 'must be an asset symbol such as BTC, ETH or USDC',
});
const addressSchema = text({
  max: 100,
  min: 1,
  pattern: /^[A-Za-z0-9:]+$/,
  patternMessage: 'must be an address (letters and digits only)',
});
const txidSchema = text({
  max: 80,
  min: 1,
  pattern: /^(0x)?[0-9a-fA-F]{64}$/,
  patternMessage: 'must be a transaction id (64 hex digits, 0x for EVM)',
});
const urlSchema = text({
  max: 300,
  min: 1,
  pattern: /^(https?|wss?|tcp|tls):\/\/[^\s]+$/,
  patternMessage: 'must be a URL (http://, https://, ws://, wss://)',
});
const unitsSchema = amountText({ sign: 'positive', max: maxAnyMinorUnits });
const rateText = text({
  max: 30,
  pattern: /^(?!0+(\.0+)?$)\d{1,15}(\.\d{1,12})?$/,
  patternMessage: 'must be a rate above 0 like "64250.12" (at most 15 digits and 12 decimals)',
});

export const chainAssetSchema = z.object({
  symbol: z.string(),
  contract: z.string().nullable().describe('the token contract (EIP-55); null for the native coin'),
  decimals: z.number().int(),
});

const bitcoinBackendSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('esplora'), url: urlSchema }).strict(),
  z
    .object({
      kind: z.literal('electrum'),
      host: text({ max: 200, min: 1, pattern: /^[A-Za-z0-9.-]+$/, patternMessage: 'must be a host name' }),
      port: z.number().int().min(1).max(65_535),
      tls: z.boolean(),
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

const invoiceIdSchema = ulidText();

export const cryptoHandlers = [
  defineHandler({
    name: 'wallets.add',
    summary:
      'Adds a watch-only wallet: a family (bitcoin, evm), a network (bitcoin: mainnet/testnet/signet/regtest; evm: ' +
      'evm) and an extended PUBLIC key (xpub, zpub, tpub, vpub). Answers with the first receive addresses to check ' +
      'against the wallet app. A private key, xprv or seed phrase is refused and never stored or logged.',
    permission: 'settings.edit',
    input: z
      .object({
        family: z.enum(walletFamilyValues),
        network: text({
          max: 16,
          pattern: /^(mainnet|testnet|signet|regtest|evm)$/,
          patternMessage: 'must be mainnet, testnet, signet, regtest or evm',
        }),
        publicKey: text({ max: 400, min: 1, minMessage: 'paste the extended public key' }),
        label: text({ max: 60 }).optional(),
      })
      .strict(),
    output: z.object({ wallet: walletViewSchema }),
  }),
  defineHandler({
    name: 'wallets.list',
    summary: 'The watch-only wallets, each with its first addresses, next index and a gap-limit warning.',
    permission: 'settings.edit',
    input: z.object({}).strict(),
    output: z.object({ wallets: z.array(walletViewSchema) }),
  }),
  defineHandler({
    name: 'wallets.remove',
    summary: 'Removes a wallet: no new invoices use it; invoices already made stay watched.',
    permission: 'settings.edit',
    input: z.object({ walletId: ulidText() }).strict(),
    output: z.object({ removed: z.boolean() }),
  }),
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
        explorerTxUrl: text({
          max: 300,
          pattern: /^https:\/\/[^\s]+\{txid\}[^\s]*$/,
          patternMessage: 'must be an https URL with {txid}',
        }).optional(),
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
    name: 'invoices.options',
    summary:
      'What the checkout offers for a crypto payment: the configured chains that have a wallet, with their assets.',
    permission: 'sales.sell',
    input: z.object({}).strict(),
    output: z.object({
      options: z.array(
        z.object({
          chainKey: z.string(),
          label: z.string(),
          chainId: z.number().int().nullable(),
          qrStyle: z.enum(['uri', 'address']),
          assets: z.array(chainAssetSchema),
        }),
      ),
      demo: z.boolean().describe('demo mode: the simulated wallet can pay'),
    }),
  }),
  defineHandler({
    name: 'invoices.create',
    summary:
      'Starts a crypto payment of an open order: locks the rate (`rate_unavailable` when no source answers), hands ' +
      'out a fresh address and starts the payment with the tender `crypto` (pending until the invoice settles). ' +
      'Retrying with the same paymentId writes nothing twice.',
    permission: 'sales.sell',
    input: z
      .object({
        orderId: ulidText(),
        paymentId: ulidText().optional(),
        chainKey: chainKeySchema,
        asset: assetSymbolSchema,
        amount: fiatAmountSchema
          .optional()
          .describe('split tender: collect only this much (store currency minor units)'),
      })
      .strict(),
    output: z.object({ invoice: invoiceViewSchema, payment: paymentViewSchema, order: orderViewSchema }),
  }),
  defineHandler({
    name: 'invoices.get',
    summary: 'One invoice as it is now (status, payments seen, confirmations).',
    permission: 'sales.sell',
    input: z.object({ invoiceId: invoiceIdSchema }).strict(),
    output: z.object({ invoice: invoiceViewSchema }),
  }),
  defineHandler({
    name: 'invoices.list',
    summary: 'Invoice history, newest first, with their payments and explorer links.',
    permission: 'sales.sell',
    input: z
      .object({
        before: z.iso.datetime().max(40).optional(),
        orderId: ulidText().optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    output: z.object({ invoices: z.array(invoiceViewSchema) }),
  }),
  defineHandler({
    name: 'invoices.qr',
    summary:
      'The QR code of an invoice as an image: of the payment URI, or of the address alone (the fallback for wallets ' +
      'that misread a URI). PNG or SVG, as a data URL; error correction M.',
    permission: 'sales.sell',
    input: z
      .object({
        invoiceId: invoiceIdSchema,
        content: z.enum(['uri', 'address']).optional(),
        format: z.enum(['svg', 'png']).optional(),
      })
      .strict(),
    output: z.object({
      text: z.string().describe('what the QR holds'),
      dataUrl: z.string(),
      format: z.enum(['svg', 'png']),
    }),
  }),
  defineHandler({
    name: 'invoices.cancel',
    summary:
      'Cancels an invoice still waiting (its payment is voided). Refused while a full payment is confirming.',
    permission: 'sales.sell',
    input: z.object({ invoiceId: invoiceIdSchema }).strict(),
    output: z.object({ invoice: invoiceViewSchema }),
  }),
  defineHandler({
    name: 'invoices.acceptLate',
    summary:
      'A manager accepts a payment that came after the invoice expired: it pays the order (a new crypto payment that ' +
      'settles with the invoice) when the order still owes it; otherwise refund it.',
    permission: 'sales.refund',
    input: z.object({ invoiceId: invoiceIdSchema }).strict(),
    output: z.object({ invoice: invoiceViewSchema }),
  }),
  defineHandler({
    name: 'cryptoRefunds.create',
    summary:
      "A manager records crypto to send back to a customer's address (validated for the invoice's network): an " +
      'overpayment, a late or partial payment, or an order refund waiting for an address. It is done when the ' +
      'watcher sees a payment of that amount to the address, or when its txid is entered.',
    permission: 'sales.refund',
    input: z
      .object({
        invoiceId: invoiceIdSchema,
        refundId: ulidText().optional().describe('an order refund waiting for an address'),
        address: addressSchema,
        amountUnits: unitsSchema.optional().describe('absent: what the invoice received beyond what it kept'),
        reason: text({ max: 200 }).optional(),
      })
      .strict(),
    output: z.object({ refund: cryptoRefundViewSchema }),
  }),
  defineHandler({
    name: 'cryptoRefunds.markSent',
    summary: 'Marks a crypto refund sent, by the transaction id of the payment made from the store wallet.',
    permission: 'sales.refund',
    input: z.object({ refundId: ulidText(), txid: txidSchema }).strict(),
    output: z.object({ refund: cryptoRefundViewSchema }),
  }),
  defineHandler({
    name: 'cryptoRefunds.list',
    summary: 'Crypto refunds, newest first.',
    permission: 'sales.refund',
    input: z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.object({ refunds: z.array(cryptoRefundViewSchema) }),
  }),
  defineHandler({
    name: 'rates.get',
    summary: 'The exchange rate an invoice would lock now for an asset in the store currency.',
    permission: 'sales.sell',
    input: z.object({ asset: assetSymbolSchema }).strict(),
    output: z.object({
      asset: z.string(),
      currency: z.string(),
      rate: z.string(),
      source: z.string(),
      at: z.string(),
    }),
  }),
  defineHandler({
    name: 'rates.settings',
    summary: 'Reads, or with fields sets, the manual rates (used when every rate source is down).',
    permission: 'settings.edit',
    input: z
      .object({
        manualRates: z
          .record(assetSymbolSchema, rateText.or(z.literal('')))
          .optional()
          .refine((r) => r === undefined || Object.keys(r).length <= 20, {
            message: 'at most 20 manual rates',
          }),
      })
      .strict(),
    output: z.object({ manualRates: z.record(z.string(), z.string()) }),
  }),
  defineHandler({
    name: 'crypto.settings',
    summary:
      'The store’s crypto settings: expiry, monitoring window, tolerance, BIP-21 upper case, auto print.',
    permission: 'sales.sell',
    input: z.object({}).strict(),
    output: z.object({ settings: cryptoSettingsSchema }),
  }),
  defineHandler({
    name: 'crypto.saveSettings',
    summary: 'Changes the store’s crypto settings.',
    permission: 'settings.edit',
    input: z
      .object({
        expiryMinutes: z.number().int().min(1).max(1_440).optional(),
        monitoringHours: z.number().int().min(0).max(720).optional(),
        tolerancePercent: percentText({ maxDecimals: 2 }).optional(),
        spreadPercent: percentText({ maxDecimals: 2 })
          .refine((text) => Number(text) <= 20, 'The spread is at most 20 %.')
          .optional(),
        bip21Uppercase: z.boolean().optional(),
        autoPrintOnSettle: z.boolean().optional(),
        gapLimit: z.number().int().min(1).max(1_000).optional(),
      })
      .strict(),
    output: z.object({ settings: cryptoSettingsSchema }),
  }),
  defineHandler({
    name: 'crypto.demoPay',
    summary:
      'Demo mode only: pays an invoice from the simulated wallet (full, partial, over, or late: after the expiry), ' +
      'on the simulated chain the real watchers read.',
    permission: 'sales.sell',
    input: z
      .object({ invoiceId: invoiceIdSchema, kind: z.enum(['full', 'partial', 'over', 'late']) })
      .strict(),
    output: z.object({ txid: z.string(), invoice: invoiceViewSchema }),
  }),
] as const;

export const cryptoEvents = [
  defineEvent({
    name: 'invoice.updated',
    summary:
      'A crypto invoice changed (a payment seen, a confirmation, paid, expired): fetch it with invoices.get.',
    payload: z.object({
      invoiceId: z.string(),
      orderId: z.string(),
      paymentId: z.string().nullable(),
      status: z.enum(invoiceStatusValues),
      exception: z.enum(invoiceExceptionValues).nullable(),
      phase: z.enum(invoicePhaseValues),
      paidUnits: z.string(),
      confirmations: z.number().int(),
      confirmationsRequired: z.number().int(),
      message: z.string(),
      customer: z
        .object({
          network: z.string(),
          chainId: z.number().int().nullable(),
          asset: z.string(),
          tokenContract: z.string().nullable(),
          amount: z.string(),
          amountUnits: z.string(),
          decimals: z.number().int(),
          address: z.string(),
          uri: z.string(),
          qrStyle: z.enum(['uri', 'address']),
          checkHint: z.string(),
          expiresAt: z.string(),
          currency: z.string(),
          fiatAmountMinor: z.string(),
        })
        .describe('what the customer display shows (nothing private: the address is meant to be seen)'),
    }),
  }),
] as const;
