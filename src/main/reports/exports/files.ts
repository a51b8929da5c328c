/** The files of an export, as the handler and the CLI hand them out. */
import { type ExportFormat, type ReportTable } from '../../../shared/api/reports';
import { buildReport, type ReportContext } from '../report';
import { type ReportPeriod } from '../salesReport';
import { reportCsvFiles } from './csv';
import { hledgerText } from './hledger';
import { reportPdf } from './pdf';
import { reportXlsx } from './xlsx';

export interface ExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly bytes: Buffer;
}

export async function exportFiles(
  rc: ReportContext,
  period: ReportPeriod,
  format: ExportFormat,
  extra: readonly ReportTable[] = [],
): Promise<ExportFile[]> {
  const stem = `tillpoint-${period.from}-to-${period.to}`;
  if (format === 'hledger') {
    return [
      {
        fileName: `${stem}.journal`,
        mimeType: 'text/plain;charset=utf-8',
        bytes: Buffer.from(hledgerText(rc.db, rc.time, period), 'utf8'),
      },
    ];
  }
  const report = buildReport(rc, period, true);
  if (format === 'csv') {
    return reportCsvFiles(report, extra).map((f) => ({
      fileName: f.fileName,
      mimeType: 'text/csv;charset=utf-8',
      bytes: Buffer.from(f.text, 'utf8'),
    }));
  }
  if (format === 'xlsx') {
    return [
      {
        fileName: `${stem}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await reportXlsx(report, extra),
      },
    ];
  }
  return [{ fileName: `${stem}.pdf`, mimeType: 'application/pdf', bytes: await reportPdf(report) }];
}
