/**
 * The EVM watcher's cost and speed on a real Hardhat node, with 1, 100 and 1,000 open invoices
 * (watched addresses), over WebSocket heads:
 * - RPC requests per new block: empty blocks (the pure cost of watching) and blocks that each hold
 *   one payment (a receipt is read per coin payment found: that grows with payments, not invoices);
 * - the time from asking the node to mine a block holding a payment to the watcher's payments event
 *   (median, p95). The next block is mined once the watcher's balance check has caught up: Hardhat
 *   answers one request at a time and its EVM takes about a second and a half for a Multicall3 call
 *   over 1,000 addresses (a real node takes milliseconds), and real chains leave seconds between
 *   blocks, so blocks mined back to back would measure Hardhat's queue rather than the watcher;
 * - the process's RSS after each size.
 * Baseline, in the same run on the same node: the naive way, one `eth_getBalance` per address per
 * block (plus `eth_blockNumber`), run for real at 1,000 addresses. Target: the same number of
 * requests per block at 1,000 invoices as at 1, and a p95 under 1 s.
 */
import { Wallet } from 'ethers';
import { createEvmWatcher } from '../src/main/chains/evm';
import { deployTestChain, startHardhatNode, tokenInterface } from '../test/evm/hardhatNode';
import { machineFacts, median, nowMs, percentile, report, round } from './lib';

const sizes = (process.env.BENCH_WATCHER_SIZES ?? '1,100,1000').split(',').map(Number);
const emptyBlocks = Number(process.env.BENCH_WATCHER_EMPTY_BLOCKS ?? 20);
const paidBlocks = Number(process.env.BENCH_WATCHER_PAID_BLOCKS ?? 30);
const naiveBlocks = Number(process.env.BENCH_WATCHER_NAIVE_BLOCKS ?? 3);

async function main(): Promise<void> {
  const node = await startHardhatNode();
  try {
    const chain = await deployTestChain(node);
    const send = (tx: Record<string, string>) =>
      node.rpc<string>('eth_sendTransaction', [{ from: chain.payer, ...tx }]);
    const figures: Record<string, number> = {};
    const perBlock: Record<number, number> = {};

    for (const size of sizes) {
      const watcher = createEvmWatcher({
        chainId: node.chainId,
        rpcUrls: [node.rpcUrl],
        wsUrls: [node.wsUrl],
        confirmations: 3,
        pollIntervalMs: 60_000,
        nativeSymbol: 'ETH',
        tokens: [chain.token],
      });
      const addresses = Array.from({ length: size }, () => Wallet.createRandom().address);
      const seen = new Map<string, number>();
      const waiters = new Map<string, () => void>();
      watcher.onPayments((address, payments) => {
        const key = address.toLowerCase();
        if (payments.length > (seen.get(key) ?? 0)) waiters.get(key)?.();
        seen.set(key, payments.length);
      });
      const caughtUp = async () => {
        for (;;) {
          const { scannedTo, balanceCheckedTo } = watcher.stats();
          if (scannedTo !== null && balanceCheckedTo !== null && balanceCheckedTo >= scannedTo) return;
          await sleep(5);
        }
      };
      await watcher.start();
      for (const address of addresses) watcher.watch(address);
      await watcher.refresh();
      for (let i = 0; i < 200 && !watcher.stats().wsConnected; i += 1) await sleep(25);
      if (!watcher.stats().wsConnected) throw new Error('the WebSocket subscription did not come up');

      // Empty blocks: what watching costs per block.
      const before = watcher.stats().requests;
      for (let i = 0; i < emptyBlocks; i += 1) {
        const target = watcher.stats().blocksScanned + 1;
        await node.rpc('evm_mine');
        while (watcher.stats().blocksScanned < target) await sleep(2);
        await caughtUp();
      }
      const emptyPerBlock = (watcher.stats().requests - before) / emptyBlocks;
      perBlock[size] = emptyPerBlock;

      // Blocks holding one payment each (token and coin in turn): time to the payments event.
      const latencies: number[] = [];
      const beforePaid = watcher.stats().requests;
      for (let i = 0; i < paidBlocks; i += 1) {
        const address = addresses[(i * 7919) % size] as string;
        if (i % 2 === 0) {
          await send({
            to: chain.token,
            data: tokenInterface.encodeFunctionData('transfer', [address, 1_000_000n]),
            gas: '0x30000',
          });
        } else {
          await send({ to: address, value: '0x38d7ea4c68000', gas: '0x5208' });
        }
        const heard = new Promise<void>((resolve) => waiters.set(address.toLowerCase(), resolve));
        const start = nowMs();
        await node.rpc('evm_mine');
        await heard;
        latencies.push(nowMs() - start);
        waiters.delete(address.toLowerCase());
        await caughtUp();
      }
      const paidPerBlock = (watcher.stats().requests - beforePaid) / paidBlocks;
      await watcher.stop();
      const rssMiB = process.memoryUsage().rss / 2 ** 20;
      figures[`requestsPerEmptyBlock@${size}`] = round(emptyPerBlock, 2);
      figures[`requestsPerPaidBlock@${size}`] = round(paidPerBlock, 2);
      figures[`blockToEventMedianMs@${size}`] = round(median(latencies), 1);
      figures[`blockToEventP95Ms@${size}`] = round(percentile(latencies, 95), 1);
      figures[`rssMiB@${size}`] = round(rssMiB, 1);
      console.log(`  ${size} invoices: ${JSON.stringify(watcher.stats().byMethod)}`);
      console.log(
        `  ${size} invoices: ${JSON.stringify(Object.fromEntries(Object.entries(figures).filter(([key]) => key.endsWith(`@${size}`))))}`,
      );
    }

    // The naive way, for real: per new block, the tip and one balance query per address.
    const naiveSize = Math.max(...sizes);
    const naiveAddresses = Array.from({ length: naiveSize }, () => Wallet.createRandom().address);
    let naiveRequests = 0;
    const naiveStart = nowMs();
    for (let i = 0; i < naiveBlocks; i += 1) {
      await node.rpc('evm_mine');
      const tip = await node.rpc<string>('eth_blockNumber');
      naiveRequests += 1;
      for (let j = 0; j < naiveAddresses.length; j += 8) {
        const batch = naiveAddresses.slice(j, j + 8);
        await Promise.all(batch.map((address) => node.rpc('eth_getBalance', [address, tip])));
        naiveRequests += batch.length;
      }
    }
    const naivePerBlock = naiveRequests / naiveBlocks;
    const naiveMsPerBlock = (nowMs() - naiveStart) / naiveBlocks;

    const oursAtMax = perBlock[naiveSize] ?? NaN;
    const oursAtOne = perBlock[Math.min(...sizes)] ?? NaN;
    const p95AtMax = figures[`blockToEventP95Ms@${naiveSize}`] ?? NaN;
    report({
      name: 'watcher',
      figures,
      baseline: {
        [`naiveRequestsPerBlock@${naiveSize}`]: round(naivePerBlock, 2),
        [`naiveMsPerBlock@${naiveSize}`]: round(naiveMsPerBlock, 1),
      },
      ratio: round(naivePerBlock / oursAtMax, 1),
      ratioMeaning: `naive requests per block / the watcher's, at ${naiveSize} open invoices (higher is better)`,
      target: {
        requestsPerBlock: `the same at ${naiveSize} invoices as at ${Math.min(...sizes)}`,
        blockToEventP95Ms: 1000,
      },
      met: oursAtMax === oursAtOne && p95AtMax < 1000,
      machine: machineFacts(),
    });
  } finally {
    await node.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
