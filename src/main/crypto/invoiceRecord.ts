/**
 * A new invoice's record, pure: what the engine has chosen (wallet, fresh address, locked rate,
 * units, payment URI) and the store's crypto settings at that moment (expiry, monitoring window,
 * tolerance) make the row the invoice starts as (`new`, waiting, nothing paid yet).
 */
import Decimal from 'decimal.js';
import { type ChainAsset, type ChainConfig } from './libs';
import { type CryptoSettings } from './settings';
import { type InvoiceRecord, type WalletRecord } from './store';

export interface NewInvoice {
  readonly id: string;
  readonly paymentId: string;
  readonly orderId: string;
  readonly staffId: string;
  readonly currency: string;
  readonly fiatAmountMinor: bigint;
  /** Where the rate came from ("kraken", "manual"...); the spread, when any, is added to it. */
  readonly quoteSource: string;
  readonly wallet: WalletRecord;
  readonly chain: ChainConfig;
  readonly asset: ChainAsset;
  readonly addressIndex: number;
  readonly address: string;
  readonly amountUnits: bigint;
  /** The rate with the owner's spread taken off, as decimal text. */
  readonly lockedRate: string;
  readonly uri: string;
  readonly settings: CryptoSettings;
  readonly now: Date;
  /** The chain's tip when the invoice was made (null when not known yet). */
  readonly fromHeight: number | null;
}

export function newInvoiceRecord(input: NewInvoice): InvoiceRecord {
  const { settings: s, chain, asset, now } = input;
  const expiresAtMs = now.getTime() + s.expiryMinutes * 60_000;
  return {
    id: input.id,
    paymentId: input.paymentId,
    orderId: input.orderId,
    walletId: input.wallet.id,
    addressIndex: input.addressIndex,
    address: input.address,
    chainKey: chain.chainKey,
    asset: asset.symbol,
    tokenContract: asset.contract,
    decimals: asset.decimals,
    amountUnits: input.amountUnits,
    currency: input.currency,
    fiatAmountMinor: input.fiatAmountMinor,
    rate: input.lockedRate,
    rateSource:
      s.spreadBp > 0
        ? `${input.quoteSource} − ${new Decimal(s.spreadBp).div(100).toFixed()} % spread`
        : input.quoteSource,
    uri: input.uri,
    createdBy: input.staffId,
    createdAt: now.toISOString(),
    expiresAt: new Date(expiresAtMs).toISOString(),
    monitoringUntil: new Date(expiresAtMs + s.monitoringHours * 3_600_000).toISOString(),
    confirmationsRequired: chain.confirmations,
    toleranceBp: s.toleranceBp,
    fromHeight: input.fromHeight,
    status: 'new',
    exception: null,
    phase: 'waiting',
    paidUnits: 0n,
    confirmations: 0,
    watching: true,
    acceptedLate: false,
    acceptedBy: null,
    canceled: false,
    settledAt: null,
    updatedAt: now.toISOString(),
  };
}
