/**
 * The activity log's words, pure: what each audit action is called for people, a short summary of
 * an entry's details (amounts formatted from minor units, staff ids as names, settings changes as
 * "field: before → after"), and the date filter as the from/to instants audit.list takes.
 */

import { addDays, dayKey, dayStartIn } from '../../../../shared/time';

export const actionLabels: Record<string, string> = {
  'drawer.no_sale': 'No sale (drawer opened)',
  'orders.adopted': 'Emptied sale taken over',
  'orders.discount_over_limit': 'Discount over the limit',
  'orders.price_override': 'Custom price over the limit',
  'orders.paid': 'Order paid',
  'orders.refund': 'Refund',
  'orders.void': 'Order voided',
  'payments.cash': 'Cash payment',
  'payments.started': 'Payment started',
  'payments.succeeded': 'Payment succeeded',
  'payments.failed': 'Payment failed',
  'payments.canceled': 'Payment cancelled',
  'payments.expired': 'Payment timed out',
  'payments.report_refused': 'Tender report refused',
  'orders.refund_failed': 'Refund failed',
  'orders.void_failed': 'Void failed',
  'shifts.payments_carried': 'Payments carried to the next shift',
  'sales.refund': 'Refund',
  'settings.updated': 'Store settings changed',
  'shifts.opened': 'Shift opened',
  'shifts.close_started': 'Shift close started',
  'shifts.close_cancelled': 'Shift close cancelled',
  'shifts.count_checked': 'Drawer count checked',
  'shifts.closed': 'Shift closed',
  'shifts.pay_in': 'Pay-in',
  'shifts.pay_out': 'Pay-out',
  'shifts.drop': 'Safe drop',
  'staff.approval_granted': 'Approval given',
  'staff.approval_used': 'Approval used',
  'staff.created': 'Staff member added',
  'staff.updated': 'Staff member changed',
  'staff.locked': 'Locked out after wrong PINs',
  'staff.login': 'Logged in',
  'staff.logout': 'Logged out',
  'staff.till_locked': 'Locked the till',
  'staff.session_expired': 'Session ended (idle)',
  'staff.owner_setup': 'First owner set up',
  'staff.pin_changed': 'Changed own PIN',
  'staff.pin_failed': 'Wrong PIN',
  'staff.pin_set': 'PIN reset',
  'system.started': 'Till started',
};

/**
 * "shifts.pay_out" → "Pay-out"; an action this list does not know is still read as words, never
 * as a code: "coins.top_up_added" → "Coins: top up added".
 */
export function actionLabel(action: string): string {
  const known = actionLabels[action];
  if (known) return known;
  const [domain = '', ...rest] = action.split('.');
  const what = rest
    .join(' ')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  if (!what) return action;
  const area = domain.charAt(0).toUpperCase() + domain.slice(1);
  return `${area}: ${what}`;
}

/** "amountMinor" → "amount", "approvedBy" → "approved by", "shift_id" → "shift id", "tillId" → "till". */
export function detailKeyLabel(key: string): string {
  if (key === 'tillId') return 'till';
  return key
    .replace(/Minor$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

export interface DetailFormatters {
  /** Formats minor units in the store currency. */
  money: (amountMinor: string) => string;
  /** A staff member's name by id, when known. */
  staffName: (staffId: string) => string | undefined;
  /** The till's name for its id (settings.tillName), when the id is this till's. */
  tillName?: (id: string) => string | undefined;
}

const staffIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const maxValueLength = 80;

function valueText(key: string, value: unknown, format: DetailFormatters): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (/Minor$/.test(key) && /^-?\d+$/.test(value)) return format.money(value);
    if (staffIdPattern.test(value) && /(by|staff|staffId)$/i.test(key))
      return format.staffName(value) ?? 'a former member';
    // The till by its name, never its id.
    const till = format.tillName?.(value);
    if (till !== undefined) return till;
    // Any other id (an order, a shift, a payment): its last characters, as people quote them.
    if (staffIdPattern.test(value)) return `…${value.slice(-6)}`;
    return value.length > maxValueLength ? `${value.slice(0, maxValueLength - 1)}…` : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean')
    return value === true ? 'yes' : value === false ? 'no' : String(value);
  // Never JSON: a list reads as its items, an object as its fields.
  const text = Array.isArray(value)
    ? value.length === 0
      ? 'none'
      : value.map((item) => valueText(key, item, format)).join(', ')
    : Object.entries(value as Record<string, unknown>)
        .map(([field, item]) => `${detailKeyLabel(field)} ${valueText(field, item, format)}`)
        .join(', ') || 'none';
  return text.length > maxValueLength ? `${text.slice(0, maxValueLength - 1)}…` : text;
}

/** The details of an entry as short phrases, in the order the core wrote them. */
export function detailPhrases(details: Record<string, unknown>, format: DetailFormatters): string[] {
  const phrases: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'changes' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, change] of Object.entries(value as Record<string, unknown>)) {
        const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown };
        phrases.push(
          `${detailKeyLabel(field)}: ${valueText(field, from, format)} → ${valueText(field, to, format)}`,
        );
      }
      continue;
    }
    if (value === null || value === undefined) continue;
    phrases.push(`${detailKeyLabel(key)}: ${valueText(key, value, format)}`);
  }
  return phrases;
}

/** "2026-11-22" → that day's local midnight, or null when the text is not a date. */
export function localDayStart(dateText: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateText);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Number(year), Number(month) - 1, Number(day));
  return date.getMonth() === Number(month) - 1 && date.getDate() === Number(day) ? date : null;
}

/** "2026-11-22" for a moment, in the store's zone when given, else the device's (a date input's value). */
export function dateInputValue(moment: Date, timeZone?: string): string {
  if (timeZone) return dayKey(moment, { timeZone });
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/**
 * The from (inclusive) and to (exclusive) instants for the days from `fromDate` to `toDate`, both
 * included, in the store's time zone when given (else the device's); an error when a day is missing
 * or they are the wrong way round.
 */
export function dayRange(
  fromDate: string,
  toDate: string,
  timeZone?: string,
): { ok: true; from: string; to: string } | { ok: false; message: string } {
  const dayStart = (text: string) => (timeZone ? dayStartIn(text, { timeZone }) : localDayStart(text));
  const from = dayStart(fromDate);
  const toStart = dayStart(toDate);
  if (!from) return { ok: false, message: 'Choose the first day.' };
  if (!toStart) return { ok: false, message: 'Choose the last day.' };
  if (toStart < from) return { ok: false, message: 'The last day is before the first.' };
  const to = timeZone
    ? (dayStartIn(addDays(toDate, 1), { timeZone }) ?? toStart)
    : new Date(toStart.getFullYear(), toStart.getMonth(), toStart.getDate() + 1);
  return { ok: true, from: from.toISOString(), to: to.toISOString() };
}
