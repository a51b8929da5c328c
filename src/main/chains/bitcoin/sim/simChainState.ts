/**
 * The state of a simulated Bitcoin chain: blocks with real headers, a mempool, and a wallet with
 * its own coins that builds and signs real transactions (bitcoinjs-lib PSBT, P2WPKH, a BIP-32 key;
 * no global ECC set-up is needed for that). Esplora and Electrum servers read the same state.
 */
import { createHash } from 'node:crypto';
import ecc from '@bitcoinerlab/secp256k1';
import { BIP32Factory, type BIP32Interface } from 'bip32';
import { Block, Psbt, Transaction, crypto as bjsCrypto, script as bscript } from 'bitcoinjs-lib';
import { bitcoinAddressScript, bitcoinScriptAddress, bytesToHex, electrumScripthash } from '../addresses';
import { bitcoinjsNetwork, type BitcoinNetwork } from '../networks';

const bip32 = BIP32Factory(ecc);

export interface SimBlock {
  readonly height: number;
  readonly hash: string;
  readonly headerHex: string;
  readonly time: number;
  readonly txids: readonly string[];
}

export interface SimTx {
  readonly txid: string;
  readonly tx: Transaction;
  readonly hex: string;
  readonly fee: bigint;
  /** Order of arrival (mempool listings, newest first). */
  readonly seq: number;
}

export interface SimPayOptions {
  /** Signal BIP-125 replaceability (nSequence 0xfffffffd). Default false. */
  readonly rbf?: boolean;
  /** Spend an unconfirmed coin (change of an earlier payment) first, so the payment has an unconfirmed parent. */
  readonly fromUnconfirmed?: boolean;
}

const coin = 100_000_000n;
const subsidy = 50n * coin;
const fundingOutputs = 20;
const feeRateSatsPerVbyte = 2n;
const finalSequence = 0xffffffff;
const rbfSequence = 0xfffffffd;

function hash256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(createHash('sha256').update(bytes).digest()).digest();
}

function reversedHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).reverse().toString('hex');
}

function internalHash(txidHex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(txidHex, 'hex').reverse());
}

export class SimChainState {
  readonly network: BitcoinNetwork;
  readonly blocks: SimBlock[] = [];
  readonly txs = new Map<string, SimTx>();
  readonly confirmedAt = new Map<string, number>();
  mempool: string[] = [];
  readonly walletAddress: string;
  private readonly walletNode: BIP32Interface;
  private readonly walletScript: Uint8Array;
  private readonly minerScript: Uint8Array;
  private readonly listeners = new Set<() => void>();
  private seq = 0;
  private nonce = 0;
  private clockSeconds = 1_700_000_000;
  /** Electrum names scripts by hash; every script seen in an output is indexed. */
  readonly scriptsByScripthash = new Map<string, string>();

