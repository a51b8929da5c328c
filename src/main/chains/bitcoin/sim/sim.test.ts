import ecc from '@bitcoinerlab/secp256k1';
import { BIP32Factory } from 'bip32';
import { Block, Transaction, crypto as bjsCrypto, networks } from 'bitcoinjs-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bitcoinAddressScript } from '../addresses';
import { deriveBitcoinAddress } from '../keys';
import { createBitcoinSimChain, type BitcoinSimChain } from './index';

let sim: BitcoinSimChain;

beforeAll(async () => {
  sim = await createBitcoinSimChain({ network: 'regtest' });
});
afterAll(async () => {
  await sim.close();
});

async function esplora<T>(path: string): Promise<T> {
  const response = await fetch(`${sim.esploraUrl}${path}`);
  expect(response.status).toBe(200);
  return (
    path.includes('/tip/') || path.endsWith('/hex') ? await response.text() : await response.json()
  ) as T;
}

describe('the simulated chain', () => {
  it('pays with a real, validly signed P2WPKH transaction', async () => {
    const to = deriveBitcoinAddress(
      BIP32Factory(ecc).fromSeed(Buffer.alloc(32, 3), networks.testnet).neutered().toBase58(),
      'regtest',
      0,
    );
    const before = sim.walletBalanceSats();
    const txid = sim.pay(to, 250_000n);
    const hex = await esplora<string>(`/tx/${txid}/hex`);
    const tx = Transaction.fromHex(hex);
    expect(tx.getId()).toBe(txid);
    expect(tx.outs[0]?.value).toBe(250_000n);
    expect(
      Buffer.from(tx.outs[0]?.script ?? []).equals(Buffer.from(bitcoinAddressScript(to, 'regtest'))),
    ).toBe(true);
    // Every input's signature verifies against its BIP-143 sighash and the key in its witness.
    tx.ins.forEach((input, i) => {
      const [signature, pubkey] = input.witness as [Uint8Array, Uint8Array];
      const prevScript = Uint8Array.from([0x76, 0xa9, 0x14, ...bjsCrypto.hash160(pubkey), 0x88, 0xac]);
      const prevout = sim.state.prevoutOf(sim.state.txs.get(txid)!, i)!;
      const sighash = tx.hashForWitnessV0(i, prevScript, prevout.value, Transaction.SIGHASH_ALL);
      const der = signature.subarray(0, -1);
      expect(ecc.verify(sighash, pubkey, derToCompact(der))).toBe(true);
    });
    const fee = sim.state.txs.get(txid)!.fee;
    expect(fee).toBeGreaterThan(0n);
    expect(sim.walletBalanceSats()).toBe(before - 250_000n - fee);
  });

  it('serves Esplora JSON with its documented field names, and blocks whose headers chain', async () => {
    const to = sim.walletAddress;
    const txid = sim.pay(to, 1_000_000n, { rbf: true });
    const unconfirmed = await esplora<Record<string, unknown>>(`/tx/${txid}`);
    expect(unconfirmed).toMatchObject({ txid, status: { confirmed: false } });
    const [hash] = sim.mine(1);
    const tx = await esplora<{
      vin: {
        txid: string;
        vout: number;
        sequence: number;
        prevout: { scriptpubkey_address: string; value: number };
      }[];
      vout: {
        scriptpubkey: string;
        scriptpubkey_address: string;
        scriptpubkey_type: string;
        value: number;
      }[];
      status: { confirmed: boolean; block_height: number; block_hash: string; block_time: number };
      fee: number;
    }>(`/tx/${txid}`);
    expect(tx.vin[0]).toMatchObject({
      sequence: 0xfffffffd,
      prevout: { scriptpubkey_address: sim.walletAddress },
    });
    expect(tx.vout[0]).toMatchObject({
      scriptpubkey_address: to,
      scriptpubkey_type: 'v0_p2wpkh',
      value: 1_000_000,
    });
    expect(tx.status).toMatchObject({ confirmed: true, block_height: sim.tipHeight(), block_hash: hash });
    expect(typeof tx.status.block_time).toBe('number');
    expect(await esplora<string>('/blocks/tip/hash')).toBe(hash);
    expect(await esplora<string>('/blocks/tip/height')).toBe(String(sim.tipHeight()));
    for (let height = 1; height <= sim.tipHeight(); height += 1) {
      const header = Block.fromHex(sim.state.blockAt(height)!.headerHex);
      expect(header.getId()).toBe(sim.state.blockAt(height)!.hash);
      expect(Buffer.from(header.prevHash!).reverse().toString('hex')).toBe(
        sim.state.blockAt(height - 1)!.hash,
      );
    }
    const response = await fetch(`${sim.esploraUrl}/tx/${'0'.repeat(64)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Transaction not found');
    expect((await fetch(`${sim.esploraUrl}/address/not-an-address/txs`)).status).toBe(400);
  });

  it('replace and reorg take transactions out of the mempool and the chain', () => {
    const txid = sim.pay(sim.walletAddress, 5_000n, { rbf: true });
    const replacement = sim.replace(txid);
    expect(sim.knows(txid)).toBe(false);
    expect(sim.knows(replacement)).toBe(true);
    sim.mine(2);
    const tip = sim.tipHeight();
    sim.reorg(2, { dropTxids: [replacement] });
    expect(sim.knows(replacement)).toBe(false);
    expect(sim.tipHeight()).toBe(tip + 1);
    expect(() => sim.reorg(sim.tipHeight() + 1)).toThrow(/reorg depth/);
    expect(() => sim.pay(sim.walletAddress, 0n)).toThrow(/positive/);
    expect(() => sim.pay('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', 1n)).toThrow(/not a regtest/);
  });
});

/** A DER signature (BIP-66) as the 64-byte r‖s that secp256k1's verify takes. */
function derToCompact(der: Uint8Array): Uint8Array {
  const rLength = der[3] as number;
  const r = der.subarray(4, 4 + rLength);
  const s = der.subarray(6 + rLength);
  const out = new Uint8Array(64);
  out.set(r.subarray(Math.max(0, r.length - 32)), 32 - Math.min(32, r.length));
  out.set(s.subarray(Math.max(0, s.length - 32)), 64 - Math.min(32, s.length));
  return out;
}
