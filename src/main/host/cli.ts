/**
 * `tillpoint`: the command line of the headless host.
 *   tillpoint serve [--data-dir DIR] [--port N] [--host ADDR] [--demo] [--log-level LEVEL]
 *   tillpoint token [--data-dir DIR] [--demo]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createCore } from '../core';
import { appVersion } from '../system';
import { defaultDataDir } from './paths';
import { createHostServer } from './server';
import { loadOrCreateToken } from './token';

const usage = `Tillpoint ${appVersion} — point of sale

Usage:
  tillpoint serve [options]   run the headless host (browser mode)
  tillpoint token [options]   print this till's pairing token (for a tablet or another browser)

Options:
  --data-dir DIR     where the till keeps its data (default: your app-data folder)
  --port N           TCP port (default 4319; 0 picks a free one)
  --host ADDR        address to listen on (default 127.0.0.1)
  --demo             demo mode: a sample store, simulated reader and wallet
  --log-level LEVEL  fatal, error, warn, info, debug (default info)
  -h, --help         this text
  -v, --version      the version
`;

export class UsageError extends Error {}

export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  demo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export function parseCommandLine(argv: string[]): {
  command: 'serve' | 'token' | 'help' | 'version';
  options: ServeOptions;
} {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const demo = values.demo === true;
  const portText = values.port ?? '4319';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${portText}".`);
  }
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const logLevel = (values['log-level'] ?? 'info') as ServeOptions['logLevel'];
  if (!levels.includes(logLevel)) throw new UsageError(`--log-level must be one of ${levels.join(', ')}.`);
  const options: ServeOptions = {
    dataDir: path.resolve(values['data-dir'] ?? defaultDataDir({ demo })),
    port: Number(portText),
    host: values.host ?? '127.0.0.1',
    demo,
    logLevel,
  };
  if (values.help) return { command: 'help', options };
  if (values.version) return { command: 'version', options };
  const command = positionals[0] ?? 'serve';
  if (command !== 'serve' && command !== 'token') throw new UsageError(`Unknown command "${command}".`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  return { command, options };
}

export async function serve(options: ServeOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const logger = pino({ level: options.logLevel, name: 'tillpoint' });
  const core = await createCore({
    dataDir: options.dataDir,
    config: { mode: options.demo ? 'demo' : 'normal', logLevel: options.logLevel, door: 'host' },
    logger,
  });
  const token = loadOrCreateToken(options.dataDir);
  const app = await createHostServer({ core, token, rendererDir: path.join(__dirname, '../renderer') });
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostForUrl}:${port}`;
  return {
    url,
    close: async () => {
      await app.close();
      core.close();
    },
  };
}

/** Runs the command line; bin/tillpoint.cjs calls it. */
export async function runCli(): Promise<void> {
  let parsed;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  const { command, options } = parsed;
  if (command === 'help') return void console.log(usage);
  if (command === 'version') return void console.log(appVersion);
  if (command === 'token') return void console.log(loadOrCreateToken(options.dataDir));

  const running = await serve(options);
  // One plain line people and test harnesses read; everything else is pino JSON.
  console.log(
    `Tillpoint ${appVersion} listening on ${running.url} (data: ${options.dataDir}${options.demo ? ', demo' : ''})`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Tillpoint stopping (${signal})`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) void startFromCommandLine();

export function startFromCommandLine(): Promise<void> {
  return runCli().catch((error: unknown) => {
    console.error(`Tillpoint could not start: ${(error as Error).message}`);
    process.exit(1);
  });
}
