/**
 * Esplora's JSON for transactions, statuses and address stats (field names as mempool.space and
 * Blockstream's Esplora document them), read from the simulated chain.
 */
import { script as bscript } from 'bitcoinjs-lib';
import { bitcoinScriptAddress, bytesToHex } from '../addresses';
import { type SimChainState, type SimTx } from './simChainState';

function scriptType(script: Uint8Array): string {
  const n = script.length;
  if (n === 25 && script[0] === 0x76 && script[1] === 0xa9) return 'p2pkh';
  if (n === 23 && script[0] === 0xa9) return 'p2sh';
  if (n === 22 && script[0] === 0x00 && script[1] === 0x14) return 'v0_p2wpkh';
  if (n === 34 && script[0] === 0x00 && script[1] === 0x20) return 'v0_p2wsh';
  if (n === 34 && script[0] === 0x51 && script[1] === 0x20) return 'v1_p2tr';
  if (n > 0 && script[0] === 0x6a) return 'op_return';
  return 'unknown';
}

function asm(script: Uint8Array): string {
  try {
    return bscript.toASM(script);
  } catch {
    return '';
  }
}

function outputJson(state: SimChainState, script: Uint8Array, value: bigint) {
  const address = bitcoinScriptAddress(script, state.network);
  return {
    scriptpubkey: bytesToHex(script),
    scriptpubkey_asm: asm(script),
    scriptpubkey_type: scriptType(script),
    ...(address ? { scriptpubkey_address: address } : {}),
    value: Number(value),
  };
}

export function statusJson(state: SimChainState, txid: string) {
  const height = state.confirmedAt.get(txid);
  if (height === undefined) return { confirmed: false };
  const block = state.blockAt(height);
  return { confirmed: true, block_height: height, block_hash: block?.hash, block_time: block?.time };
}

export function txJson(state: SimChainState, entry: SimTx) {
  const { tx } = entry;
  return {
    txid: entry.txid,
    version: tx.version,
    locktime: tx.locktime,
    vin: tx.ins.map((input, i) => {
      const coinbase = tx.isCoinbase();
      const prevout = state.prevoutOf(entry, i);
      return {
        txid: Buffer.from(input.hash).reverse().toString('hex'),
        vout: input.index,
        prevout: prevout ? outputJson(state, prevout.script, prevout.value) : null,
        scriptsig: bytesToHex(input.script),
        scriptsig_asm: asm(input.script),
        witness: input.witness.map((item) => bytesToHex(item)),
        is_coinbase: coinbase,
        sequence: input.sequence,
      };
    }),
    vout: tx.outs.map((output) => outputJson(state, output.script, output.value)),
    size: tx.byteLength(),
    weight: tx.weight(),
    fee: Number(entry.fee),
    status: statusJson(state, entry.txid),
  };
}

interface Stats {
  funded_txo_count: number;
  funded_txo_sum: number;
  spent_txo_count: number;
  spent_txo_sum: number;
  tx_count: number;
}

export function addressJson(state: SimChainState, address: string, scriptHex: string) {
  const empty = (): Stats => ({
    funded_txo_count: 0,
    funded_txo_sum: 0,
    spent_txo_count: 0,
    spent_txo_sum: 0,
    tx_count: 0,
  });
  const chain = empty();
  const mempool = empty();
  for (const entry of state.historyOf(scriptHex)) {
    const stats = state.isConfirmed(entry.txid) ? chain : mempool;
    stats.tx_count += 1;
    for (const output of entry.tx.outs) {
      if (bytesToHex(output.script) !== scriptHex) continue;
      stats.funded_txo_count += 1;
      stats.funded_txo_sum += Number(output.value);
    }
    entry.tx.ins.forEach((_input, i) => {
      const prevout = state.prevoutOf(entry, i);
      if (!prevout || bytesToHex(prevout.script) !== scriptHex) return;
      stats.spent_txo_count += 1;
      stats.spent_txo_sum += Number(prevout.value);
    });
  }
  return { address, chain_stats: chain, mempool_stats: mempool };
}

export function blockJson(state: SimChainState, hash: string) {
  const block = state.blockByHash(hash);
  if (!block) return null;
  const header = Buffer.from(block.headerHex, 'hex');
  return {
    id: block.hash,
    height: block.height,
    version: header.readUInt32LE(0),
    timestamp: block.time,
    tx_count: block.txids.length,
    merkle_root: Buffer.from(header.subarray(36, 68)).reverse().toString('hex'),
    previousblockhash: block.height === 0 ? null : state.blockAt(block.height - 1)?.hash,
    nonce: header.readUInt32LE(76),
    bits: header.readUInt32LE(72),
  };
}
