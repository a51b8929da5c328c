/**
 * The in-memory chain of the EVM simulator: blocks with their transactions, logs and the state
 * after each block (coin balances, token balances), so calls at any past block answer as a node
 * would. Contracts are not executed: the simulator knows its tokens, Multicall3 and one contract
 * wallet, and answers their calls itself with ethers' ABI coder.
 */
import { AbiCoder, getAddress, id, keccak256, toUtf8Bytes } from 'ethers';
import { addressTopic, erc20Interface, multicall3Interface, transferTopic } from '../abi';
import { multicall3Address } from '../chains';

export interface SimToken {
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
  readonly address: string;
}

export interface SimLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
}

export interface SimTx {
  readonly hash: string;
  readonly from: string;
  readonly to: string;
  readonly value: bigint;
  readonly input: string;
  readonly nonce: number;
  readonly gas: bigint;
  readonly gasPrice: bigint;
  readonly logs: readonly SimLog[];
  /** Coin moved by the contract the transaction calls (a contract wallet's internal transfer). */
  readonly internal: readonly { to: string; value: bigint }[];
}

export interface SimBlock {
  readonly number: number;
  readonly hash: string;
  readonly parentHash: string;
  readonly timestamp: number;
  readonly txs: readonly SimTx[];
  /** State after this block: lower-case address → wei, and token → (address → units). */
  readonly coins: ReadonlyMap<string, bigint>;
  readonly tokenBalances: ReadonlyMap<string, ReadonlyMap<string, bigint>>;
}

export const simGasPrice = 1_000_000_000n;
const transferGas = 21_000n;
const tokenTransferGas = 52_000n;
const walletCallGas = 40_000n;

export class SimLedger {
  readonly blocks: SimBlock[] = [];
  readonly pending: SimTx[] = [];
  readonly wallet: string;
  readonly contractWallet: string;
  private salt = 0;
  private nonces = new Map<string, number>();

  constructor(
    readonly chainId: number,
    readonly tokens: readonly SimToken[],
  ) {
    this.wallet = getAddress(`0x${id(`tillpoint-sim-wallet:${chainId}`).slice(-40)}`);
    this.contractWallet = getAddress(`0x${id(`tillpoint-sim-contract-wallet:${chainId}`).slice(-40)}`);
    const lotsOfCoin = 10n ** 30n;
    const coins = new Map([[this.wallet.toLowerCase(), lotsOfCoin]]);
    const tokenBalances = new Map(
      tokens.map((token) => [
        token.address.toLowerCase(),
        new Map([[this.wallet.toLowerCase(), 10n ** 40n]]),
      ]),
    );
    this.blocks.push({
      number: 0,
      hash: this.newHash('genesis'),
      parentHash: `0x${'0'.repeat(64)}`,
      timestamp: Math.floor(Date.now() / 1000),
      txs: [],
      coins,
      tokenBalances,
    });
  }

  tip(): SimBlock {
    return this.blocks[this.blocks.length - 1] as SimBlock;
  }

  private newHash(what: string): string {
    this.salt += 1;
    return keccak256(toUtf8Bytes(`tillpoint-sim:${this.chainId}:${what}:${this.salt}:${Date.now()}`));
  }

  private nextNonce(from: string): number {
    const nonce = this.nonces.get(from) ?? 0;
    this.nonces.set(from, nonce + 1);
    return nonce;
  }

