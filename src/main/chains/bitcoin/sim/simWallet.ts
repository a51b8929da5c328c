/**
 * The simulated wallet: a BIP-32 key with coins from the genesis block, which pays any address of
 * the network with real P2WPKH transactions built and signed by bitcoinjs-lib (PSBT; a BIP-32
 * node signs, so no global ECC set-up is needed), and replaces them (RBF) on request.
 */
import ecc from '@bitcoinerlab/secp256k1';
import { BIP32Factory, type BIP32Interface } from 'bip32';
import { Psbt, type Transaction, crypto as bjsCrypto } from 'bitcoinjs-lib';
import { bitcoinAddressScript, bitcoinScriptAddress, bytesToHex } from '../addresses';
import { bitcoinjsNetwork, type BitcoinNetwork } from '../networks';
import { reversedHex, type SimChainState } from './simChainState';

const bip32 = BIP32Factory(ecc);

export interface SimPayOptions {
  /** Signal BIP-125 replaceability (nSequence 0xfffffffd). Default false. */
  readonly rbf?: boolean;
  /** Spend an unconfirmed coin (change of an earlier payment) first, so the payment has an unconfirmed parent. */
  readonly fromUnconfirmed?: boolean;
}

const feeRateSatsPerVbyte = 2n;
const finalSequence = 0xffffffff;
const rbfSequence = 0xfffffffd;

/** The wallet's key and script, before the chain exists (its genesis block pays this script). */
export function simWalletKey(network: BitcoinNetwork, seed: Uint8Array = Buffer.alloc(32, 0x42)) {
  const node = bip32.fromSeed(Buffer.from(seed), bitcoinjsNetwork(network)).derivePath("m/84'/1'/0'/0/0");
  const script = Uint8Array.from([0x00, 0x14, ...bjsCrypto.hash160(node.publicKey)]);
  return { node, script };
}

export class SimWallet {
  readonly address: string;

  constructor(
    private readonly state: SimChainState,
    private readonly node: BIP32Interface,
    private readonly script: Uint8Array,
  ) {
    this.address = bitcoinScriptAddress(script, state.network) as string;
  }

  utxos(): { txid: string; vout: number; value: bigint; confirmed: boolean }[] {
    const walletHex = bytesToHex(this.script);
    const spent = new Set<string>();
    for (const entry of this.state.txs.values()) {
      for (const input of entry.tx.ins) spent.add(`${reversedHex(input.hash)}:${input.index}`);
    }
    const utxos: { txid: string; vout: number; value: bigint; confirmed: boolean }[] = [];
    for (const entry of this.state.txs.values()) {
      entry.tx.outs.forEach((output, vout) => {
        if (bytesToHex(output.script) === walletHex && !spent.has(`${entry.txid}:${vout}`)) {
          utxos.push({
            txid: entry.txid,
            vout,
            value: output.value,
            confirmed: this.state.confirmedAt.has(entry.txid),
          });
        }
      });
    }
    return utxos;
  }

  balanceSats(): bigint {
    return this.utxos().reduce((sum, utxo) => sum + utxo.value, 0n);
  }

  private feeFor(inputs: number, outputs: number, rate: bigint): bigint {
    return rate * BigInt(11 + 68 * inputs + 43 * outputs);
  }

  private buildAndSign(
    inputs: { txid: string; vout: number; value: bigint }[],
    outputs: { script: Uint8Array; value: bigint }[],
    sequence: number,
  ): Transaction {
    const psbt = new Psbt({ network: bitcoinjsNetwork(this.state.network) });
    for (const input of inputs) {
      psbt.addInput({
        hash: input.txid,
        index: input.vout,
        sequence,
        witnessUtxo: { script: this.script, value: input.value },
      });
    }
    for (const output of outputs) psbt.addOutput({ script: output.script, value: output.value });
    inputs.forEach((_input, i) => psbt.signInput(i, this.node));
    psbt.finalizeAllInputs();
    return psbt.extractTransaction();
  }

  /** Pays an address from the simulated wallet; the transaction enters the mempool. */
  pay(address: string, amountSats: bigint, options: SimPayOptions = {}): string {
    if (typeof amountSats !== 'bigint' || amountSats <= 0n)
      throw new Error('pay a positive whole number of sats');
    const script = bitcoinAddressScript(address, this.state.network);
    const utxos = this.utxos().sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    // One confirmed coin big enough, else the largest coins first (confirmed before unconfirmed).
    const needOne = amountSats + this.feeFor(1, 2, feeRateSatsPerVbyte);
    let chosen = utxos
      .filter((utxo) => utxo.confirmed !== Boolean(options.fromUnconfirmed) && utxo.value >= needOne)
      .slice(0, 1);
    if (chosen.length === 0) {
      chosen = [];
      let sum = 0n;
      const ordered = [...utxos].sort(
        (a, b) => Number(b.confirmed) - Number(a.confirmed) || (a.value < b.value ? 1 : -1),
      );
      for (const utxo of ordered) {
        chosen.push(utxo);
        sum += utxo.value;
        if (sum >= amountSats + this.feeFor(chosen.length, 2, feeRateSatsPerVbyte)) break;
      }
    }
    const total = chosen.reduce((sum, utxo) => sum + utxo.value, 0n);
    const fee = this.feeFor(chosen.length, 2, feeRateSatsPerVbyte);
    if (total < amountSats + fee) throw new Error('the simulated wallet has too few coins');
    const outputs = [{ script, value: amountSats }];
    const change = total - amountSats - fee;
    if (change > 1000n) outputs.push({ script: this.script, value: change });
    const tx = this.buildAndSign(chosen, outputs, options.rbf ? rbfSequence : finalSequence);
    return this.state.acceptToMempool(tx);
  }

  /**
   * RBF: drops a mempool transaction (and what spends it) and puts a conflicting one spending the
   * same coins, paying `toAddress` (default: back to the wallet) `sats` (default: the same amount).
   */
  replace(txid: string, options: { toAddress?: string; sats?: bigint } = {}): string {
    const original = this.state.txs.get(txid);
    if (!original || !this.state.mempool.includes(txid))
      throw new Error('only a transaction in the mempool can be replaced');
    const inputs = original.tx.ins.map((input) => {
      const parentTxid = reversedHex(input.hash);
      const value = this.state.txs.get(parentTxid)?.tx.outs[input.index]?.value ?? 0n;
      return { txid: parentTxid, vout: input.index, value };
    });
    const total = inputs.reduce((sum, input) => sum + input.value, 0n);
    const firstOutput = original.tx.outs[0];
    const amount = options.sats ?? firstOutput?.value ?? 0n;
    const script = options.toAddress
      ? bitcoinAddressScript(options.toAddress, this.state.network)
      : this.script;
    const fee = original.fee + this.feeFor(inputs.length, 2, feeRateSatsPerVbyte * 2n) + 1n;
    if (amount <= 0n || total < amount + fee)
      throw new Error('the replacement does not fit the coins it spends');
    const outputs = [{ script, value: amount }];
    const change = total - amount - fee;
    if (change > 1000n) outputs.push({ script: this.script, value: change });
    this.state.forget(this.state.withDescendants([txid], this.state.mempool));
    const tx = this.buildAndSign(inputs, outputs, rbfSequence);
    return this.state.acceptToMempool(tx);
  }
}
