/** The `reports.*` handlers. */
import type Stripe from 'stripe';
import { TillpointError } from '../../shared/api/errors';
import { type PartialHandlerImpls } from '../kernel';
import { cardTables } from './cardReport';
import { exportFiles } from './exports/files';
import { zipStored } from './exports/zip';
import { buildReport, dayOrders, type ReportContext } from './report';

export interface ReportsHandlerDeps {
  context(): ReportContext;
  stripe(): Stripe | null;
}

export function createReportsHandlers(deps: ReportsHandlerDeps): PartialHandlerImpls {
  return {
    'reports.get': (input) => buildReport(deps.context(), input.period, input.compare),
    'reports.dayOrders': (input) => dayOrders(deps.context(), input.day, input.tillId),
    'reports.card': async (input) => {
      const rc = deps.context();
      return { currency: rc.currency, tables: await cardTables(rc.db, rc.time, input.period, deps.stripe()) };
    },
    'reports.export': async (input) => {
      try {
        const files = await exportFiles(deps.context(), input.period, input.format);
        if (input.format === 'csv' && input.csvAs === 'zip') {
          const zip = zipStored(
            files.map((f) => ({ name: f.fileName, bytes: f.bytes })),
            new Date(),
          );
          const name = `tillpoint-${input.period.from}-to-${input.period.to}-csv.zip`;
          return { files: [{ fileName: name, mimeType: 'application/zip', base64: zip.toString('base64') }] };
        }
        return {
          files: files.map((f) => ({
            fileName: f.fileName,
            mimeType: f.mimeType,
            base64: f.bytes.toString('base64'),
          })),
        };
      } catch (error) {
        if (error instanceof RangeError) {
          throw new TillpointError(
            'bad_input',
            'This period is too large to download; export it with `tillpoint export` or pick a shorter period.',
            {
              reason: 'too_large',
            },
          );
        }
        throw error;
      }
    },
  };
}
