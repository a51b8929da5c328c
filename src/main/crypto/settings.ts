/**
 * The store's crypto settings (one JSON row) and the chains it watches: defaults from the
 * libraries' presets, overridden by what the owner configured (crypto_chains).
 */
import { type ChainConfig, type CryptoLibs } from './libs';
import { type CryptoStore } from './store';

export interface CryptoSettings {
  /** How long the customer has to pay (default 15 minutes). */
  readonly expiryMinutes: number;
  /** How long after the expiry payments are still watched for (default 24 hours). */
  readonly monitoringHours: number;
  /** Paid ≥ amount × (1 − tolerance) counts as paid in full (basis points; 100 = 1 %). */
  readonly toleranceBp: number;
  /**
   * The store's spread over the market rate (basis points; 100 = 1 %), for the exchange's fees and the
   * price moving while the customer pays: the invoice locks rate ÷ (1 + spread).
   */
  readonly spreadBp: number;
  /** BIP-21: the address upper case inside the QR (BIP-173's advice; some wallets refuse it). */
  readonly bip21Uppercase: boolean;
  /** Print the receipt by itself when an invoice settles (a till mounted out of reach). */
  readonly autoPrintOnSettle: boolean;
  /** Unpaid invoices in a row after the last paid one before the owner is warned. */
  readonly gapLimit: number;
  /** A manual rate per asset (store-currency units per whole unit), used when every source is down. */
  readonly manualRates: Readonly<Record<string, string>>;
}

export const defaultCryptoSettings: CryptoSettings = {
  expiryMinutes: 15,
  monitoringHours: 24,
  toleranceBp: 0,
  spreadBp: 0,
  bip21Uppercase: false,
  autoPrintOnSettle: false,
  gapLimit: 20,
  manualRates: {},
};

export function readCryptoSettings(store: CryptoStore): CryptoSettings {
  const json = store.settingsJson();
  if (!json) return defaultCryptoSettings;
  try {
    return { ...defaultCryptoSettings, ...(JSON.parse(json) as Partial<CryptoSettings>) };
  } catch {
    return defaultCryptoSettings;
  }
}

/** Every chain the till knows: presets (disabled until configured) with the owner's configuration over them. */
export function allChains(store: CryptoStore, libs: CryptoLibs): ChainConfig[] {
  const configured = new Map(store.chains().map((chain) => [chain.chainKey, chain]));
  const out: ChainConfig[] = [];
  for (const preset of libs.presets()) {
    out.push(configured.get(preset.chainKey) ?? preset);
    configured.delete(preset.chainKey);
  }
  return [...out, ...configured.values()];
}
