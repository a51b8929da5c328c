/**
 * The `reports.*` handlers: sales figures for a period of store days (in the store's time zone), read
 * from rollups the core keeps in the same transaction as each sale, so a period of years answers at
 * once. Every table has the same shape (columns with a kind, rows, totals), which the screen, the CSV,
 * XLSX and PDF exports all read. Money cells are decimal strings of minor units of the report's
 * currency; `units` cells are minor units of the asset named in the row's `asset` cell.
 */
import { z } from 'zod';
import { text } from './bounds';
import { defineHandler } from './define';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDay(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A store day, "2026-12-07". */
export const reportDaySchema = z
  .string()
  .max(10)
  .regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: 'must be a day as YYYY-MM-DD (e.g. 2026-12-07), from 1900 to 2199',
  })
  .refine(isCalendarDay, { message: 'must be a day of the calendar (e.g. not 2026-02-30)' });

/** The longest period a report covers: 10 years of days. */
export const maxReportDays = 3660;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const reportPeriodSchema = z
  .object({
    from: reportDaySchema.describe('first store day, inclusive'),
    to: reportDaySchema.describe('last store day, inclusive'),
    tillId: text({ max: 64, min: 1 }).optional().describe('only this till; absent: every till'),
  })
  .strict()
  .refine((p) => !isCalendarDay(p.from) || !isCalendarDay(p.to) || p.from <= p.to, {
    message: 'the period ends before it starts (from must be on or before to)',
    path: ['to'],
  })
  .refine(
    (p) => !isCalendarDay(p.from) || !isCalendarDay(p.to) || daysBetween(p.from, p.to) < maxReportDays,
    { message: `a report covers at most ${maxReportDays} days`, path: ['to'] },
  );

export const reportColumnKinds = ['text', 'day', 'count', 'money', 'units', 'percent'] as const;
export type ReportColumnKind = (typeof reportColumnKinds)[number];

export const reportColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(reportColumnKinds),
});

export const reportCellSchema = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportTableSchema = z.object({
  id: z.string().describe('a file name: by_day, by_tender, ...'),
  title: z.string(),
  columns: z.array(reportColumnSchema),
  rows: z.array(z.record(z.string(), reportCellSchema)),
  totals: z.record(z.string(), reportCellSchema).nullable(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const salesSummarySchema = z.object({
  orders: z.number().int(),
  refunds: z.number().int(),
  grossMinor: z.string().describe('net + discounts, before refunds, without tax'),
  discountsMinor: z.string(),
  refundsMinor: z.string().describe('sales taken back by refunds, without tax'),
  netMinor: z.string().describe('gross − discounts − refunds, without tax or tip'),
  taxMinor: z.string().describe('tax on sales minus tax given back'),
  tipsMinor: z.string(),
  collectedMinor: z.string().describe('what the tenders took minus what went back'),
  averageOrderMinor: z.string().describe('net ÷ orders, rounded half up'),
});
export type SalesSummary = z.infer<typeof salesSummarySchema>;

export const heatCellSchema = z.object({
  weekday: z.number().int().min(0).max(6).describe('0 Monday … 6 Sunday'),
  hour: z.number().int().min(0).max(23),
  orders: z.number().int(),
  netMinor: z.string(),
});

export const reportOutputSchema = z.object({
  from: z.string(),
  to: z.string(),
  tillId: z.string().nullable(),
  currency: z.string(),
  timeZone: z.string(),
  previous: z.object({ from: z.string(), to: z.string() }).nullable(),
  summary: salesSummarySchema,
  previousSummary: salesSummarySchema.nullable(),
  heatmap: z.array(heatCellSchema),
  tables: z.array(reportTableSchema),
  tills: z.array(z.string()),
});
export type ReportOutput = z.infer<typeof reportOutputSchema>;

export const exportFormats = ['csv', 'xlsx', 'pdf', 'hledger'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});

export const reportsHandlers = [
  defineHandler({
    name: 'reports.get',
    summary:
      'Sales figures of a period of store days: the summary (and the previous period of the same length ' +
      'when compare is on), by day, hour, weekday, tender, product, category, staff, vendor, tax rate, ' +
      'coins, crypto, shift Z reports, and the hour × weekday heat map.',
    permission: 'reports.read',
    input: z.object({ period: reportPeriodSchema, compare: z.boolean().default(false) }).strict(),
    output: reportOutputSchema,
  }),
  defineHandler({
    name: 'reports.dayOrders',
    summary:
      'The paid orders of one store day (a drill-down from the report by day), newest last, at most 500.',
    permission: 'reports.read',
    input: z.object({ day: reportDaySchema, tillId: text({ max: 64, min: 1 }).optional() }).strict(),
    output: z.object({
      day: z.string(),
      currency: z.string(),
      orders: z.array(
        z.object({
          orderId: z.string(),
          number: z.number().int(),
          paidAt: z.string(),
          status: z.string(),
          staff: z.string(),
          tenders: z.string(),
          netMinor: z.string(),
          taxMinor: z.string(),
          totalMinor: z.string(),
        }),
      ),
      truncated: z.boolean(),
    }),
  }),
  defineHandler({
    name: 'reports.card',
    summary:
      'Card fees and Stripe payouts of a period, from Stripe balance transactions, each charge matched to ' +
      'the order it paid. Unavailable when Stripe is not set up or cannot be reached.',
    permission: 'reports.read',
    input: z.object({ period: reportPeriodSchema }).strict(),
    output: z.object({ currency: z.string(), tables: z.array(reportTableSchema) }),
  }),
  defineHandler({
    name: 'reports.export',
    summary:
      'The period as files to download: csv (one file per report), xlsx (one sheet per report), pdf (the ' +
      'summary with its charts), or hledger (a journal of every posted ledger transfer of the period).',
    permission: 'reports.read',
    input: z
      .object({
        period: reportPeriodSchema,
        format: z.enum(exportFormats),
        csvAs: z
          .enum(['files', 'zip'])
          .default('files')
          .describe('csv only: one file per report, or the same files in one ZIP (one download)'),
      })
      .strict(),
    output: z.object({ files: z.array(exportFileSchema) }),
  }),
] as const;