  constructor(network: BitcoinNetwork, seed: Uint8Array = Buffer.alloc(32, 0x42)) {
    this.network = network;
    const root = bip32.fromSeed(Buffer.from(seed), bitcoinjsNetwork(network));
    this.walletNode = root.derivePath("m/84'/1'/0'/0/0");
    this.walletScript = Uint8Array.from([0x00, 0x14, ...bjsCrypto.hash160(this.walletNode.publicKey)]);
    this.walletAddress = bitcoinScriptAddress(this.walletScript, network) as string;
    const minerHash = bjsCrypto.hash160(Buffer.from('tillpoint simulated miner'));
    this.minerScript = Uint8Array.from([0x00, 0x14, ...minerHash]);
    this.mineBlock([this.walletScript]); // genesis: funds the wallet
    this.mineBlock([]);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const listener of this.listeners) listener();
  }

  /** How many transactions have arrived so far (each has its `seq`): a wallet sees those after its import. */
  arrivals(): number {
    return this.seq;
  }

  tipHeight(): number {
    return this.blocks.length - 1;
  }

  tip(): SimBlock {
    return this.blocks[this.blocks.length - 1] as SimBlock;
  }

  private index(tx: Transaction) {
    for (const output of tx.outs) {
      const hex = bytesToHex(output.script);
      const scripthash = electrumScripthash(output.script);
      if (!this.scriptsByScripthash.has(scripthash)) this.scriptsByScripthash.set(scripthash, hex);
    }
  }

  private addTx(tx: Transaction): SimTx {
    const txid = tx.getId();
    let inputSum = 0n;
    for (const input of tx.ins) {
      if (Transaction.isCoinbaseHash(input.hash)) continue;
      const parent = this.txs.get(reversedHex(input.hash));
      inputSum += parent?.tx.outs[input.index]?.value ?? 0n;
    }
    const outputSum = tx.outs.reduce((sum, output) => sum + output.value, 0n);
    const fee = tx.isCoinbase() ? 0n : inputSum - outputSum;
    const entry: SimTx = { txid, tx, hex: tx.toHex(), fee, seq: ++this.seq };
    this.txs.set(txid, entry);
    this.index(tx);
    return entry;
  }

  private mineBlock(coinbaseScripts: Uint8Array[]): SimBlock {
    const height = this.blocks.length;
    const included = this.mempool.map((txid) => this.txs.get(txid) as SimTx);
    const fees = included.reduce((sum, entry) => sum + entry.fee, 0n);
    const coinbase = new Transaction();
    coinbase.version = 2;
    const heightPush = bscript.number.encode(height);
    const tag = Buffer.from(`tillpoint-sim-${++this.nonce}`);
    coinbase.addInput(new Uint8Array(32), 0xffffffff, finalSequence, bscript.compile([heightPush, tag]));
    if (coinbaseScripts.length > 0) {
      const each = subsidy / BigInt(fundingOutputs);
      for (let i = 0; i < fundingOutputs; i += 1) coinbase.addOutput(coinbaseScripts[0] as Uint8Array, each);
    } else {
      coinbase.addOutput(this.minerScript, subsidy + fees);
    }
    const coinbaseEntry = this.addTx(coinbase);
    const transactions = [coinbase, ...included.map((entry) => entry.tx)];
    const block = new Block();
    block.version = 0x20000000;
    block.prevHash = height === 0 ? new Uint8Array(32) : internalHash(this.tip().hash);
    block.merkleRoot = Block.calculateMerkleRoot(transactions);
    this.clockSeconds += 600;
    block.timestamp = this.clockSeconds;
    block.bits = 0x207fffff;
    block.nonce = this.nonce;
    const headerHex = block.toHex(true);
    const hash = reversedHex(hash256(Buffer.from(headerHex, 'hex')));
    const txids = [coinbaseEntry.txid, ...included.map((entry) => entry.txid)];
    const simBlock: SimBlock = { height, hash, headerHex, time: this.clockSeconds, txids };
    this.blocks.push(simBlock);
    for (const txid of txids) this.confirmedAt.set(txid, height);
    this.mempool = [];
    return simBlock;
  }

  /** Mines blocks holding the whole mempool (in the first). Returns their hashes. */
  mine(count = 1): string[] {
    if (!Number.isInteger(count) || count < 1 || count > 1000) throw new Error('mine 1 to 1000 blocks');
    const hashes: string[] = [];
    for (let i = 0; i < count; i += 1) hashes.push(this.mineBlock([]).hash);
    this.changed();
    return hashes;
  }

  /** Where an output was spent, in the chain or the mempool. */
  spenderOf(txid: string, vout: number): string | null {
    for (const entry of this.txs.values()) {
      for (const input of entry.tx.ins) {
        if (input.index === vout && reversedHex(input.hash) === txid) return entry.txid;
      }
    }
    return null;
  }

  private walletUtxos(): { txid: string; vout: number; value: bigint; confirmed: boolean }[] {
    const walletHex = bytesToHex(this.walletScript);
    const spent = new Set<string>();
    for (const entry of this.txs.values()) {
      for (const input of entry.tx.ins) spent.add(`${reversedHex(input.hash)}:${input.index}`);
    }
    const utxos: { txid: string; vout: number; value: bigint; confirmed: boolean }[] = [];
    for (const entry of this.txs.values()) {
      entry.tx.outs.forEach((output, vout) => {
        if (bytesToHex(output.script) === walletHex && !spent.has(`${entry.txid}:${vout}`)) {
          utxos.push({
            txid: entry.txid,
            vout,
            value: output.value,
            confirmed: this.confirmedAt.has(entry.txid),
          });
        }
      });
    }
    return utxos;
  }

  walletBalanceSats(): bigint {
    return this.walletUtxos().reduce((sum, utxo) => sum + utxo.value, 0n);
  }

  private feeFor(inputs: number, outputs: number, rate: bigint): bigint {
    return rate * BigInt(11 + 68 * inputs + 43 * outputs);
  }

  private buildAndSign(
    inputs: { txid: string; vout: number; value: bigint }[],
    outputs: { script: Uint8Array; value: bigint }[],
    sequence: number,
  ): Transaction {
    const psbt = new Psbt({ network: bitcoinjsNetwork(this.network) });
    for (const input of inputs) {
      psbt.addInput({
        hash: input.txid,
        index: input.vout,
        sequence,
        witnessUtxo: { script: this.walletScript, value: input.value },
      });
    }
    for (const output of outputs) psbt.addOutput({ script: output.script, value: output.value });
    inputs.forEach((_input, i) => psbt.signInput(i, this.walletNode));
    psbt.finalizeAllInputs();
    return psbt.extractTransaction();
  }

  /** Pays an address from the simulated wallet; the transaction enters the mempool. */
  pay(address: string, amountSats: bigint, options: SimPayOptions = {}): string {
    if (typeof amountSats !== 'bigint' || amountSats <= 0n)
      throw new Error('pay a positive whole number of sats');
    const script = bitcoinAddressScript(address, this.network);
    const utxos = this.walletUtxos().sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
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
    if (change > 1000n) outputs.push({ script: this.walletScript, value: change });
    const tx = this.buildAndSign(chosen, outputs, options.rbf ? rbfSequence : finalSequence);
    const entry = this.addTx(tx);
    this.mempool.push(entry.txid);
    this.changed();
    return entry.txid;
  }

  /** Txids in the mempool that spend outputs of these (transitively), the given ones included. */
  private withDescendants(txids: Iterable<string>, pool: readonly string[]): Set<string> {
    const out = new Set(txids);
    let grew = true;
    while (grew) {
      grew = false;
      for (const txid of pool) {
        if (out.has(txid)) continue;
        const entry = this.txs.get(txid);
        if (entry?.tx.ins.some((input) => out.has(reversedHex(input.hash)))) {
          out.add(txid);
          grew = true;
        }
      }
    }
    return out;
  }

  private forget(txids: Set<string>) {
    for (const txid of txids) {
      this.txs.delete(txid);
      this.confirmedAt.delete(txid);
    }
    this.mempool = this.mempool.filter((txid) => !txids.has(txid));
  }

  /**
   * RBF: drops a mempool transaction (and what spends it) and puts a conflicting one spending the
   * same coins, paying `toAddress` (default: back to the wallet) `sats` (default: the same amount).
   */
  replace(txid: string, options: { toAddress?: string; sats?: bigint } = {}): string {
    const original = this.txs.get(txid);
    if (!original || !this.mempool.includes(txid))
      throw new Error('only a transaction in the mempool can be replaced');
    const inputs = original.tx.ins.map((input) => {
      const parentTxid = reversedHex(input.hash);
      const value = this.txs.get(parentTxid)?.tx.outs[input.index]?.value ?? 0n;
      return { txid: parentTxid, vout: input.index, value };
    });
    const total = inputs.reduce((sum, input) => sum + input.value, 0n);
    const firstOutput = original.tx.outs[0];
    const amount = options.sats ?? firstOutput?.value ?? 0n;
    const script = options.toAddress
      ? bitcoinAddressScript(options.toAddress, this.network)
      : this.walletScript;
    const fee = original.fee + this.feeFor(inputs.length, 2, feeRateSatsPerVbyte * 2n) + 1n;
    if (amount <= 0n || total < amount + fee)
      throw new Error('the replacement does not fit the coins it spends');
    const outputs = [{ script, value: amount }];
    const change = total - amount - fee;
    if (change > 1000n) outputs.push({ script: this.walletScript, value: change });
    this.forget(this.withDescendants([txid], this.mempool));
    const tx = this.buildAndSign(inputs, outputs, rbfSequence);
    const entry = this.addTx(tx);
    this.mempool.push(entry.txid);
    this.changed();
    return entry.txid;
  }

  /**
   * A reorg: the last `depth` blocks are taken off; their transactions go back to the mempool except
   * `dropTxids` (and what spends them), which vanish; then `newBlocks` (default depth + 1) other
   * blocks are mined, the first holding the mempool. The genesis block (the wallet's coins) stays.
   */
  reorg(depth: number, options: { dropTxids?: readonly string[]; newBlocks?: number } = {}): void {
    if (!Number.isInteger(depth) || depth < 1 || depth > this.tipHeight()) {
      throw new Error(`reorg depth must be 1 to ${this.tipHeight()}`);
    }
    const removed = this.blocks.splice(this.blocks.length - depth, depth);
    const returning: string[] = [];
    const coinbases = new Set<string>();
    for (const block of removed) {
      block.txids.forEach((txid, i) => {
        this.confirmedAt.delete(txid);
        if (i === 0) coinbases.add(txid);
        else returning.push(txid);
      });
    }
    const pool = [...returning, ...this.mempool];
    this.mempool = pool;
    this.forget(this.withDescendants([...coinbases, ...(options.dropTxids ?? [])], pool));
    const newBlocks = options.newBlocks ?? depth + 1;
    for (let i = 0; i < newBlocks; i += 1) this.mineBlock([]);
    this.changed();
  }

  isConfirmed(txid: string): boolean {
    return this.confirmedAt.has(txid);
  }

  blockAt(height: number): SimBlock | undefined {
    return this.blocks[height];
  }

  blockByHash(hash: string): SimBlock | undefined {
    return this.blocks.find((block) => block.hash === hash);
  }

  /** Transactions touching a script (paying it or spending from it): confirmed by height, then the mempool. */
  historyOf(scriptHex: string): SimTx[] {
    const touches = (entry: SimTx) =>
      entry.tx.outs.some((output) => bytesToHex(output.script) === scriptHex) ||
      entry.tx.ins.some((input) => {
        const parent = this.txs.get(reversedHex(input.hash));
        const output = parent?.tx.outs[input.index];
        return output !== undefined && bytesToHex(output.script) === scriptHex;
      });
    const confirmed: SimTx[] = [];
    for (const block of this.blocks) {
      for (const txid of block.txids) {
        const entry = this.txs.get(txid);
        if (entry && touches(entry)) confirmed.push(entry);
      }
    }
    const mempool = this.mempool.map((txid) => this.txs.get(txid) as SimTx).filter(touches);
    return [...confirmed, ...mempool];
  }

  /** A mempool transaction with a parent that is itself unconfirmed. */
  hasUnconfirmedParent(entry: SimTx): boolean {
    return entry.tx.ins.some((input) => {
      const parent = reversedHex(input.hash);
      return !Transaction.isCoinbaseHash(input.hash) && this.txs.has(parent) && !this.confirmedAt.has(parent);
    });
  }

  prevoutOf(entry: SimTx, inputIndex: number): { script: Uint8Array; value: bigint } | null {
    const input = entry.tx.ins[inputIndex];
    if (!input || Transaction.isCoinbaseHash(input.hash)) return null;
    const output = this.txs.get(reversedHex(input.hash))?.tx.outs[input.index];
    return output ? { script: output.script, value: output.value } : null;
  }

  /** Accepts a signed transaction from outside (Esplora `POST /tx`, Electrum broadcast). */
  broadcast(hex: string): string {
    const tx = Transaction.fromHex(hex);
    for (const input of tx.ins) {
      const parent = reversedHex(input.hash);
      if (!this.txs.has(parent)) throw new Error('bad-txns-inputs-missingorspent');
      const spender = this.spenderOf(parent, input.index);
      if (spender !== null && spender !== tx.getId()) throw new Error('txn-mempool-conflict');
    }
    if (this.txs.has(tx.getId())) return tx.getId();
    const entry = this.addTx(tx);
    this.mempool.push(entry.txid);
    this.changed();
    return entry.txid;
  }
}
