/**
 * Reports: a period of store days (presets or any two days), one till or all, compared with the
 * period before; the summary, charts, and every report table (sortable, totals equal to the summary;
 * a day opens its orders); card fees and payouts from Stripe on request; exports to CSV, XLSX, PDF
 * and an hledger journal, downloaded as files. The core computes every figure; this screen shows them.
 */
import { useCallback, useMemo, useState } from 'react';
import { type ExportFormat, type ReportTable } from '../../../../shared/api/reports';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import {
  Button,
  Card,
  DownloadIcon,
  errorMessage,
  LoadingPanel,
  PageHeader,
  Select,
  Switch,
  Tabs,
  tabPanelProps,
  TextField,
  toast,
} from '../../ui';
import { displayTimeZone } from '../../ui/locale';
import { DayOrdersDialog } from './DayOrdersDialog';
import { downloadFiles } from './downloads';
import { ReportCharts } from './ReportCharts';
import { ReportTableView } from './ReportTableView';
import { presetLabels, presetPeriod, presets, storeToday, type Preset } from './reportModel';
import { SummaryFigures } from './SummaryFigures';
import './reports.css';

const exportLabels: Record<ExportFormat, string> = {
  csv: 'CSV',
  xlsx: 'Excel',
  pdf: 'PDF',
  hledger: 'hledger',
};

function CardFees({ period }: { period: { from: string; to: string; tillId?: string } }) {
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'loading' }
    | { kind: 'error'; message: string }
    | { kind: 'ready'; tables: ReportTable[]; currency: string }
  >({ kind: 'idle' });
  const load = () => {
    setState({ kind: 'loading' });
    client.invoke('reports.card', { period }).then(
      (data) => setState({ kind: 'ready', tables: data.tables, currency: data.currency }),
      (error: unknown) => setState({ kind: 'error', message: errorMessage(error) }),
    );
  };
  return (
    <div className="reports-card-fees">
      <p className="reports-note">
        Card fees and payouts come from Stripe’s balance transactions, each charge matched to its order.
      </p>
      <Button variant="secondary" onClick={load} disabled={state.kind === 'loading'}>
        {state.kind === 'ready' ? 'Load again from Stripe' : 'Load from Stripe'}
      </Button>
      {state.kind === 'loading' && <LoadingPanel label="Asking Stripe" />}
      {state.kind === 'error' && (
        <p className="panel-error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' &&
        state.tables.map((table) => (
          <section key={table.id} aria-label={table.title}>
            <h3 className="reports-subtitle">{table.title}</h3>
            <ReportTableView table={table} currency={state.currency} />
          </section>
        ))}
    </div>
  );
}

export function ReportsScreen() {
  const today = storeToday(new Date(), displayTimeZone());
  const [preset, setPreset] = useState<Preset>('today');
  const [custom, setCustom] = useState({ from: today, to: today });
  const [tillId, setTillId] = useState('');
  const [compare, setCompare] = useState(true);
  const [tab, setTab] = useState('by_day');
  const [day, setDay] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const range = preset === 'custom' ? custom : presetPeriod(preset, today);
  const period = useMemo(
    () => ({ from: range.from, to: range.to, ...(tillId ? { tillId } : {}) }),
    [range.from, range.to, tillId],
  );
  const badRange = range.from > range.to;
  const load = useCallback(() => client.invoke('reports.get', { period, compare }), [period, compare]);
  const data = useCoreData(load, { refreshOn: ['order.updated', 'shift.updated'] });
  const report = data.kind === 'ready' ? data.data : null;

  const exportAs = async (format: ExportFormat) => {
    setExporting(format);
    try {
      const { files } = await client.invoke('reports.export', { period, format, csvAs: 'zip' });
      downloadFiles(files);
      toast.success(`${exportLabels[format]} export ready`, {
        message:
          files.length === 1
            ? `${files[0]!.fileName} is in your downloads.`
            : `${files.length} files are in your downloads.`,
      });
    } catch (error) {
      toast.error(error, { title: 'The export failed' });
    } finally {
      setExporting(null);
    }
  };

  const tabs = [
    ...(report?.tables ?? []).map((t) => ({ value: t.id, label: t.title.replace(/^Sales by /, 'By ') })),
    { value: 'card_fees', label: 'Card fees' },
  ];
  const shown = report?.tables.find((t) => t.id === tab);

  return (
    <div className="screen reports-screen">
      <PageHeader
        title="Reports"
        description={
          report
            ? `Store days in ${report.timeZone}, amounts in ${report.currency}.`
            : 'Sales figures for any period.'
        }
      />
      <Card className="reports-controls">
        <div className="reports-controls__row">
          <Select
            label="Period"
            value={preset}
            onValueChange={(v) => setPreset(v)}
            options={presets.map((p) => ({ value: p, label: presetLabels[p] }))}
          />
          {preset === 'custom' && (
            <>
              <TextField
                label="From"
                type="date"
                value={custom.from}
                max={custom.to}
                onChange={(e) => e.target.value && setCustom((c) => ({ ...c, from: e.target.value }))}
              />
              <TextField
                label="To"
                type="date"
                value={custom.to}
                min={custom.from}
                onChange={(e) => e.target.value && setCustom((c) => ({ ...c, to: e.target.value }))}
                error={badRange ? 'The period ends before it starts.' : undefined}
              />
            </>
          )}
          <Select
            label="Till"
            value={tillId}
            onValueChange={setTillId}
            options={[
              { value: '', label: 'All tills' },
              ...(report?.tills ?? []).map((t) => ({ value: t, label: t })),
            ]}
          />
          <Switch label="Compare with the period before" checked={compare} onCheckedChange={setCompare} />
        </div>
        <div className="reports-exports" role="group" aria-label="Export">
          <span className="reports-exports__label">Export</span>
          {(Object.keys(exportLabels) as ExportFormat[]).map((format) => (
            <Button
              key={format}
              variant="secondary"
              onClick={() => void exportAs(format)}
              disabled={exporting !== null || badRange}
              icon={<DownloadIcon />}
            >
              {exporting === format ? 'Exporting…' : exportLabels[format]}
            </Button>
          ))}
        </div>
        <p className="reports-period" aria-live="polite">
          {range.from === range.to ? range.from : `${range.from} to ${range.to}`}
          {report?.previous && compare
            ? ` · compared with ${report.previous.from} to ${report.previous.to}`
            : ''}
        </p>
      </Card>
      {data.kind === 'loading' && <LoadingPanel label="Loading the report" />}
      {data.kind === 'error' && (
        <p className="panel-error" role="alert">
          {data.message}
        </p>
      )}
      {report && (
        <>
          <SummaryFigures report={report} />
          <ReportCharts report={report} />
          <Card flush className="reports-tables">
            <Tabs
              label="Reports"
              idPrefix="reports"
              tabs={tabs}
              value={tab}
              onValueChange={setTab}
              className="reports-tabs"
            />
            <div {...tabPanelProps('reports', tab)} className="reports-panel">
              {tab === 'card_fees' ? (
                <CardFees period={period} />
              ) : shown ? (
                <ReportTableView key={shown.id} table={shown} currency={report.currency} onDay={setDay} />
              ) : null}
            </div>
          </Card>
        </>
      )}
      {day && <DayOrdersDialog day={day} tillId={tillId || null} onClose={() => setDay(null)} />}
    </div>
  );
}
