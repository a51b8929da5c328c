/**
 * `tillpoint db ...`: the central database's administration from the command line.
 *   tillpoint db migrate --database-url URL [--sslmode MODE] [--ca-file FILE]
 *   tillpoint db add-till --database-url URL --store STORE --till TILL [--role NAME] [--sslmode MODE] [--ca-file FILE]
 * The URL may also come from TILLPOINT_DATABASE_URL. Run them as the database's owner (an administrator).
 */
import { parseArgs } from 'node:util';
import { migrateCentral } from './centralMigrate';
import { pgClientConfig, redactUrl, sslModes, type SslMode } from './syncConfig';
import { addTill } from './tills';

export const dbUsage = `Usage:
  tillpoint db migrate --database-url URL [--sslmode MODE] [--ca-file FILE]
      applies the central schema's migrations (run as the database's owner)
  tillpoint db add-till --database-url URL --store STORE --till TILL [--role NAME]
      registers a till and creates its own database role (row-level security: its store only);
      prints the role and a new password for the till's TILLPOINT_DATABASE_URL
  --sslmode MODE   disable, require, verify-ca, verify-full (or sslmode= in the URL)
  --ca-file FILE   the server's CA certificate (PEM), for verify-ca / verify-full
`;

export async function runDbCommand(
  argv: string[],
  print: (text: string) => void = console.log,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'database-url': { type: 'string' },
      store: { type: 'string' },
      till: { type: 'string' },
      role: { type: 'string' },
      sslmode: { type: 'string' },
      'ca-file': { type: 'string' },
    },
  });
  const sub = positionals[0];
  const url = values['database-url'] ?? process.env.TILLPOINT_DATABASE_URL;
  if (!url) throw new Error(`--database-url is needed (or TILLPOINT_DATABASE_URL).\n\n${dbUsage}`);
  if (values.sslmode && !(sslModes as readonly string[]).includes(values.sslmode)) {
    throw new Error(`--sslmode must be one of ${sslModes.join(', ')}.`);
  }
  const config = pgClientConfig({
    databaseUrl: url,
    sslMode: values.sslmode as SslMode | undefined,
    caFile: values['ca-file'],
    applicationName: 'tillpoint db',
  });
  if (sub === 'migrate') {
    const applied = await migrateCentral(config);
    print(
      applied.length > 0
        ? `Applied ${applied.length} migration(s) to ${redactUrl(url)}: ${applied.join(', ')}`
        : `${redactUrl(url)} is up to date.`,
    );
    return;
  }
  if (sub === 'add-till') {
    if (!values.store || !values.till) throw new Error(`add-till needs --store and --till.\n\n${dbUsage}`);
    const result = await addTill(config, {
      storeId: values.store,
      tillId: values.till,
      ...(values.role ? { role: values.role } : {}),
    });
    const target = new URL(url);
    target.username = result.role;
    target.password = result.password;
    print(
      [
        `Till ${result.storeId}/${result.tillId} ${result.created ? 'added' : 'updated'}; its role is ${result.role}.`,
        'Start the till with (the password is shown once):',
        `  TILLPOINT_DATABASE_URL='${target.toString()}' TILLPOINT_STORE_ID=${result.storeId} TILLPOINT_TILL_ID=${result.tillId}`,
      ].join('\n'),
    );
    return;
  }
  throw new Error(`Unknown db command "${sub ?? ''}".\n\n${dbUsage}`);
}
