/**
 * Past shifts on this till (shifts.list, newest first, for managers and owners): when they were
 * opened and closed, by whom, what was counted and the difference. A closed shift opens its Z
 * report, exactly as it was frozen at close (shifts.zReport).
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ShiftView } from '../../../../shared/api/shifts';
import {
  Badge,
  Button,
  Card,
  cx,
  Dialog,
  errorMessage,
  IconButton,
  LoadingPanel,
  Money,
  RefreshIcon,
  Table,
  type TableColumn,
  useDisplayLocale,
} from '../../ui';
import { formatMoment } from '../../app/format';
import { ZReportView } from './ZReportView';
import { differenceLabels, differenceState } from './zReportModel';

const pageSize = 20;

function ZReportDialog({ shift, onClose }: { shift: ShiftView | null; onClose: () => void }) {
  const loadReport = useCallback(
    async () => (shift ? (await client.invoke('shifts.zReport', { shiftId: shift.id })).zReport : null),
    [shift],
  );
  const state = useCoreData(loadReport);
  return (
    <Dialog
      open={shift !== null}
      onClose={onClose}
      title={`Z report · Shift ${shift?.number ?? ''}`}
      size="lg"
    >
      {state.kind === 'loading' && <LoadingPanel label="Loading the Z report" />}
      {state.kind === 'error' && (
        <p className="panel-error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'ready' && state.data && <ZReportView report={state.data} showTitle={false} />}
    </Dialog>
  );
}

export function ShiftHistory({ refreshKey }: { refreshKey: number }) {
  const locale = useDisplayLocale();
  const [shifts, setShifts] = useState<ShiftView[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<'loading' | 'loaded' | 'error'>('loading');
  const [error, setError] = useState('');
  const [loadingMore, setLoadingMore] = useState(false);
  const [opened, setOpened] = useState<ShiftView | null>(null);

  const load = useCallback(async () => {
    setStatus((current) => (current === 'loaded' ? current : 'loading'));
    try {
      const result = await client.invoke('shifts.list', { limit: pageSize, offset: 0 });
      setShifts(result.shifts);
      setTotal(result.total);
      setStatus('loaded');
    } catch (failure) {
      setError(errorMessage(failure));
      setStatus('error');
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const result = await client.invoke('shifts.list', { limit: pageSize, offset: shifts.length });
      setShifts((current) => [
        ...current,
        ...result.shifts.filter((s) => !current.some((c) => c.id === s.id)),
      ]);
      setTotal(result.total);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  const now = new Date();
  const columns: TableColumn<ShiftView>[] = [
    { key: 'number', header: 'Shift', cell: (shift) => <strong>#{shift.number}</strong>, width: '80px' },
    {
      key: 'opened',
      header: 'Opened',
      cell: (shift) => (
        <span className="history-cell">
          {formatMoment(shift.openedAt, locale, now)}
          <span className="muted">{shift.openedBy.name}</span>
        </span>
      ),
    },
    {
      key: 'closed',
      header: 'Closed',
      cell: (shift) =>
        shift.closedAt ? (
          <span className="history-cell">
            {formatMoment(shift.closedAt, locale, now)}
            <span className="muted">{shift.closedBy?.name}</span>
          </span>
        ) : (
          <Badge tone={shift.status === 'open' ? 'success' : 'warning'}>
            {shift.status === 'open' ? 'Open' : 'Closing'}
          </Badge>
        ),
    },
    {
      key: 'expected',
      header: 'Expected',
      align: 'end',
      cell: (shift) =>
        shift.expectedCashMinor !== null ? (
          <Money value={{ amount: shift.expectedCashMinor, asset: shift.currency }} />
        ) : (
          '—'
        ),
    },
    {
      key: 'counted',
      header: 'Counted',
      align: 'end',
      cell: (shift) =>
        shift.countedTotalMinor !== null ? (
          <Money value={{ amount: shift.countedTotalMinor, asset: shift.currency }} />
        ) : (
          '—'
        ),
    },
    {
      key: 'difference',
      header: 'Difference',
      align: 'end',
      cell: (shift) => {
        if (shift.differenceMinor === null) return '—';
        const state = differenceState(shift.differenceMinor);
        return (
          <span className={cx('difference', `difference--${state}`)}>
            <Money value={{ amount: shift.differenceMinor, asset: shift.currency }} />
            <span className="difference__label">{differenceLabels[state]}</span>
          </span>
        );
      },
    },
  ];

  return (
    <Card
      title="Past shifts"
      description="Tap a closed shift to see its Z report."
      flush
      actions={<IconButton label="Refresh past shifts" icon={<RefreshIcon />} onClick={() => void load()} />}
    >
      {status === 'loading' && <LoadingPanel label="Loading past shifts" />}
      {status === 'error' && (
        <p className="panel-error panel-error--padded" role="alert">
          {error}
        </p>
      )}
      {status === 'loaded' && (
        <>
          <Table
            caption="Past shifts"
            columns={columns}
            rows={shifts}
            rowKey={(shift) => shift.id}
            empty="No shifts yet. The first shift appears here once it is opened."
            onRowClick={(shift) => {
              if (shift.status === 'closed') setOpened(shift);
            }}
          />
          {shifts.length < total && (
            <div className="load-more">
              <Button loading={loadingMore} onClick={() => void loadMore()}>
                Show more shifts
              </Button>
            </div>
          )}
        </>
      )}
      <ZReportDialog shift={opened} onClose={() => setOpened(null)} />
    </Card>
  );
}
