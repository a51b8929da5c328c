/**
 * A real Hardhat 2 node for the EVM tests and the watcher benchmark: started with `hardhat node` in
 * a temp project (a minimal hardhat.config.cjs, node_modules linked to the repository's) on a free
 * loopback port, automine off, stopped by the harness. `deployTestChain` compiles the test contracts,
 * deploys a 6-decimal ERC-20 and a contract wallet, and places Multicall3 at its canonical address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AbiCoder, Interface } from 'ethers';
import { multicall3Address } from '../../src/main/chains/evm';
import { compileTestContracts } from './contracts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface HardhatNode {
  readonly rpcUrl: string;
  readonly wsUrl: string;
  readonly chainId: number;
  /** Unlocked, funded accounts of the node. */
  readonly accounts: readonly string[];
  rpc<T = unknown>(method: string, params?: readonly unknown[]): Promise<T>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function jsonRpc<T>(url: string, method: string, params: readonly unknown[] = []): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      });
    } catch (error) {
      // Hardhat closes idle keep-alive sockets; a request sent on one just then is sent again.
      if (attempt < 3) continue;
      throw error;
    }
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
  }
}

export async function startHardhatNode(): Promise<HardhatNode> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-hardhat-'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"tillpoint-hardhat-test","private":true}\n');
  fs.writeFileSync(
    path.join(dir, 'hardhat.config.cjs'),
    'module.exports = { networks: { hardhat: { chainId: 31337, mining: { auto: false, interval: 0 } } } };\n',
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/hardhat/internal/cli/cli.js'),
      'node',
      '--hostname',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd: dir,
      env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Hardhat did not start in time:\n${output.slice(-2000)}`)),
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Started HTTP and WebSocket JSON-RPC server')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Hardhat exited (${code}):\n${output.slice(-2000)}`));
    });
  });
  // Keep reading so the pipe never fills, but keep nothing.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  const rpcUrl = `http://127.0.0.1:${port}`;
  const accounts = await jsonRpc<string[]>(rpcUrl, 'eth_accounts');
  return {
    rpcUrl,
    wsUrl: `ws://127.0.0.1:${port}`,
    chainId: 31337,
    accounts,
    rpc: (method, params = []) => jsonRpc(rpcUrl, method, params),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestChain {
  /** The 6-decimal ERC-20 ("USDC"). */
  readonly token: string;
  readonly tokenDecimals: number;
  /** A contract wallet: `forward(to)` sends its `msg.value` on with an internal call. */
  readonly forwarder: string;
  /** The account that pays (holds the whole token supply). */
  readonly payer: string;
}

export const forwarderInterface = new Interface(['function forward(address to) payable']);
export const tokenInterface = new Interface(['function transfer(address to, uint256 value) returns (bool)']);

export async function deployTestChain(node: HardhatNode): Promise<TestChain> {
  const contracts = compileTestContracts();
  const payer = node.accounts[0] as string;
  const deploy = async (bytecode: string, args = '0x') => {
    const hash = await node.rpc<string>('eth_sendTransaction', [
      { from: payer, data: bytecode + args.slice(2), gas: '0x500000' },
    ]);
    await node.rpc('evm_mine');
    const receipt = await node.rpc<{ contractAddress: string; status: string }>('eth_getTransactionReceipt', [
      hash,
    ]);
    if (receipt.status !== '0x1') throw new Error('A test contract failed to deploy.');
    return receipt.contractAddress;
  };
  const tokenArgs = AbiCoder.defaultAbiCoder().encode(
    ['string', 'string', 'uint8', 'uint256'],
    ['USD Coin (test)', 'USDC', 6, 10n ** 15n],
  );
  const token = await deploy(contracts.TestToken.bytecode, tokenArgs);
  const forwarder = await deploy(contracts.ForwardingWallet.bytecode);
  await node.rpc('hardhat_setCode', [multicall3Address, contracts.Multicall3Lite.deployedBytecode]);
  await node.rpc('evm_setAutomine', [false]);
  await node.rpc('evm_mine');
  return { token, tokenDecimals: 6, forwarder, payer };
}
