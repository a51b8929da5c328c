/**
 * `tillpoint`: the command line of the headless host.
 *   tillpoint serve [--data-dir DIR] [--port N] [--host ADDR] [--demo] [--log-level LEVEL]
 *   tillpoint token [--data-dir DIR] [--demo]
 *   tillpoint login-link [--data-dir DIR] [--demo]
 *   tillpoint db migrate|add-till --database-url URL ... (the central PostgreSQL; src/main/sync/dbCommand.ts)
 *   tillpoint export --data-dir DIR --from DATE --to DATE --format csv|xlsx|pdf|hledger --out PATH
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createCore } from '../core';
import { runDbCommand, startSyncDemo } from '../sync';
import { appVersion } from '../system';
import { defaultDataDir } from './paths';
import { writePrivateFile } from '../kernel';
import { loginCodeTtlMs, mintLoginCode } from './loginCodes';
import { browserHostFor } from './security';
import { createHostServer } from './server';
import { ExportUsageError, exportUsage, parseExportCommand, runExport } from './exportCommand';
import { loadOrCreateToken } from './token';

const usage = `Tillpoint ${appVersion} — point of sale

Usage:
  tillpoint serve [options]   run the headless host (browser mode)
  tillpoint token [options]   print this till's pairing token (for a tablet or another browser)
  tillpoint login-link [options]
                              print a new one-time link that signs this computer's browser in
                              to the running host (the link \`serve\` printed works only once)
  tillpoint db migrate --database-url URL
                              apply the central PostgreSQL schema's migrations (sync)
  tillpoint db add-till --database-url URL --store STORE --till TILL
                              register a till and create its own database role (sync)
  tillpoint export --data-dir DIR --from DATE --to DATE --format csv|xlsx|pdf|hledger --out PATH
                              write the reports of a period (store days) to files, without the UI

Options:
  --data-dir DIR     where the till keeps its data (default: your app-data folder)
  --port N           TCP port (default 4319; 0 picks a free one)
  --host ADDR        address to listen on (default 127.0.0.1)
  --demo             demo mode: a sample café with staff and a catalog, cash, store coins and
                     cards on a simulated reader, in its own data folder
  --sync-demo        sync to a local central database (PGlite) to watch the sync work; without
                     it, sync is on only when TILLPOINT_DATABASE_URL names a PostgreSQL
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
  /** Sync to a PGlite central database started beside the host (`--sync-demo`). */
  syncDemo?: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

const commands = ['serve', 'token', 'login-link'] as const;
type Command = (typeof commands)[number] | 'help' | 'version';

export function parseCommandLine(argv: string[]): {
  command: Command;
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
      'sync-demo': { type: 'boolean' },
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
    ...(values['sync-demo'] ? { syncDemo: true } : {}),
    logLevel,
  };
  if (values.help) return { command: 'help', options };
  if (values.version) return { command: 'version', options };
  const command = positionals[0] ?? 'serve';
  if (!(commands as readonly string[]).includes(command))
    throw new UsageError(`Unknown command "${command}".`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  return { command: command as Command, options };
}

/** Where a running host says where it listens, so `login-link` can print a whole link. */
export const hostInfoFileName = 'host.json';

/** The command that mints a new link for this data folder, as the user would type it. */
export function loginLinkCommand(options: Pick<ServeOptions, 'dataDir' | 'demo'>): string {
  if (options.dataDir === defaultDataDir({ demo: options.demo })) {
    return `npx tillpoint login-link${options.demo ? ' --demo' : ''}`;
  }
  return `npx tillpoint login-link --data-dir ${JSON.stringify(options.dataDir)}`;
}

function loginLinkText(baseUrl: string, code: string, command: string): string {
  const minutes = Math.round(loginCodeTtlMs / 60_000);
  return [
    `Open this link in this computer's browser to use the till (it works once, for ${minutes} minutes):`,
    `  ${baseUrl}/login#${code}`,
    `For a new link later: ${command}`,
  ].join('\n');
}

/** Mints a one-time link for the host running on `dataDir`; throws a clear error when none is. */
export function loginLinkForRunningHost(dataDir: string, command = 'tillpoint login-link'): string {
  let info: { url?: unknown; pid?: unknown };
  try {
    info = JSON.parse(fs.readFileSync(path.join(dataDir, hostInfoFileName), 'utf8')) as typeof info;
  } catch {
    throw new Error(`No Tillpoint host is running on ${dataDir}: start it with \`tillpoint serve\`.`);
  }
  if (typeof info.url !== 'string' || typeof info.pid !== 'number' || !processIsAlive(info.pid)) {
    throw new Error(`No Tillpoint host is running on ${dataDir}: start it with \`tillpoint serve\`.`);
  }
  return loginLinkText(info.url, mintLoginCode(dataDir).code, command);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function serve(
  options: ServeOptions,
): Promise<{ url: string; loginLink: string; close: () => Promise<void> }> {
  const logger = pino({ level: options.logLevel, name: 'tillpoint' });
  const syncDemo = options.syncDemo
    ? await startSyncDemo({ dataDir: path.join(options.dataDir, 'sync-demo-pg') })
    : null;
  const core = await createCore({
    dataDir: options.dataDir,
    config: { mode: options.demo ? 'demo' : 'normal', logLevel: options.logLevel, door: 'host' },
    logger,
    ...(syncDemo ? { sync: { config: syncDemo.config } } : {}),
  });
  const token = loadOrCreateToken(options.dataDir);
  const app = await createHostServer({ core, token, rendererDir: path.join(__dirname, '../renderer') });
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${hostForUrl}:${port}`;
  // The till's own browser signs in through a one-time link (never a door that hands out the token).
  const browserUrl = `http://${browserHostFor(options.host)}:${port}`;
  const infoFile = path.join(options.dataDir, hostInfoFileName);
  writePrivateFile(infoFile, JSON.stringify({ url: browserUrl, pid: process.pid }));
  const { code } = mintLoginCode(options.dataDir);
  logger.info({ url }, 'listening; a one-time login link was printed (the code is never logged)');
  return {
    url,
    loginLink: loginLinkText(browserUrl, code, loginLinkCommand(options)),
    close: async () => {
      await app.close();
      await core.close();
      await syncDemo?.close();
      fs.rmSync(infoFile, { force: true });
    },
  };
}

/** Runs the command line; bin/tillpoint.cjs calls it. */
export async function runCli(): Promise<void> {
  if (process.argv[2] === 'db') {
    try {
      return await runDbCommand(process.argv.slice(3));
    } catch (error) {
      console.error(`Tillpoint db: ${(error as Error).message}`);
      process.exit(2);
    }
  }
  if (process.argv[2] === 'export') {
    try {
      const written = await runExport(parseExportCommand(process.argv.slice(3)));
      return void console.log(written.join('\n'));
    } catch (error) {
      if (!(error instanceof ExportUsageError)) throw error;
      console.error(`${error.message}\n\n${exportUsage}`);
      process.exit(2);
    }
  }
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
  if (command === 'login-link') {
    return void console.log(loginLinkForRunningHost(options.dataDir, loginLinkCommand(options)));
  }

  const running = await serve(options);
  // One plain line people and test harnesses read; everything else is pino JSON.
  console.log(
    `Tillpoint ${appVersion} listening on ${running.url} (data: ${options.dataDir}${options.demo ? ', demo' : ''})`,
  );
  console.log(running.loginLink);
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
