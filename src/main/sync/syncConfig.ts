/**
 * Where this till syncs to. Off unless `TILLPOINT_DATABASE_URL` (or DIR/sync.json) names a central
 * PostgreSQL. The URL may carry the till role's password, so it lives in the main process only (env or
 * a 0600 file), never in a log, an answer or the renderer.
 *
 * TLS: `sslmode` in the URL (disable, require, verify-ca, verify-full) or TILLPOINT_DATABASE_SSLMODE,
 * and a CA file with TILLPOINT_DATABASE_CA_FILE (or `sslrootcert` in the URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type ClientConfig } from 'pg';
import { z } from 'zod';

export const sslModes = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof sslModes)[number];

const idPattern = /^[A-Za-z0-9_-]{1,40}$/;

export const syncConfigSchema = z.object({
  databaseUrl: z.string().min(1).max(2000),
  storeId: z.string().regex(idPattern, 'store id: 1–40 letters, digits, _ or -'),
  tillId: z.string().regex(idPattern, 'till id: 1–40 letters, digits, _ or -'),
  sslMode: z.enum(sslModes).optional(),
  caFile: z.string().max(4000).optional(),
  /** Coins each customer's allowance is topped up to at this till (the coin rule). */
  coinLeaseUnits: z.number().int().min(0).max(1_000_000_000).default(1000),
  /** How often an idle worker looks for new outbox rows. */
  pollMs: z.number().int().min(10).max(60_000).default(150),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;
export type SyncConfigInput = z.input<typeof syncConfigSchema>;

export const syncConfigFileName = 'sync.json';

/** The sync set-up from the environment, else DIR/sync.json; null when sync is off. */
export function readSyncConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): SyncConfig | null {
  const url = env.TILLPOINT_DATABASE_URL?.trim();
  if (url) {
    return syncConfigSchema.parse({
      databaseUrl: url,
      storeId: env.TILLPOINT_STORE_ID ?? 'store1',
      tillId: env.TILLPOINT_TILL_ID ?? 'till1',
      ...(env.TILLPOINT_DATABASE_SSLMODE ? { sslMode: env.TILLPOINT_DATABASE_SSLMODE } : {}),
      ...(env.TILLPOINT_DATABASE_CA_FILE ? { caFile: env.TILLPOINT_DATABASE_CA_FILE } : {}),
    });
  }
  const file = path.join(dataDir, syncConfigFileName);
  if (!fs.existsSync(file)) return null;
  return syncConfigSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** The URL without its password, for status screens and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/**
 * The `pg` client options for a URL and TLS choice. `verify-full` checks the certificate chain and the
 * host name, `verify-ca` the chain only, `require` encrypts without checking (as libpq does).
 */
export function pgClientConfig(options: {
  databaseUrl: string;
  sslMode?: SslMode | undefined;
  caFile?: string | undefined;
  /** Ceiling of one query, so a connection that hangs fails instead of waiting for ever. */
  queryTimeoutMs?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
}): ClientConfig {
  const url = new URL(options.databaseUrl);
  const mode = (options.sslMode ?? url.searchParams.get('sslmode') ?? 'disable') as SslMode;
  if (!sslModes.includes(mode))
    throw new Error(`sslmode must be one of ${sslModes.join(', ')}, not "${mode}"`);
  const caFile = options.caFile ?? url.searchParams.get('sslrootcert') ?? undefined;
  // The URL's own TLS parameters are dropped: the options below say it, once.
  for (const key of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey']) url.searchParams.delete(key);
  let ssl: ClientConfig['ssl'] = false;
  if (mode !== 'disable' && mode !== 'prefer') {
    const ca = caFile ? fs.readFileSync(caFile, 'utf8') : undefined;
    ssl = {
      rejectUnauthorized: mode === 'verify-ca' || mode === 'verify-full',
      ...(ca ? { ca } : {}),
      ...(mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
    };
  }
  return {
    connectionString: url.toString(),
    ssl,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    query_timeout: options.queryTimeoutMs ?? 15_000,
    keepAlive: true,
    application_name: options.applicationName ?? 'tillpoint',
  };
}
