/**
 * A closed shift's Z report on screen: the headline (expected, counted, and the difference coloured
 * over or short), who opened and closed it and when, then every section of figures. Print renders
 * the same report as a plain page in a sandboxed iframe (srcdoc, no scripts) and prints that frame.
 */
import { type ReactNode, useMemo, useRef } from 'react';
import { type ZReport } from '../../../../shared/api/shifts';
import { formatMoney } from '../../../../shared/money';
import { Button, cx, Money, PrintIcon, toast, useDisplayLocale } from '../../ui';
import { FigureTable } from './FigureTable';
import { formatDateTime } from '../../app/format';
import { zReportHtml } from './zReportHtml';
import { differenceLabels, differenceState, zReportSections } from './zReportModel';
import './zreport.css';

export interface ZReportViewProps {
  report: ZReport;
  /** Buttons beside Print (e.g. Done). */
  actions?: ReactNode;
  /** False when a dialog's title already names the report. */
  showTitle?: boolean;
}

export function ZReportView({ report, actions, showTitle = true }: ZReportViewProps) {
  const locale = useDisplayLocale();
  const frameRef = useRef<HTMLIFrameElement>(null);
  const state = differenceState(report.cash.differenceMinor);
  const money = (minor: string) => ({ amount: minor, asset: report.currency });
  const printable = useMemo(() => zReportHtml(report, { locale }), [report, locale]);
  const sections = zReportSections(report, {
    testIds: true,
    denominationLabel: (minor) => formatMoney(BigInt(minor), report.currency, locale),
  });

  const print = () => {
    const frameWindow = frameRef.current?.contentWindow;
    if (!frameWindow) {
      toast.error('The printable report is not ready yet. Try again in a moment.');
      return;
    }
    frameWindow.focus();
    frameWindow.print();
  };

  return (
    <section
      className="z-report"
      data-testid="z-report"
      aria-labelledby={showTitle ? `z-title-${report.shiftId}` : undefined}
      aria-label={showTitle ? undefined : `Z report, shift ${report.shiftNumber}`}
    >
      <header className="z-report__header">
        <div>
          {showTitle && (
            <h2 id={`z-title-${report.shiftId}`} className="z-report__title">
              Z report · Shift {report.shiftNumber}
            </h2>
          )}
          <p className="z-report__meta">
            {report.storeName} · {report.tillName} · opened {formatDateTime(report.openedAt, locale)} by{' '}
            {report.openedBy.name} · closed {formatDateTime(report.closedAt, locale)} by{' '}
            {report.closedBy.name}
          </p>
        </div>
        <div className="z-report__actions">
          <Button icon={<PrintIcon size={20} />} onClick={print}>
            Print
          </Button>
          {actions}
        </div>
      </header>

      <dl className="z-headline">
        <div className="z-headline__tile">
          <dt>Expected</dt>
          <dd>
            <Money value={money(report.cash.expectedMinor)} size="lg" data-testid="z-expected" />
          </dd>
        </div>
        <div className="z-headline__tile">
          <dt>Counted</dt>
          <dd>
            <Money value={money(report.cash.countedTotalMinor)} size="lg" data-testid="z-counted" />
          </dd>
        </div>
        <div className={cx('z-headline__tile', `z-headline__tile--${state}`)}>
          <dt>Difference</dt>
          <dd>
            <Money value={money(report.cash.differenceMinor)} size="lg" data-testid="z-difference" />
            <span className="z-headline__state" data-testid="z-difference-state">
              {differenceLabels[state]}
            </span>
          </dd>
        </div>
      </dl>

      <div className="z-report__sections">
        {sections.map((section) => (
          <FigureTable key={section.id} section={section} currency={report.currency} />
        ))}
      </div>

      {report.note && (
        <section className="figures" aria-label="Note">
          <h3 className="figures__title">Note</h3>
          <p className="z-report__note">{report.note}</p>
        </section>
      )}

      <iframe
        ref={frameRef}
        className="print-frame"
        title={`Z report for shift ${report.shiftNumber}, for printing`}
        sandbox="allow-modals allow-same-origin"
        srcDoc={printable}
        tabIndex={-1}
        aria-hidden="true"
        data-testid="z-print-frame"
      />
    </section>
  );
}
