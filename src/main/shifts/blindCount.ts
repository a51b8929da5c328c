/**
 * The blind count, decided by the core: with the store's `blindCount` setting on, staff without
 * `reports.read` (cashiers) are not told what the drawer should hold while the shift is open or being
 * counted, so their count is theirs and not the figure they were shown. The drawer's figures and the
 * sales summary (its cash sales give the expected cash away) are held back from the X report, and the
 * expected cash from a cash movement's answer and from a checked count (which still says over or
 * short by how much, after counting). The Z report, once the shift is closed, has everything.
 * Managers and owners always see the figures. Pure: the handlers pass the setting and the role.
 */
import { roleAllows, type Role } from '../../shared/api';
import { type XReport } from '../../shared/api/shifts';

export function isBlindFor(blindCountSetting: boolean, role: Role): boolean {
  return blindCountSetting && !roleAllows(role, 'reports.read');
}

/** The X report as this caller may see it. */
export function xReportSeenBy(report: XReport, blind: boolean): XReport {
  return blind ? { ...report, blind: true, cash: null, sales: null } : { ...report, blind: false };
}

/** The expected cash as this caller may see it: null when blind. */
export function expectedCashSeenBy(expectedCashMinor: string, blind: boolean): string | null {
  return blind ? null : expectedCashMinor;
}
