/**
 * The Z report as a small printable HTML page, pure: the screen puts it in a sandboxed iframe
 * (srcdoc, no scripts) and prints that frame. Every text from the core is escaped; amounts are
 * formatted from the core's minor units with the shared formatMoney, nothing is computed.
 */
import { type ZReport } from '../../../../shared/api/shifts';
import { formatDateTime } from '../../app/format';
import { escapeHtml } from '../../../../shared/html';
import { formatMoney } from '../../../../shared/money';
import { differenceLabels, differenceState, type ZRow, zReportSections } from './zReportModel';

export interface ZReportHtmlOptions {
  locale: string;
  /** The zone times are shown in; the device's when not given. */
  timeZone?: string;
}

export { escapeHtml };

const styles = `
  @page { margin: 12mm; }
  * { box-sizing: border-box; }
  body { margin: 0; padding: 16px; font: 12pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; color: #000; background: #fff; }
  main { max-width: 560px; margin: 0 auto; }
  h1 { font-size: 16pt; margin: 0 0 2px; }
  h2 { font-size: 11pt; margin: 18px 0 4px; text-transform: uppercase; letter-spacing: 0.06em; border-bottom: 1px solid #000; padding-bottom: 2px; }
  .sub { margin: 0 0 10px; font-size: 12pt; font-weight: 600; }
  table { width: 100%; border-collapse: collapse; table-layout: fixed; font-variant-numeric: tabular-nums; }
  col.count-col { width: 4em; }
  col.num-col { width: 9em; }
  .meta, .headline { table-layout: auto; }
  td { padding: 3px 0; vertical-align: top; }
  td.num { text-align: right; white-space: nowrap; padding-left: 12px; }
  td.count { text-align: right; white-space: nowrap; color: #333; }
  tr.strong td { font-weight: 700; border-top: 1px solid #000; }
  .meta td:first-child { color: #333; width: 38%; }
  .headline td { font-size: 13pt; }
  .headline tr.difference td { font-weight: 700; }
  .empty { color: #333; font-style: italic; margin: 4px 0; }
  .note { white-space: pre-wrap; margin: 4px 0; }
  footer { margin-top: 20px; font-size: 9pt; color: #333; text-align: center; }
`;

function rowHtml(row: ZRow, money: (minor: string) => string): string {
  // A row with only a count (orders paid, voids) shows it where the amounts are.
  const countOnly = row.count !== undefined && row.amountMinor === undefined;
  const count = `<td class="count">${row.count !== undefined && !countOnly ? row.count : ''}</td>`;
  const value =
    row.amountMinor !== undefined
      ? `${row.sign ? `${row.sign} ` : ''}${escapeHtml(money(row.amountMinor))}`
      : countOnly
        ? String(row.count)
        : row.text !== undefined
          ? escapeHtml(row.text)
          : '';
  return `<tr${row.strong ? ' class="strong"' : ''}><td>${escapeHtml(row.label)}</td>${count}<td class="num">${value}</td></tr>`;
}

/** Every table has the same columns, so counts and amounts line up down the page. */
const columns = '<colgroup><col><col class="count-col"><col class="num-col"></colgroup>';

export function zReportHtml(report: ZReport, options: ZReportHtmlOptions): string {
  const money = (minor: string) => formatMoney(BigInt(minor), report.currency, options.locale);
  const when = (iso: string) => escapeHtml(formatDateTime(iso, options.locale, options.timeZone));
  const state = differenceState(report.cash.differenceMinor);
  const sections = zReportSections(report, { denominationLabel: money })
    .map((section) => {
      const body =
        section.rows.length === 0
          ? `<p class="empty">${escapeHtml(section.empty ?? 'Nothing to show.')}</p>`
          : `<table>${columns}${section.rows.map((row) => rowHtml(row, money)).join('')}</table>`;
      return `<h2>${escapeHtml(section.title)}</h2>${body}`;
    })
    .join('');
  const note = report.note ? `<h2>Note</h2><p class="note">${escapeHtml(report.note)}</p>` : '';
  return `<!doctype html>
<html lang="${escapeHtml(options.locale)}">
<head>
<meta charset="utf-8">
<title>Z report — shift ${report.shiftNumber}</title>
<style>${styles}</style>
</head>
<body>
<main>
<h1>${escapeHtml(report.storeName)}</h1>
<p class="sub">Z report — shift ${report.shiftNumber}</p>
<table class="meta">
<tr><td>Till</td><td>${escapeHtml(report.tillName)}</td></tr>
<tr><td>Opened</td><td>${when(report.openedAt)} by ${escapeHtml(report.openedBy.name)}</td></tr>
<tr><td>Closing started</td><td>${when(report.closingStartedAt)}</td></tr>
<tr><td>Closed</td><td>${when(report.closedAt)} by ${escapeHtml(report.closedBy.name)}</td></tr>
</table>
<h2>Drawer count</h2>
<table class="headline">
<tr><td>Expected</td><td class="num">${escapeHtml(money(report.cash.expectedMinor))}</td></tr>
<tr><td>Counted</td><td class="num">${escapeHtml(money(report.cash.countedTotalMinor))}</td></tr>
<tr class="difference"><td>Difference (${differenceLabels[state]})</td><td class="num">${escapeHtml(money(report.cash.differenceMinor))}</td></tr>
</table>
${sections}
${note}
<footer>Generated ${when(report.generatedAt)} · Tillpoint</footer>
</main>
</body>
</html>`;
}
