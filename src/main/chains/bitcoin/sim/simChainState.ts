/**
 * The state of a simulated Bitcoin chain: blocks with real headers (bitcoinjs-lib `Block`), real
 * transactions, a mempool, reorgs. The simulated wallet (simWallet.ts) pays from it; the Esplora,
 * Electrum and Core servers read it.
 */
import { createHash } from 'node:crypto';
import { Block, Transaction, crypto as bjsCrypto, script as bscript } from 'bitcoinjs-lib';
import { bytesToHex, electrumScripthash } from '../addresses';
import { type BitcoinNetwork } from '../networks';

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

const coin = 100_000_000n;
const subsidy = 50n * coin;
const fundingOutputs = 20;
const finalSequence = 0xffffffff;

function hash256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(createHash('sha256').update(bytes).digest()).digest();
}

export function reversedHex(bytes: Uint8Array): string {
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
  private readonly minerScript: Uint8Array;
  private readonly listeners = new Set<() => void>();
  private seq = 0;
  private nonce = 0;
  private clockSeconds = 1_700_000_000;
  /** Electrum names scripts by hash; every script seen in an output is indexed. */
  readonly scriptsByScripthash = new Map<string, string>();

  /** The genesis block pays `fundingScript` (the simulated wallet) its coins. */
  constructor(network: BitcoinNetwork, fundingScript: Uint8Array) {
    this.network = network;
    const minerHash = bjsCrypto.hash160(Buffer.from('tillpoint simulated miner'));
    this.minerScript = Uint8Array.from([0x00, 0x14, ...minerHash]);
    this.mineBlock([fundingScript]); // genesis: funds the wallet
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

  /** Adds a transaction to the mempool and tells the servers. */
  acceptToMempool(tx: Transaction): string {
    const entry = this.addTx(tx);
    this.mempool.push(entry.txid);
    this.changed();
    return entry.txid;
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

  /** Txids in the mempool that spend outputs of these (transitively), the given ones included. */
  withDescendants(txids: Iterable<string>, pool: readonly string[]): Set<string> {
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

  /** Removes transactions from the mempool and from memory (replaced, or dropped by a reorg). */
  forget(txids: Set<string>) {
    for (const txid of txids) {
      this.txs.delete(txid);
      this.confirmedAt.delete(txid);
    }
    this.mempool = this.mempool.filter((txid) => !txids.has(txid));
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
