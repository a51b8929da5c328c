/**
 * Shift: open a shift with its counted float; while it is open, the drawer's live figures and its
 * actions; closing it (count per denomination) ends in the Z report, with Print. Managers and
 * owners also see the past shifts and their frozen Z reports. Follows shift.updated and
 * order.updated events, so the figures stay live while sales are rung up elsewhere.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { useCan } from '../../app/useCan';
import { type ApiOutput } from '../../../../shared/api';
import { type ShiftView, type XReport, type ZReport } from '../../../../shared/api/shifts';
import { Button, IconButton, LoadError, LoadingPanel, PageHeader, RefreshIcon } from '../../ui';
import { CloseShiftPanel } from './CloseShiftPanel';
import { OpenShiftPanel } from './OpenShiftPanel';
import { ShiftDashboard } from './ShiftDashboard';
import { ShiftHistory } from './ShiftHistory';
import { ZReportView } from './ZReportView';
import './shift.css';

type Denominations = ApiOutput<'shifts.denominations'>;

type Loaded = { shift: ShiftView | null; xReport: XReport | null; denominations: Denominations };
type ScreenState = { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'ready' } & Loaded);

/** How long to wait after an order changes before reading the figures again (several come at once). */
const refreshDelayMs = 400;

export function ShiftScreen() {
  const canReadReports = useCan('reports.read');
  const [closedReport, setClosedReport] = useState<ZReport | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const denominationsRef = useRef<Denominations | null>(null);

  // Through useCoreData: the shift with its live figures, and the denominations (read once).
  const loadShift = useCallback(async (): Promise<Loaded> => {
    const [current, denominations] = await Promise.all([
      client.invoke('shifts.current', {}),
      denominationsRef.current ?? client.invoke('shifts.denominations', {}),
    ]);
    denominationsRef.current = denominations;
    return { shift: current.shift, xReport: current.xReport, denominations };
  }, []);
  const loaded = useCoreData(loadShift);
  const reload = loaded.reload;
  const load = useCallback(() => reload(), [reload]);
  const refreshing = loaded.kind !== 'loading' && loaded.refreshing;
  // What a step answered (the close started, the shift closed), shown until the next read.
  const [answered, setAnswered] = useState<Loaded | null>(null);
  const loadedData = loaded.kind === 'ready' ? loaded.data : null;
  useEffect(() => setAnswered(null), [loadedData]);
  const state: ScreenState = answered
    ? { kind: 'ready', ...answered }
    : loaded.kind === 'ready'
      ? { kind: 'ready', ...loaded.data }
      : loaded.kind === 'error'
        ? { kind: 'error', message: loaded.message }
        : { kind: 'loading' };
  const setState = (next: { kind: 'ready' } & Loaded) => setAnswered(next);

  // Several events come at once (a sale's lines, its payment): read once they settle.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => reload(), refreshDelayMs);
    };
    const stopShift = client.on('shift.updated', () => {
      soon();
      setHistoryKey((key) => key + 1);
    });
    const stopOrder = client.on('order.updated', soon);
    return () => {
      if (timer) clearTimeout(timer);
      stopShift();
      stopOrder();
    };
  }, [reload]);

  // A new step (opened, closing, closed) starts at the top of the page, not where the last one was left.
  const phase =
    state.kind !== 'ready' ? state.kind : closedReport ? 'closed' : (state.shift?.status ?? 'none');
  useEffect(() => {
    document.getElementById('main')?.scrollTo({ top: 0 });
  }, [phase]);

  const description =
    state.kind !== 'ready'
      ? 'The cash drawer, from the opening float to the Z report.'
      : closedReport
        ? `Shift ${closedReport.shiftNumber} is closed.`
        : state.shift === null
          ? 'No shift is open on this till.'
          : state.shift.status === 'open'
            ? `Shift ${state.shift.number} is open.`
            : `Shift ${state.shift.number} is closing.`;

  return (
    <div className="screen shift-screen">
      <PageHeader
        title="Shift"
        description={description}
        actions={
          <IconButton
            label="Refresh shift"
            icon={<RefreshIcon />}
            loading={refreshing}
            onClick={() => void load()}
          />
        }
      />
      {state.kind === 'loading' && <LoadingPanel label="Loading the shift" size={32} />}
      {state.kind === 'error' && (
        <div className="screen__panel">
          <LoadError message={state.message} onRetry={() => void load()} />
        </div>
      )}
      {state.kind === 'ready' &&
        (closedReport ? (
          <div className="z-report-card">
            <ZReportView
              report={closedReport}
              actions={
                <Button
                  variant="primary"
                  onClick={() => {
                    setClosedReport(null);
                    void load();
                  }}
                >
                  Done
                </Button>
              }
            />
          </div>
        ) : state.shift === null ? (
          <OpenShiftPanel
            denominations={state.denominations.denominations}
            currency={state.denominations.currency}
            onOpened={() => void load()}
          />
        ) : state.shift.status === 'open' ? (
          <ShiftDashboard
            shift={state.shift}
            xReport={state.xReport}
            onChanged={() => void load()}
            onClosingStarted={(shift, xReport) => setState({ ...state, shift, xReport })}
          />
        ) : (
          <CloseShiftPanel
            shift={state.shift}
            xReport={state.xReport}
            denominations={state.denominations.denominations}
            onClosed={(report) => {
              setClosedReport(report);
              setState({ ...state, shift: null, xReport: null });
              setHistoryKey((key) => key + 1);
            }}
            onCancelled={() => void load()}
          />
        ))}
      {canReadReports && state.kind === 'ready' && <ShiftHistory refreshKey={historyKey} />}
    </div>
  );
}
