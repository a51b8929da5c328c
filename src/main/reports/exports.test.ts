/**
 * The exports of a demo day with every tender (cash, card on the simulated reader, pay by phone,
 * coins, foreign cash, a refund, a closed shift): the hledger journal passes hledger's strict checks
 * and its balances equal the report's figures; the XLSX read back with exceljs, the PDF's text
 * (pdftotext) and the CSV files carry the same figures; `tillpoint export` writes the same files.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minorToDecimalString } from '../../shared/money';
import { type ReportOutput } from '../../shared/api/reports';
import { parseExportCommand, runExport } from '../host/exportCommand';
import { openDemoDay, ringDemoDay, type DemoDay } from './demoDayTestKit';

function hasTool(name: string, flag = '--version'): boolean {
  try {
    execFileSync(name, [flag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
/** A missing tool skips its test here, and fails it in CI (.ci/run installs them). */
const without = (tool: string, flag?: string) => !hasTool(tool, flag) && !process.env.CI;

let d: DemoDay;
let report: ReportOutput;
let work: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-exports-'));
  d = await openDemoDay();
  await ringDemoDay(d);
  report = await d.core.call('reports.get', { period: { from: d.day, to: d.day }, compare: true }, d.owner);
}, 120_000);
afterAll(async () => {
  await d?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const usd = (minor: string) => minorToDecimalString(BigInt(minor), 'USD');
const table = (id: string) => report.tables.find((t) => t.id === id)!;

async function download(format: 'csv' | 'xlsx' | 'pdf' | 'hledger') {
  const { files } = await d.core.call(
    'reports.export',
    { period: { from: d.day, to: d.day }, format },
    d.owner,
  );
  return files.map((f) => ({ ...f, bytes: Buffer.from(f.base64, 'base64') }));
}

/** `hledger bal` of a query as one signed decimal per commodity. */
function hledgerBalance(file: string, ...query: string[]): Map<string, string> {
  const out = execFileSync('hledger', ['-f', file, 'balance', '-N', '--flat', '-O', 'csv', ...query], {
    encoding: 'utf8',
  });
  const totals = new Map<string, bigint>();
  for (const line of out.trim().split('\n').slice(1)) {
    const cells = line.split('","').map((c) => c.replace(/^"|"$/g, ''));
    for (const amount of (cells[1] ?? '').split(', ')) {
      const match = /^(-?[\d.]+) ("?[^"]+"?)$/.exec(amount.trim());
      if (!match) continue;
      const [whole, fraction = ''] = match[1]!.split('.');
      const digits =
        BigInt(`${whole}${fraction.padEnd(2, '0')}`.replace('-', '')) *
        (match[1]!.startsWith('-') ? -1n : 1n);
      totals.set(match[2]!, (totals.get(match[2]!) ?? 0n) + digits);
    }
  }
  return new Map([...totals].map(([c, v]) => [c, minorToDecimalString(v, 'USD')]));
}

describe('a demo day with every tender', () => {
  it('shows each tender in the report, the summary equal to the tables', () => {
    const tenders = table('by_tender').rows.map((r) => r.tender);
    for (const tender of ['Cash', 'Card', 'Pay by phone', 'Store coins', 'Foreign cash'])
      expect(tenders).toContain(tender);
    expect(table('by_tender').rows.find((r) => r.tender === 'Card')?.detail).toBe('visa');
    expect(table('by_tender').totals?.net).toBe(report.summary.collectedMinor);
    expect(table('by_day').totals?.net).toBe(report.summary.netMinor);
    expect(report.summary.refunds).toBe(1);
    expect(table('z_reports').rows).toHaveLength(1);
    expect(table('z_reports').rows[0]!.difference).toBe('-100');
    const coins = table('coins').rows;
    expect(coins.find((r) => String(r.figure).startsWith('Coins bought'))?.coins).toBe(500);
    expect(Number(coins.find((r) => String(r.figure).startsWith('Coins spent'))?.coins)).toBeGreaterThan(0);
    expect(report.previousSummary?.orders).toBe(0);
  });

  it('matches card fees from Stripe balance transactions to the orders they paid', async () => {
    const card = await d.core.call('reports.card', { period: { from: d.day, to: d.day } }, d.owner);
    const fees = card.tables.find((t) => t.id === 'card_fees')!;
    const charges = fees.rows.filter((r) => r.type === 'charge');
    expect(charges).toHaveLength(2);
    const paidByCard = d.core.db
      .prepare(
        "SELECT o.number, p.amount FROM payments p JOIN orders o ON o.id = p.order_id WHERE p.kind IN ('card', 'phone') AND p.status = 'succeeded' ORDER BY o.number",
      )
      .all() as { number: number; amount: string }[];
    for (const paid of paidByCard) {
      const row = charges.find((r) => r.order === `#${paid.number}`);
      expect(row?.amount).toBe(paid.amount);
      // Stripe's in-person fee: 2.7 % + 5 cents.
      expect(row?.fee).toBe(String(Math.floor((Number(paid.amount) * 27 + 500) / 1000) + 5));
    }
    expect(fees.totals?.net).toBe(String(charges.reduce((sum, r) => sum + Number(r.net), 0)));
    expect(card.tables.find((t) => t.id === 'stripe_payouts')!.rows).toEqual([]);
  });

  it.skipIf(without('hledger'))(
    'exports an hledger journal that passes the strict checks, whose balances equal the report',
    async () => {
      const [journal] = await download('hledger');
      const file = path.join(work, journal!.fileName);
      fs.writeFileSync(file, journal!.bytes);
      execFileSync('hledger', ['-f', file, 'check', '--strict', 'accounts', 'commodities', 'ordereddates'], {
        encoding: 'utf8',
      });
      const s = report.summary;
      const sold = BigInt(s.netMinor) + BigInt(s.refundsMinor);
      expect(hledgerBalance(file, 'acct:^sales_revenue$', 'tag:code=^sale$').get('USD')).toBe(
        usd((-sold).toString()),
      );
      expect(hledgerBalance(file, 'acct:^sales_returns$').get('USD')).toBe(usd(s.refundsMinor));
      expect(hledgerBalance(file, 'acct:^tax_payable', 'tag:code=^tax').get('USD')).toBe(
        usd((-BigInt(s.taxMinor)).toString()),
      );
      // Every commodity balances to zero over the journal.
      for (const [, total] of hledgerBalance(file)) expect(total).toBe('0.00');
    },
  );

  it('exports XLSX whose sheets read back with the same figures', async () => {
    const [xlsx] = await download('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx!.bytes as never);
    const summary = book.worksheets[0]!;
    const figure = (label: string) => {
      let value: unknown;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) value = row.getCell(2).value;
      });
      return value;
    };
    expect(figure('Net sales')).toBe(Number(usd(report.summary.netMinor)));
    expect(figure('Tax')).toBe(Number(usd(report.summary.taxMinor)));
    expect(summary.getColumn(2).numFmt).toBe('#,##0.00 "USD"');
    const tenders = book.worksheets.find((w) => w.name === 'Sales by tender')!;
    const last = tenders.getRow(tenders.rowCount);
    expect(last.getCell(1).value).toBe('Total');
    expect(last.getCell(6).value).toBe(Number(usd(report.summary.collectedMinor)));
    expect(book.worksheets.map((w) => w.name)).toContain('Sales by product');
  });

  it.skipIf(without('pdftotext', '-v'))('exports a PDF whose text carries the summary', async () => {
    const [pdf] = await download('pdf');
    const file = path.join(work, 'report.pdf');
    fs.writeFileSync(file, pdf!.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Sales ${d.day} to ${d.day}`);
    expect(text).toMatch(new RegExp(`Net sales\\s+${usd(report.summary.netMinor).replace('.', '\\.')}`));
    expect(text).toMatch(new RegExp(`Tax\\s+${usd(report.summary.taxMinor).replace('.', '\\.')}`));
    expect(text).toContain('Tender mix');
    expect(text).toContain('Top products');
  });

  it('exports one RFC 4180 CSV file per report, with decimals and a currency column', async () => {
    const files = await download('csv');
    expect(files.map((f) => f.fileName)).toContain(`tillpoint-${d.day}-to-${d.day}-by_tender.csv`);
    const summary = files.find((f) => f.fileName.endsWith('-summary.csv'))!.bytes.toString('utf8');
    expect(summary.split('\r\n')[0]).toBe('Figure,Amount,Count,Previous amount,Previous count,Currency');
    expect(summary).toContain(`Net sales,${usd(report.summary.netMinor)},,0.00,,USD\r\n`);
  });

  it.skipIf(without('unzip', '-v'))('bundles the CSV files in one ZIP for a single download', async () => {
    const { files } = await d.core.call(
      'reports.export',
      { period: { from: d.day, to: d.day }, format: 'csv', csvAs: 'zip' },
      d.owner,
    );
    expect(files).toHaveLength(1);
    const file = path.join(work, files[0]!.fileName);
    fs.writeFileSync(file, Buffer.from(files[0]!.base64, 'base64'));
    execFileSync('unzip', ['-tq', file]);
    const summary = execFileSync('unzip', ['-p', file, `tillpoint-${d.day}-to-${d.day}-summary.csv`], {
      encoding: 'utf8',
    });
    expect(summary).toContain(`Net sales,${usd(report.summary.netMinor)},`);
    expect(execFileSync('zipinfo', ['-1', file], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(
      (await download('csv')).length,
    );
  });

  it('writes the same files from the command line (tillpoint export)', async () => {
    expect(() =>
      parseExportCommand([
        '--data-dir',
        d.dir,
        '--from',
        d.day,
        '--to',
        '2000-01-01',
        '--format',
        'csv',
        '--out',
        work,
      ]),
    ).toThrow(/ends before it starts/);
    expect(() =>
      parseExportCommand([
        '--data-dir',
        d.dir,
        '--from',
        d.day,
        '--to',
        d.day,
        '--format',
        'ods',
        '--out',
        work,
      ]),
    ).toThrow(/--format must be one of/);
    const journal = path.join(work, 'cli.journal');
    await runExport(
      parseExportCommand([
        '--data-dir',
        d.dir,
        '--from',
        d.day,
        '--to',
        d.day,
        '--format',
        'hledger',
        '--out',
        journal,
      ]),
    );
    const [viaHandler] = await download('hledger');
    expect(fs.readFileSync(journal, 'utf8')).toBe(viaHandler!.bytes.toString('utf8'));
    const csvDir = path.join(work, 'csv');
    const written = await runExport(
      parseExportCommand([
        '--data-dir',
        d.dir,
        '--from',
        d.day,
        '--to',
        d.day,
        '--format',
        'csv',
        '--out',
        csvDir,
      ]),
    );
    expect(written.length).toBe((await download('csv')).length);
    const xlsx = path.join(work, 'cli.xlsx');
    await runExport(
      parseExportCommand([
        '--data-dir',
        d.dir,
        '--from',
        d.day,
        '--to',
        d.day,
        '--format',
        'xlsx',
        '--out',
        xlsx,
      ]),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    expect(book.worksheets.length).toBe(report.tables.length + 1);
  });
});
