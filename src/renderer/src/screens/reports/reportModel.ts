/**
 * The Reports screen's rules, pure: the period presets (in store days), sorting a report table, the
 * change against the previous period, and amounts of a table's cells for the charts.
 */
import { type ReportCell, type ReportColumn } from '../../../../shared/api/reports';

export const presets = [
  'today',
  'yesterday',
  'last7',
  'thisMonth',
  'lastMonth',
  'thisYear',
  'custom',
] as const;
export type Preset = (typeof presets)[number];

export const presetLabels: Record<Preset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  last7: 'Last 7 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  thisYear: 'This year',
  custom: 'Custom',
};

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The store day of `now` in `timeZone` ("2026-12-07"). */
export function storeToday(now: Date, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** The days of a preset, counted from the store's today. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): { from: string; to: string } {
  const month = today.slice(0, 7);
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'thisMonth':
      return { from: `${month}-01`, to: today };
    case 'lastMonth': {
      const lastDay = addDays(`${month}-01`, -1);
      return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
    }
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

export type SortDirection = 'asc' | 'desc';

function compareCells(column: ReportColumn, a: ReportCell | undefined, b: ReportCell | undefined): number {
  const empty = (v: ReportCell | undefined) => v === null || v === undefined || v === '';
  if (empty(a) && empty(b)) return 0;
  if (empty(a)) return 1;
  if (empty(b)) return -1;
  if (column.kind === 'money') {
    const x = BigInt(String(a));
    const y = BigInt(String(b));
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (column.kind === 'count' || typeof a === 'number') return Number(a) - Number(b);
  return String(a).localeCompare(String(b));
}

/** Rows sorted by one column (empty cells last either way); stable. */
export function sortRows<R extends Record<string, ReportCell>>(
  rows: readonly R[],
  column: ReportColumn,
  direction: SortDirection,
): R[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((p, q) => {
      const c = compareCells(column, p.row[column.key], q.row[column.key]);
      const emptyFirst = p.row[column.key] === null || q.row[column.key] === null;
      return (emptyFirst ? c : sign * c) || p.index - q.index;
    })
    .map((p) => p.row);
}

/** The change from the previous period, in whole percent; null when there was nothing before. */
export function changePercent(
  current: string | number,
  previous: string | number | null | undefined,
): number | null {
  if (previous === null || previous === undefined) return null;
  const before = Number(previous);
  if (before === 0) return null;
  return Math.round(((Number(current) - before) / Math.abs(before)) * 100);
}

/** A money cell as a number of whole units for a chart's axis (never for arithmetic on money). */
export function chartNumber(cell: ReportCell | undefined, scale: number): number {
  if (cell === null || cell === undefined || cell === '') return 0;
  return Number(cell) / 10 ** scale;
}
