/**
 * Staff › Activity: the audit log (audit.list) — who did what and when — filtered by days, staff
 * member and kind of action, newest first. The log is read newest first a page at a time, up to a
 * limit that is said when it is reached (the oldest entries of a very busy period are left out).
 */
import { useCallback, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { useStoreSettings, useTillId } from '../../api/sharedData';
import { formatDateTime, formatMoment } from '../../app/format';
import { useTillName } from '../../app/useTillName';
import { type AuditEntry, auditListMaxLimit } from '../../../../shared/api/audit';
import { formatMoney } from '../../../../shared/money';
import { addDays } from '../../../../shared/time';
import {
  Card,
  LoadError,
  LoadingPanel,
  Select,
  Table,
  type TableColumn,
  TextField,
  useDisplayClock,
} from '../../ui';
import { actionLabel, actionLabels, dateInputValue, dayRange, detailPhrases } from './auditView';

const noNames: ReadonlyMap<string, string> = new Map();

/** The most entries one period shows; narrower days show the rest. */
const maxEntries = 5_000;

const presets = [
  { label: 'Today', days: 1 },
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
] as const;

/** The last `days` days up to today, today being the store's (its time zone), not the device's. */
function daysBack(days: number, timeZone: string | undefined): { from: string; to: string } {
  const today = dateInputValue(new Date(), timeZone);
  return { from: addDays(today, -(days - 1)), to: today };
}

const actionOptions = [
  { value: '', label: 'All actions' },
  ...Object.entries(actionLabels)
    .filter(([action]) => action !== 'sales.refund')
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label)),
];