  /** Queues a payment from the simulated wallet; it lands in the next mined block. */
  pay(to: string, amountUnits: bigint, options: { token?: string; viaContract?: boolean } = {}): string {
    const recipient = getAddress(to.toLowerCase());
    if (amountUnits <= 0n) throw new Error('The amount must be positive.');
    const from = options.viaContract ? this.contractWallet : this.wallet;
    let tx: Omit<SimTx, 'hash' | 'nonce'>;
    if (options.token !== undefined) {
      const token = this.findToken(options.token);
      if (!token) throw new Error(`The simulated chain has no token ${options.token}.`);
      tx = {
        from: this.wallet,
        to: token.address,
        value: 0n,
        input: erc20Interface.encodeFunctionData('transfer', [recipient, amountUnits]),
        gas: tokenTransferGas,
        gasPrice: simGasPrice,
        logs: [
          {
            address: token.address,
            topics: [transferTopic, addressTopic(this.wallet), addressTopic(recipient)],
            data: AbiCoder.defaultAbiCoder().encode(['uint256'], [amountUnits]),
          },
        ],
        internal: [],
      };
    } else if (options.viaContract) {
      // The customer's wallet calls its smart-contract wallet, which sends the coin on: no
      // transaction names the recipient, only its balance shows the payment.
      tx = {
        from: this.wallet,
        to: from,
        value: amountUnits,
        input: `0xb61d27f6${AbiCoder.defaultAbiCoder().encode(['address', 'uint256', 'bytes'], [recipient, amountUnits, '0x']).slice(2)}`,
        gas: walletCallGas,
        gasPrice: simGasPrice,
        logs: [],
        internal: [{ to: recipient, value: amountUnits }],
      };
    } else {
      tx = {
        from: this.wallet,
        to: recipient,
        value: amountUnits,
        input: '0x',
        gas: transferGas,
        gasPrice: simGasPrice,
        logs: [],
        internal: [],
      };
    }
    const full: SimTx = { ...tx, nonce: this.nextNonce(tx.from.toLowerCase()), hash: this.newHash('tx') };
    this.pending.push(full);
    return full.hash;
  }

  findToken(symbolOrAddress: string): SimToken | undefined {
    const wanted = symbolOrAddress.toLowerCase();
    return this.tokens.find(
      (token) => token.address.toLowerCase() === wanted || token.symbol.toLowerCase() === wanted,
    );
  }

  /** Mines one block with every pending transaction. */
  mineOne(): SimBlock {
    const parent = this.tip();
    const coins = new Map(parent.coins);
    const tokenBalances = new Map(
      [...parent.tokenBalances].map(([token, balances]) => [token, new Map(balances)]),
    );
    const add = (map: Map<string, bigint>, address: string, delta: bigint) => {
      const key = address.toLowerCase();
      map.set(key, (map.get(key) ?? 0n) + delta);
    };
    const txs = this.pending.splice(0, this.pending.length);
    for (const tx of txs) {
      add(coins, tx.from, -(tx.value + tx.gas * tx.gasPrice));
      add(coins, tx.to, tx.value);
      for (const move of tx.internal) {
        add(coins, tx.to, -move.value);
        add(coins, move.to, move.value);
      }
      for (const log of tx.logs) {
        const balances = tokenBalances.get(log.address.toLowerCase());
        if (!balances) continue;
        const amount = BigInt(log.data);
        add(balances, `0x${(log.topics[1] as string).slice(-40)}`, -amount);
        add(balances, `0x${(log.topics[2] as string).slice(-40)}`, amount);
      }
    }
    const block: SimBlock = {
      number: parent.number + 1,
      hash: this.newHash(`block:${parent.number + 1}`),
      parentHash: parent.hash,
      timestamp: Math.max(parent.timestamp + 1, Math.floor(Date.now() / 1000)),
      txs,
      coins,
      tokenBalances,
    };
    this.blocks.push(block);
    return block;
  }

  /** Takes back the last `depth` blocks; their transactions are dropped or queued again. */
  rollback(depth: number, keepTransactions: boolean): void {
    if (!Number.isInteger(depth) || depth < 1 || depth >= this.blocks.length) {
      throw new Error(`A reorg depth must be 1 to ${this.blocks.length - 1}.`);
    }
    const removed = this.blocks.splice(this.blocks.length - depth, depth);
    if (keepTransactions) this.pending.unshift(...removed.flatMap((block) => block.txs));
  }

