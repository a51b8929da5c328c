/**
 * One way to drive a test chain, whether it is the real Hardhat node or the in-process simulator,
 * so the same watcher scenarios run against both (the simulator must behave like the node).
 */
import { createEvmSimChain, type EvmSimChain } from '../../src/main/chains/evm';
import { type HardhatNode, type TestChain, forwarderInterface, tokenInterface } from './hardhatNode';

export interface ChainDriver {
  readonly name: string;
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly wsUrl: string;
  readonly token: string;
  readonly tokenDecimals: number;
  readonly nativeSymbol: string;
  payNative(to: string, wei: bigint): Promise<string>;
  payToken(to: string, units: bigint): Promise<string>;
  /** Coin sent on by a contract wallet: no transaction names the recipient. */
  payViaContract(to: string, wei: bigint): Promise<string>;
  mine(blocks?: number): Promise<number>;
  tip(): Promise<number>;
  /** Remembers the chain as it is now... */
  mark(): Promise<Mark>;
  /** ...and replaces every block since by `dropped + 1` new, empty blocks (a reorg that drops them). */
  reorgTo(mark: Mark): Promise<void>;
}

export interface Mark {
  readonly height: number;
  readonly snapshot?: string;
}

export function hardhatDriver(node: HardhatNode, chain: TestChain): ChainDriver {
  const send = (tx: Record<string, string>) =>
    node.rpc<string>('eth_sendTransaction', [{ from: chain.payer, ...tx }]);
  const tip = async () => Number.parseInt(await node.rpc<string>('eth_blockNumber'), 16);
  const mine = async (blocks = 1) => {
    for (let i = 0; i < blocks; i += 1) await node.rpc('evm_mine');
    return tip();
  };
  return {
    name: 'Hardhat',
    chainId: node.chainId,
    rpcUrl: node.rpcUrl,
    wsUrl: node.wsUrl,
    token: chain.token,
    tokenDecimals: chain.tokenDecimals,
    nativeSymbol: 'ETH',
    payNative: (to, wei) => send({ to, value: `0x${wei.toString(16)}`, gas: '0x5208' }),
    payToken: (to, units) =>
      send({
        to: chain.token,
        data: tokenInterface.encodeFunctionData('transfer', [to, units]),
        gas: '0x30000',
      }),
    payViaContract: (to, wei) =>
      send({
        to: chain.forwarder,
        value: `0x${wei.toString(16)}`,
        data: forwarderInterface.encodeFunctionData('forward', [to]),
        gas: '0x30000',
      }),
    mine,
    tip,
    mark: async () => ({ height: await tip(), snapshot: await node.rpc<string>('evm_snapshot') }),
    async reorgTo(mark) {
      const dropped = (await tip()) - mark.height;
      const reverted = await node.rpc<boolean>('evm_revert', [mark.snapshot]);
      if (!reverted) throw new Error('evm_revert failed');
      await mine(dropped + 1);
    },
  };
}

export async function simDriver(chainId = 31337): Promise<ChainDriver & { sim: EvmSimChain }> {
  const sim = await createEvmSimChain({ chainId });
  const usdc = sim.tokens.find((token) => token.symbol === 'USDC');
  if (!usdc) throw new Error('the simulator has no USDC');
  return {
    sim,
    name: 'simulator',
    chainId,
    rpcUrl: sim.rpcUrl,
    wsUrl: sim.wsUrl,
    token: usdc.address,
    tokenDecimals: usdc.decimals,
    nativeSymbol: 'ETH',
    payNative: async (to, wei) => sim.pay(to, wei),
    payToken: async (to, units) => sim.pay(to, units, { token: 'USDC' }),
    payViaContract: async (to, wei) => sim.pay(to, wei, { viaContract: true }),
    mine: async (blocks = 1) => sim.mine(blocks),
    tip: async () => sim.tipHeight(),
    mark: async () => ({ height: sim.tipHeight() }),
    async reorgTo(mark) {
      sim.reorg(sim.tipHeight() - mark.height);
    },
  };
}