export function ActivityPanel() {
  const { locale, timeZone } = useDisplayClock();
  const [fromDate, setFromDate] = useState(() => daysBack(1, timeZone).from);
  const [toDate, setToDate] = useState(() => daysBack(1, timeZone).to);
  const [staffId, setStaffId] = useState('');
  const [action, setAction] = useState('');
  const { settings } = useStoreSettings();
  const currency = settings.kind === 'loaded' ? settings.value.currency : 'USD';
  const till = { id: useTillId(), name: useTillName() };
  const range = dayRange(fromDate, toDate, timeZone);
  const rangeFrom = range.ok ? range.from : null;
  const rangeTo = range.ok ? range.to : null;

  // Names for the staff ids in the log (unknown ones read "a former member" until these come).
  const loadNames = useCallback(async () => {
    const { staff } = await client.invoke('staff.listAll', {});
    return new Map(staff.map((member) => [member.staffId, member.name]));
  }, []);
  const loadedNames = useCoreData(loadNames, { refreshOn: ['staff.updated'] });
  const names = loadedNames.kind === 'ready' ? loadedNames.data : noNames;

  const loadLog = useCallback(async (): Promise<{ entries: AuditEntry[]; capped: boolean } | null> => {
    if (!rangeFrom || !rangeTo) return null;
    const entries: AuditEntry[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await client.invoke('audit.list', {
        from: rangeFrom,
        to: rangeTo,
        ...(staffId ? { staffId } : {}),
        ...(action ? { action } : {}),
        limit: auditListMaxLimit,
        order: 'newest_first',
        ...(after ? { after } : {}),
      });
      entries.push(...page.entries);
      if (!page.nextAfter || entries.length >= maxEntries) {
        return { entries: entries.slice(0, maxEntries), capped: page.nextAfter !== null };
      }
      after = page.nextAfter;
    }
  }, [rangeFrom, rangeTo, staffId, action]);
  // Loaded again whenever the filters change; a range that cannot be read shows nothing new.
  const log = useCoreData(loadLog);
  const load = log.reload;

  const format = {
    money: (minor: string) => formatMoney(BigInt(minor), currency, locale),
    staffName: (id: string) => names.get(id),
    tillName: (id: string) => (till.id === id && till.name !== null ? till.name : undefined),
  };

  const now = new Date();
  const columns: TableColumn<AuditEntry>[] = [
    {
      key: 'at',
      header: 'When',
      cell: (entry) => (
        <span title={formatDateTime(entry.at, locale)}>{formatMoment(entry.at, locale, now)}</span>
      ),
      width: '150px',
    },
    {
      key: 'who',
      header: 'Who',
      cell: (entry) =>
        entry.staffId ? (
          (names.get(entry.staffId) ?? <span className="muted">Unknown member</span>)
        ) : (
          <span className="muted">System</span>
        ),
      width: '170px',
    },
    {
      key: 'what',
      header: 'What',
      cell: (entry) => (
        <span className="history-cell">
          <span>{actionLabel(entry.action)}</span>
          <span className="muted mono audit-code">{entry.action}</span>
        </span>
      ),
      width: '230px',
    },
    {
      key: 'details',
      header: 'Details',
      cell: (entry) => {
        const phrases = [
          // Done to the till itself (a no-sale or pay-out with no shift open): the till by its name.
          ...(entry.ref !== null && entry.ref === till.id && till.name !== null
            ? [`till: ${till.name}`]
            : []),
          ...detailPhrases(entry.details, format),
        ];
        return phrases.length > 0 ? (
          <span className="audit-details">{phrases.join(' · ')}</span>
        ) : (
          <span className="muted">—</span>
        );
      },
    },
  ];

  const staffOptions = [
    { value: '', label: 'Everyone' },
    ...[...names.entries()]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([value, label]) => ({ value, label })),
  ];

  return (
    <Card
      title="Activity"
      description="Who did what on this till, and when. Nothing here can be changed."
      flush
    >
      <div className="toolbar activity-toolbar">
        <TextField
          className="toolbar__item toolbar__date"
          label="From"
          type="date"
          value={fromDate}
          max={toDate || undefined}
          error={!range.ok && range.message !== 'Choose the last day.' ? range.message : undefined}
          onChange={(event) => setFromDate(event.target.value)}
        />
        <TextField
          className="toolbar__item toolbar__date"
          label="To"
          type="date"
          value={toDate}
          min={fromDate || undefined}
          error={!range.ok && range.message === 'Choose the last day.' ? range.message : undefined}
          onChange={(event) => setToDate(event.target.value)}
        />
        <Select
          className="toolbar__item"
          label="Staff member"
          value={staffId}
          onValueChange={setStaffId}
          options={staffOptions}
        />
        <Select
          className="toolbar__item"
          label="Action"
          value={action}
          onValueChange={setAction}
          options={actionOptions}
        />
        <div className="quick-reasons activity-presets" role="group" aria-label="Quick date ranges">
          {presets.map((preset) => {
            const days = daysBack(preset.days, timeZone);
            const pressed = days.from === fromDate && days.to === toDate;
            return (
              <button
                key={preset.label}
                type="button"
                className="chip"
                aria-pressed={pressed}
                onClick={() => {
                  setFromDate(days.from);
                  setToDate(days.to);
                }}
              >
                {preset.label}
              </button>
            );
          })}
        </div>
      </div>
      {log.kind === 'loading' && <LoadingPanel label="Loading the activity" />}
      {log.kind === 'error' && <LoadError message={log.message} onRetry={() => load()} />}
      {log.kind === 'ready' && log.data && (
        <>
          <p className="list-count" role="status">
            {log.data.entries.length === 1
              ? '1 entry'
              : `${log.data.entries.length.toLocaleString(locale)} entries`}
            {log.data.capped
              ? ` — the first ${maxEntries.toLocaleString(locale)} of this period; choose fewer days to see the rest.`
              : ''}
          </p>
          <Table
            caption="Activity log"
            columns={columns}
            rows={log.data.entries}
            rowKey={(entry) => entry.id}
            empty="Nothing was recorded in these days with these filters."
          />
        </>
      )}
    </Card>
  );
}
