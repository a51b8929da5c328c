/**
 * The Shift section: opening a shift with its counted float, the drawer's live X figures and its
 * actions (pay in, pay out, safe drop, no sale), closing with a count per denomination, the Z
 * report with Print, and the past shifts. Pure parts: the count sums for display (cashCount), the
 * report's sections (zReportModel) and its printable page (zReportHtml).
 */
export { ShiftScreen } from './ShiftScreen';
export { ZReportView } from './ZReportView';
export { zReportHtml } from './zReportHtml';
