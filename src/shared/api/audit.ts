/**
 * The `audit.*` handlers: reading the append-only audit log (who did what, when). Entries are
 * written by the domains themselves, in the same transaction as the change they describe.
 */
import { z } from 'zod';
import { isoDateTimeText, text } from './bounds';
import { defineHandler } from './define';

export const auditListMaxLimit = 500;
export const auditListDefaultLimit = 100;

export const auditEntrySchema = z.object({
  id: z.string().describe('ULID; entries sort by it in the order they were written'),
  at: z.iso.datetime(),
  staffId: z.string().nullable().describe('who did it, or whose PIN was tried; null for the system'),
  action: z.string().describe('domain.what, e.g. staff.login, staff.pin_failed, sales.refund'),
  ref: z.string().nullable().describe('what it was done to (an order id, a staff id)'),
  details: z.record(z.string(), z.unknown()),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditList = defineHandler({
  name: 'audit.list',
  summary:
    'Audit log entries, oldest first (or newest first), filtered by time (from inclusive, to exclusive), staff member and action; page on with `after`.',
  permission: 'reports.read',
  input: z
    .object({
      from: isoDateTimeText().optional(),
      to: isoDateTimeText().optional(),
      staffId: text({ max: 64, min: 1, trim: false }).optional(),
      action: text({ max: 100, min: 1, trim: false }).optional(),
      limit: z.number().int().min(1).max(auditListMaxLimit).default(auditListDefaultLimit),
      after: text({ max: 64, min: 1, trim: false })
        .optional()
        .describe('the id of the last entry of the previous page'),
      order: z.enum(['oldest_first', 'newest_first']).default('oldest_first'),
    })
    .strict(),
  output: z.object({
    entries: z.array(auditEntrySchema),
    nextAfter: z.string().nullable().describe('pass as `after` for the next page; null on the last page'),
  }),
});

export const auditHandlers = [auditList] as const;
