import { describe, expect, it } from 'vitest';
import { type CryptoEngine } from './engine';
import { createCryptoTender } from './tender';

// receiptLines reads only the payment's kept details; the engine is not called.
const tender = createCryptoTender({} as CryptoEngine);
const txid = 'a1075db55d416d3ca199f55b6084e2115b9345e16c5cf302fc80e9d5fbf5d48d';

describe('a crypto receipt carries the explorer link as a QR on the transaction line', () => {
  it.each([
    ['bitcoin explorer', `https://mempool.space/testnet4/tx/${txid}`, true],
    ['EVM explorer over 80 characters', `https://amoy.polygonscan.com/tx/0x${txid}?utm=receipt`, true],
    ['not https', `http://mempool.space/tx/${txid}`, false],
    ['credentials in it', `https://user:secret@mempool.space/tx/${txid}`, false],
  ])('%s', (_name, explorerUrl, printed) => {
    const lines =
      tender.receiptLines?.({ network: 'testnet4', asset: 'BTC', amount: '0.0002', txid, explorerUrl }) ?? [];
    const transaction = lines.find((line) => line.label === 'Transaction');
    expect(transaction?.value).toBe(txid);
    expect(transaction?.qr).toBe(printed ? explorerUrl : undefined);
    expect(lines.every((line) => line.value.length <= 80)).toBe(true);
  });
});
