/**
 * Demo mode: simulated chains in this process (Bitcoin regtest over Esplora REST, an EVM chain over
 * JSON-RPC) read by the real watchers, a demo wallet (public keys of the well-known test mnemonic),
 * a fixed rate, and the simulated wallet that pays an invoice (full, partial, over, late).
 */
import { type CoreDeps } from '../kernel';
import { type CryptoEngine } from './engine';
import { type CryptoLibs } from './libs';
import { type CryptoStore } from './store';

export interface CryptoDemo {
  /** The libraries with the simulated chains' presets and the fixed rates. */
  libs(base: CryptoLibs): CryptoLibs;
  pay(invoiceId: string, kind: 'full' | 'partial' | 'over' | 'late'): Promise<string>;
  close(): Promise<void>;
}

export function startCryptoDemo(options: {
  deps: CoreDeps;
  store: CryptoStore;
  engine: CryptoEngine;
  libs: () => CryptoLibs;
  actorId: string;
}): Promise<CryptoDemo> {
  void options;
  return Promise.reject(new Error('the simulated chains are not available yet'));
}
