/**
 * Staff › Team: every member (staff.listAll), active or not, with role, status (active, inactive,
 * locked out after wrong PINs) and the ways to add one, change one, or reset a PIN. Follows
 * staff.updated events.
 */
import { useCallback, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { formatMoment, initialsOf, roleLabels } from '../../app/format';
import { useAppState } from '../../app/instance';
import {
  Avatar,
  Badge,
  Button,
  Card,
  LoadError,
  LoadingPanel,
  PlusIcon,
  Table,
  type TableColumn,
  type Tone,
  useDisplayLocale,
} from '../../ui';
import { AddStaffDialog } from './AddStaffDialog';
import { EditStaffDialog } from './EditStaffDialog';
import { ResetPinDialog } from './ResetPinDialog';
import { type StaffRecord } from './staffForm';

const roleTones: Record<StaffRecord['role'], Tone> = { owner: 'demo', manager: 'info', cashier: 'neutral' };
const roleOrder: Record<StaffRecord['role'], number> = { owner: 0, manager: 1, cashier: 2 };

export function TeamPanel() {
  const locale = useDisplayLocale();
  const selfId = useAppState((state) => state.staffSession?.staff.staffId ?? null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffRecord | null>(null);
  const [resetting, setResetting] = useState<StaffRecord | null>(null);

  const loadTeam = useCallback(async () => {
    const { staff } = await client.invoke('staff.listAll', {});
    return [...staff].sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        roleOrder[a.role] - roleOrder[b.role] ||
        a.name.localeCompare(b.name),
    );
  }, []);
  const list = useCoreData(loadTeam, { refreshOn: ['staff.updated'] });
  const load = list.reload;

  const now = new Date();
  const columns: TableColumn<StaffRecord>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (member) => (
        <span className="member-cell">
          <Avatar initials={member.initials || initialsOf(member.name)} seed={member.staffId} size="sm" />
          <span className="member-cell__name">{member.name}</span>
          {member.staffId === selfId && <Badge tone="success">You</Badge>}
        </span>
      ),
    },
    {
      key: 'role',
      header: 'Role',
      cell: (member) => <Badge tone={roleTones[member.role]}>{roleLabels[member.role]}</Badge>,
      width: '120px',
    },
    {
      key: 'status',
      header: 'Status',
      cell: (member) =>
        !member.active ? (
          <Badge tone="neutral">Inactive</Badge>
        ) : member.lockedUntil && new Date(member.lockedUntil) > now ? (
          <Badge tone="danger">Locked until {formatMoment(member.lockedUntil, locale, now)}</Badge>
        ) : (
          <Badge tone="success">Active</Badge>
        ),
      width: '200px',
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      align: 'end',
      cell: (member) => (
        <span className="member-actions">
          <Button aria-label={`Edit ${member.name}`} onClick={() => setEditing(member)}>
            Edit
          </Button>
          <Button aria-label={`Reset PIN for ${member.name}`} onClick={() => setResetting(member)}>
            Reset PIN
          </Button>
        </span>
      ),
      width: '240px',
    },
  ];

  return (
    <Card
      title="Team"
      description="Everyone who can log in to this till, and what their role lets them do."
      flush
      actions={
        <Button variant="primary" icon={<PlusIcon size={20} />} onClick={() => setAdding(true)}>
          Add staff member
        </Button>
      }
    >
      {list.kind === 'loading' && <LoadingPanel label="Loading the team" />}
      {list.kind === 'error' && <LoadError message={list.message} onRetry={() => void load()} />}
      {list.kind === 'ready' && (
        <Table
          caption="Staff members"
          columns={columns}
          rows={list.data}
          rowKey={(member) => member.staffId}
        />
      )}
      <AddStaffDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          load();
        }}
      />
      <EditStaffDialog
        member={editing}
        isSelf={editing?.staffId === selfId}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          load();
        }}
      />
      <ResetPinDialog member={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
