/**
 * The balance check, in its own lane behind the block scan: one `eth_call` per block to Multicall3
 * `aggregate3` of `getEthBalance` for every watched address at once. A rise that the block's
 * transactions do not explain (coin sent on by a contract wallet, an internal call) becomes a
 * payment keyed `evm:<chainId>:balance:<address>:<block>`. Running apart from the scan, a slow
 * node's answer for many addresses never delays the payments found in transactions and logs.
 */
import { decodeAggregate3Fast, decodeUint256, encodeEthBalanceBatch } from './abi';
import { type EvmRpc, EvmRpcError, toHex } from './rpc';
import { type ScanConfig, type ScanState, type WatchedAddress, recordPayment } from './scanState';

/** Checks the balances of the blocks the scan has passed; returns when caught up (or the chain moved). */
export async function checkBalances(rpc: EvmRpc, config: ScanConfig, state: ScanState): Promise<void> {
  const multicall = config.multicall3Address;
  for (let guard = 0; guard < 16; guard += 1) {
    const cursor = state.cursor;
    const checked = state.balanceCursor;
    if (cursor === null || checked === null || checked >= cursor) return;
    if (state.balanceCheck !== 'on' || multicall === null || state.watched.size === 0) {
      for (const height of state.explained.keys()) if (height <= cursor) state.explained.delete(height);
      state.balanceCursor = cursor;
      return;
    }
    const from = checked + 1;
    const to = Math.min(cursor, from + config.maxBlockRange - 1);
    const heights: number[] = [];
    for (let height = from; height <= to; height += 1) heights.push(height);
    const hashes = heights.map((height) => state.explained.get(height)?.hash);
    const targets = [...state.watched.values()];
    const missing = targets.filter((target) => state.balances.get(target.lower)?.height !== from - 1);
    let answers: Map<string, bigint>[];
    try {
      answers = await Promise.all([
        missing.length > 0
          ? balancesAt(rpc, multicall, missing, from - 1)
          : Promise.resolve(new Map<string, bigint>()),
        ...heights.map((height) => balancesAt(rpc, multicall, targets, height)),
      ]);
    } catch (error) {
      if ((error as Error).message.startsWith('Empty')) {
        state.balanceCheck = 'unavailable';
        config.logger.warn(
          { error: (error as Error).message },
          'EVM watcher: no Multicall3 on this chain; coin transfers from contract wallets will not be seen',
        );
        continue;
      }
      if (error instanceof EvmRpcError) {
        // The node refused these blocks (e.g. state pruned, "missing trie node", far behind after a
        // pause): skip them rather than stop checking; transactions and logs still found them.
        config.logger.warn(
          { from, to, error: error.message },
          'EVM watcher: the balance check of these blocks was refused; skipped',
        );
        if (state.balanceCursor !== checked) continue;
        for (const height of heights) state.explained.delete(height);
        state.balances.clear();
        state.balanceCursor = to;
        continue;
      }
      throw error;
    }
    // The chain moved (a reorg, a rewind) while we asked: these answers may be for other blocks.
    if (
      state.balanceCursor !== checked ||
      heights.some((height, index) => state.explained.get(height)?.hash !== hashes[index])
    ) {
      continue;
    }
    const [before, ...after] = answers as [Map<string, bigint>, ...Map<string, bigint>[]];
    for (const target of targets) {
      if (!state.watched.has(target.lower)) continue;
      const known = state.balances.get(target.lower);
      let previous = known?.height === from - 1 ? known.wei : before.get(target.lower);
      heights.forEach((height, index) => {
        const now = after[index]?.get(target.lower);
        if (now === undefined) return;
        const explained = state.explained.get(height)?.flows.get(target.lower) ?? 0n;
        const unexplained = previous === undefined ? 0n : now - previous - explained;
        if (unexplained > 0n && height >= target.fromHeight) {
          recordPayment(state, target.lower, {
            key: `evm:${config.chainId}:balance:${target.checksummed}:${height}`,
            address: target.address,
            asset: config.nativeSymbol,
            amountUnits: unexplained,
            txid: null,
            blockHeight: height,
            blockHash: hashes[index] as string,
            from: [],
          });
        }
        previous = now;
        state.balances.set(target.lower, { height, wei: now });
      });
    }
    for (const height of heights) state.explained.delete(height);
    state.balanceCursor = to;
  }
}

export async function balancesAt(
  rpc: EvmRpc,
  multicall: string,
  targets: readonly WatchedAddress[],
  height: number | 'latest',
): Promise<Map<string, bigint>> {
  const data = encodeEthBalanceBatch(
    multicall,
    targets.map((target) => target.checksummed),
  );
  const answer = await rpc.call<string>('eth_call', [
    { to: multicall, data },
    typeof height === 'number' ? toHex(height) : height,
  ]);
  if (answer === '0x') throw new Error('Empty answer from Multicall3 (no contract at its address?).');
  const results = decodeAggregate3Fast(answer);
  return new Map(
    targets.map((target, index) => [target.lower, decodeUint256(results[index]?.returnData ?? '0x')]),
  );
}