  blockAt(tag: unknown): SimBlock | null {
    const tipNumber = this.tip().number;
    let number: number;
    if (tag === undefined || tag === 'latest' || tag === 'pending') number = tipNumber;
    else if (tag === 'earliest') number = 0;
    else if (tag === 'safe') number = Math.max(0, tipNumber - 1);
    else if (tag === 'finalized') number = Math.max(0, tipNumber - 2);
    else if (typeof tag === 'string' && /^0x[0-9a-fA-F]+$/.test(tag)) number = Number.parseInt(tag, 16);
    else if (typeof tag === 'object' && tag !== null && 'blockHash' in tag) {
      return this.blocks.find((block) => block.hash === (tag as { blockHash: string }).blockHash) ?? null;
    } else if (typeof tag === 'object' && tag !== null && 'blockNumber' in tag) {
      return this.blockAt((tag as { blockNumber: unknown }).blockNumber);
    } else throw new SimRpcError(-32602, 'invalid block tag');
    return this.blocks[number] ?? null;
  }

  findTx(hash: string): { tx: SimTx; block: SimBlock; index: number } | null {
    const wanted = hash.toLowerCase();
    for (const block of this.blocks) {
      const index = block.txs.findIndex((tx) => tx.hash === wanted);
      if (index >= 0) return { tx: block.txs[index] as SimTx, block, index };
    }
    return null;
  }

  hasCode(address: string): boolean {
    const lower = address.toLowerCase();
    return (
      lower === multicall3Address.toLowerCase() ||
      lower === this.contractWallet.toLowerCase() ||
      this.tokens.some((token) => token.address.toLowerCase() === lower)
    );
  }

  /** A read-only call, answered from the state after `block`. */
  call(to: string, data: string, block: SimBlock): string {
    const target = to.toLowerCase();
    if (target === multicall3Address.toLowerCase()) return this.callMulticall(data, block);
    const token = this.tokens.find((entry) => entry.address.toLowerCase() === target);
    if (token) return this.callToken(token, data, block);
    return '0x';
  }

  private callMulticall(data: string, block: SimBlock): string {
    const selector = data.slice(0, 10);
    const fn = multicall3Interface.getFunction(selector);
    if (!fn) throw new SimRpcError(3, 'execution reverted');
    const args = multicall3Interface.decodeFunctionData(fn, data);
    if (fn.name === 'getEthBalance') {
      return multicall3Interface.encodeFunctionResult(fn, [
        block.coins.get(String(args[0]).toLowerCase()) ?? 0n,
      ]);
    }
    if (fn.name === 'getBlockNumber') return multicall3Interface.encodeFunctionResult(fn, [block.number]);
    const calls = args[0] as unknown as [string, boolean, string][];
    const results = calls.map(([callTarget, allowFailure, callData]) => {
      try {
        return [true, this.call(callTarget, callData, block)];
      } catch {
        if (!allowFailure) throw new SimRpcError(3, 'execution reverted: Multicall3: call failed');
        return [false, '0x'];
      }
    });
    return multicall3Interface.encodeFunctionResult(fn, [results]);
  }

  private callToken(token: SimToken, data: string, block: SimBlock): string {
    const fn = erc20Interface.getFunction(data.slice(0, 10));
    if (!fn) throw new SimRpcError(3, 'execution reverted');
    switch (fn.name) {
      case 'decimals':
        return erc20Interface.encodeFunctionResult(fn, [token.decimals]);
      case 'symbol':
        return erc20Interface.encodeFunctionResult(fn, [token.symbol]);
      case 'name':
        return erc20Interface.encodeFunctionResult(fn, [token.name]);
      case 'balanceOf': {
        const [owner] = erc20Interface.decodeFunctionData(fn, data);
        const balance =
          block.tokenBalances.get(token.address.toLowerCase())?.get(String(owner).toLowerCase()) ?? 0n;
        return erc20Interface.encodeFunctionResult(fn, [balance]);
      }
      default:
        throw new SimRpcError(3, 'execution reverted');
    }
  }
}

export class SimRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
