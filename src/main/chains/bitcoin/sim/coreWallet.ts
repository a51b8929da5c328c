/**
 * The wallets of the simulated Bitcoin Core: watch-only descriptor wallets that see the
 * transactions paying their imported `addr(…)` descriptors from the moment of import on (or from
 * the rescan time given), and keep a transaction once seen, as Core does: replaced or dropped, it
 * stays with 0 confirmations and out of the mempool; spent twice by a block, it goes negative.
 */
import { bytesToHex } from '../addresses';
import { type SimChainState, type SimTx } from './simChainState';

export interface SimImport {
  readonly address: string;
  readonly scriptHex: string;
  /** Transactions that arrive after this count are seen. */
  readonly seenAfter: number;
  /** Blocks from this time (seconds) on are rescanned; null: no rescan ("now"). */
  readonly rescanFrom: number | null;
}

export class SimCoreWallet {
  readonly imports = new Map<string, SimImport>();
  readonly txs = new Map<string, SimTx>();
  loaded = true;

  constructor(
    readonly name: string,
    readonly privateKeysEnabled: boolean,
    readonly descriptors: boolean,
  ) {}

  /** Brings the wallet up to date with the chain and the mempool. */
  sync(state: SimChainState) {
    const timeOf = (txid: string) => {
      const height = state.confirmedAt.get(txid);
      return height === undefined ? null : (state.blockAt(height)?.time ?? null);
    };
    for (const entry of state.txs.values()) {
      if (this.txs.has(entry.txid)) continue;
      for (const imported of this.imports.values()) {
        const pays = entry.tx.outs.some((output) => bytesToHex(output.script) === imported.scriptHex);
        if (!pays) continue;
        const blockTime = timeOf(entry.txid);
        const rescanned =
          imported.rescanFrom !== null && blockTime !== null && blockTime >= imported.rescanFrom - 7200;
        if (entry.seq > imported.seenAfter || rescanned) {
          this.txs.set(entry.txid, entry);
          break;
        }
      }
    }
  }

  /** Core's depth: confirmations in the chain, 0 in (or out of) the mempool, negative when conflicted. */
  depthOf(state: SimChainState, entry: SimTx): number {
    const height = state.confirmedAt.get(entry.txid);
    if (height !== undefined) return state.tipHeight() - height + 1;
    if (state.mempool.includes(entry.txid)) return 0;
    for (const input of entry.tx.ins) {
      const parent = Buffer.from(input.hash).reverse().toString('hex');
      const spender = state.spenderOf(parent, input.index);
      const spentAt = spender === null ? undefined : state.confirmedAt.get(spender);
      if (spender !== entry.txid && spentAt !== undefined) return -(state.tipHeight() - spentAt + 1);
    }
    return 0;
  }

  /** Outputs of a wallet transaction that pay an imported address. */
  receivedBy(entry: SimTx): { address: string; vout: number; sats: bigint }[] {
    const out: { address: string; vout: number; sats: bigint }[] = [];
    entry.tx.outs.forEach((output, vout) => {
      const hex = bytesToHex(output.script);
      for (const imported of this.imports.values()) {
        if (imported.scriptHex === hex) out.push({ address: imported.address, vout, sats: output.value });
      }
    });
    return out;
  }
}
