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
import { fiatAmountSchema } from '../money';
import { percentText, text, ulidText } from './bounds';
import { defineEvent, defineHandler } from './define';
import { cryptoChainHandlers } from './cryptoChains';
import { orderViewSchema, paymentViewSchema } from './orders';
import {
  walletFamilyValues,
  invoiceStatusValues,
  invoiceExceptionValues,
  invoicePhaseValues,
  chainKeySchema,
  assetSymbolSchema,
  addressSchema,
  txidSchema,
  unitsSchema,
  rateText,
  chainAssetSchema,
  walletViewSchema,
  cryptoRefundViewSchema,
  invoiceViewSchema,
  cryptoSettingsSchema,
  invoiceIdSchema,
} from './cryptoSchemas';

export * from './cryptoSchemas';

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
  ...cryptoChainHandlers,
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
