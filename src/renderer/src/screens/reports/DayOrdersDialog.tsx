/** The drill-down of one day of the report: its paid orders; an order opens in Orders. */
import { useCallback } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { navigate } from '../../app/router';
import { formatDateTime } from '../../app/format';
import { Dialog, LoadingPanel, Money, Table, useDisplayLocale } from '../../ui';

export function DayOrdersDialog({
  day,
  tillId,
  onClose,
}: {
  day: string;
  tillId: string | null;
  onClose: () => void;
}) {
  const locale = useDisplayLocale();
  const load = useCallback(
    () => client.invoke('reports.dayOrders', { day, ...(tillId ? { tillId } : {}) }),
    [day, tillId],
  );
  const data = useCoreData(load);
  const ready = data.kind === 'ready' ? data.data : null;
  type Row = NonNullable<typeof ready>['orders'][number];
  const currency = ready?.currency ?? 'USD';
  return (
    <Dialog open onClose={onClose} title={`Orders of ${day}`} size="lg">
      {data.kind === 'loading' && <LoadingPanel label="Loading the day’s orders" />}
      {data.kind === 'error' && (
        <p className="panel-error" role="alert">
          {data.message}
        </p>
      )}
      {ready && (
        <>
          <Table<Row>
            caption={`Orders of ${day}`}
            rows={ready.orders}
            rowKey={(row) => row.orderId}
            maxHeight="60vh"
            onRowClick={(row) => {
              onClose();
              navigate({ section: 'orders', rest: [row.orderId] });
            }}
            columns={[
              { key: 'number', header: 'Order', cell: (row) => `#${row.number}` },
              { key: 'paidAt', header: 'Paid', cell: (row) => formatDateTime(row.paidAt, locale) },
              { key: 'staff', header: 'Staff', cell: (row) => row.staff },
              { key: 'tenders', header: 'Tenders', cell: (row) => row.tenders },
              { key: 'status', header: 'Status', cell: (row) => row.status.replace('_', ' ') },
              {
                key: 'net',
                header: 'Net',
                align: 'end',
                cell: (row) => <Money value={{ amount: row.netMinor, asset: currency }} />,
              },
              {
                key: 'total',
                header: 'Total',
                align: 'end',
                cell: (row) => <Money value={{ amount: row.totalMinor, asset: currency }} />,
              },
            ]}
            empty="No paid orders on this day."
          />
          {ready.truncated && <p className="reports-note">The first 500 orders of the day are shown.</p>}
        </>
      )}
    </Dialog>
  );
}
