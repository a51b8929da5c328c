/**
 * Shift: open a shift with its counted float; while it is open, the drawer's live figures and its
 * actions; closing it (count per denomination) ends in the Z report, with Print. Managers and
 * owners also see the past shifts and their frozen Z reports. Follows shift.updated and
 * order.updated events, so the figures stay live while sales are rung up elsewhere.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { useCan } from '../../app/useCan';
import { type ApiOutput } from '../../../../shared/api';
import { type ShiftView, type XReport, type ZReport } from '../../../../shared/api/shifts';
import { Button, errorMessage, IconButton, LoadError, LoadingPanel, PageHeader, RefreshIcon } from '../../ui';
import { CloseShiftPanel } from './CloseShiftPanel';
import { OpenShiftPanel } from './OpenShiftPanel';
import { ShiftDashboard } from './ShiftDashboard';
import { ShiftHistory } from './ShiftHistory';
import { ZReportView } from './ZReportView';
import './shift.css';

type Denominations = ApiOutput<'shifts.denominations'>;

type ScreenState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; shift: ShiftView | null; xReport: XReport | null; denominations: Denominations };

/** How long to wait after an order changes before reading the figures again (several come at once). */
const refreshDelayMs = 400;

export function ShiftScreen() {
  const canReadReports = useCan('reports.read');
  const [state, setState] = useState<ScreenState>({ kind: 'loading' });
  const [closedReport, setClosedReport] = useState<ZReport | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const denominationsRef = useRef<Denominations | null>(null);

  const load = useCallback(async () => {
    setRefreshing(true);
    try {
      const [current, denominations] = await Promise.all([
        client.invoke('shifts.current', {}),
        denominationsRef.current ?? client.invoke('shifts.denominations', {}),
      ]);
      denominationsRef.current = denominations;
      setState({ kind: 'ready', shift: current.shift, xReport: current.xReport, denominations });
    } catch (error) {
      setState((previous) =>
        previous.kind === 'ready' ? previous : { kind: 'error', message: errorMessage(error) },
      );
    } finally {
      setRefreshing(false);
    }
  }, []);

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void load(), refreshDelayMs);
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
  }, [load]);

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
