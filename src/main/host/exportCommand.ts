/**
 * `tillpoint export --data-dir DIR --from DATE --to DATE --format csv|xlsx|pdf|hledger --out PATH [--till ID]`:
 * the exports of the Reports screen without the UI, for scheduled exports. It opens the till's database
 * (applying any migration this build has, as the app would), rebuilds the report rollups if they are
 * stale, and writes the files; no background service runs and nothing else is written. csv writes one
 * file per report into the folder PATH (made if missing); the other formats write the file PATH.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportFormats, reportPeriodSchema, type ExportFormat } from '../../shared/api/reports';
import { applyMigrations, migrations, openDatabase, type Db } from '../kernel';
import { createRollups, exportFiles, hledgerJournal } from '../reports';

export const exportUsage = `Usage:
  tillpoint export --data-dir DIR --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx|pdf|hledger --out PATH [--till ID]

  csv writes one file per report into the folder PATH; xlsx, pdf and hledger write the file PATH.
  Days are the store's days, in its time zone; --to is included.`;

export interface ExportCommand {
  dataDir: string;
  from: string;
  to: string;
  format: ExportFormat;
  out: string;
  tillId?: string;
}

export class ExportUsageError extends Error {}

export function parseExportCommand(argv: string[]): ExportCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        till: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new ExportUsageError((error as Error).message);
  }
  for (const name of ['data-dir', 'from', 'to', 'format', 'out'] as const) {
    if (!values[name]) throw new ExportUsageError(`--${name} is required.`);
  }
  const format = values.format as ExportFormat;
  if (!exportFormats.includes(format))
    throw new ExportUsageError(
      `--format must be one of ${exportFormats.join(', ')}, not "${values.format}".`,
    );
  const period = reportPeriodSchema.safeParse({
    from: values.from,
    to: values.to,
    ...(values.till ? { tillId: values.till } : {}),
  });
  if (!period.success)
    throw new ExportUsageError(
      period.error.issues.map((i) => `--${String(i.path[0] ?? 'period')}: ${i.message}`).join('; '),
    );
  const dataDir = path.resolve(values['data-dir']!);
  if (!fs.existsSync(path.join(dataDir, 'tillpoint.sqlite')))
    throw new ExportUsageError(`No till data in ${dataDir} (tillpoint.sqlite is missing).`);
  return {
    dataDir,
    from: period.data.from,
    to: period.data.to,
    format,
    out: path.resolve(values.out!),
    ...(values.till ? { tillId: values.till } : {}),
  };
}

function storeSetting(db: Db, field: string, fallback: string): string {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(`store.${field}`) as
    { value: string } | undefined;
  try {
    const value: unknown = row ? JSON.parse(row.value) : fallback;
    return typeof value === 'string' ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Runs an export; returns the paths written. */
export async function runExport(command: ExportCommand): Promise<string[]> {
  const db = openDatabase(command.dataDir);
  try {
    applyMigrations(db, migrations, () => new Date());
    const timeZone = storeSetting(db, 'timeZone', 'UTC');
    const currency = storeSetting(db, 'currency', 'USD');
    const rollups = createRollups(db, { timeZone: () => timeZone });
    if (rollups.isStale()) rollups.rebuild();
    const rc = { db, time: rollups.time(), currency };
    const period = {
      from: command.from,
      to: command.to,
      ...(command.tillId ? { tillId: command.tillId } : {}),
    };
    if (command.format === 'hledger') {
      // Streamed: a journal of years does not have to fit in memory.
      fs.mkdirSync(path.dirname(command.out), { recursive: true });
      const fd = fs.openSync(command.out, 'w', 0o600);
      try {
        for (const chunk of hledgerJournal(db, rc.time, period)) fs.writeSync(fd, chunk);
      } finally {
        fs.closeSync(fd);
      }
      return [command.out];
    }
    const files = await exportFiles(rc, period, command.format);
    if (command.format === 'csv') {
      fs.mkdirSync(command.out, { recursive: true });
      return files.map((file) => {
        const target = path.join(command.out, file.fileName);
        fs.writeFileSync(target, file.bytes, { mode: 0o600 });
        return target;
      });
    }
    fs.mkdirSync(path.dirname(command.out), { recursive: true });
    fs.writeFileSync(command.out, files[0]!.bytes, { mode: 0o600 });
    return [command.out];
  } finally {
    db.close();
  }
}
