/**
 * The manager approval dialog: who can approve (managers and owners from staff.list, a locked one
 * says until when), then the PIN pad for the one tapped; staff.approve turns the PIN into a
 * single-use token that answers the waiting request. Mounted once (<ApprovalDialogHost/>, in the
 * app root); any screen opens it with `requestApproval`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { ApiCallError } from '../../../../shared/api/errors';
import { formatMoney } from '../../../../shared/money';
import {
  Avatar,
  Badge,
  Button,
  ChevronLeftIcon,
  Dialog,
  errorMessage,
  LockIcon,
  PinPad,
  Spinner,
  useDisplayLocale,
} from '../../ui';
import { roleLabels } from '../format';
import { useAppState } from '../instance';
import { isStillLocked, lockedMessage } from '../loginErrors';
import { type StaffCard } from '../session';
import { type PendingApproval } from './approvalQueue';
import { approvalActionLabels, approvalRefusalMessage, approversOf } from './approvalText';
import { approvalQueue } from './instance';
import './approval.css';

type ApproversState =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; approvers: StaffCard[] };

export function ApprovalDialogHost() {
  const current = useStore(approvalQueue.store, (state) => state.current);
  const signedIn = useAppState((state) => state.phase.kind === 'ready' && state.staffSession !== null);

  // A lock or an ended session answers every waiting request with "cancelled".
  useEffect(() => {
    if (!signedIn) approvalQueue.cancelAll();
  }, [signedIn]);

  if (!current || !signedIn) return null;
  // Keyed by request, so each one starts at the list with a fresh PIN pad.
  return <ApprovalDialog key={current.id} pending={current} />;
}

function ApprovalDialog({ pending }: { pending: PendingApproval }) {
  const { id, request } = pending;
  const locale = useDisplayLocale();
  const requesterId = useAppState((state) => state.staffSession?.staff.staffId ?? null);
  const askerName = useAppState((state) => state.staffSession?.staff.name ?? null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const firstApproverRef = useRef<HTMLButtonElement>(null);

  // The approvers (and the store's fixed PIN length: the pad submits by itself at it), through
  // useCoreData; a lockout learned from a refused PIN shows at once.
  const loadApprovers = useCallback(async () => {
    const { staff, pinLength } = await client.invoke('staff.list', {});
    return { approvers: approversOf(staff, requesterId), pinLength };
  }, [requesterId]);
  const loaded = useCoreData(loadApprovers);
  const load = loaded.reload;
  const [lockedNow, setLockedNow] = useState<ReadonlyMap<string, string>>(new Map());
  const list: ApproversState =
    loaded.kind === 'ready'
      ? {
          kind: 'loaded',
          approvers: loaded.data.approvers.map((member) => {
            const until = lockedNow.get(member.staffId);
            return until ? { ...member, lockedUntil: until } : member;
          }),
        }
      : loaded.kind === 'error'
        ? { kind: 'error', message: loaded.message }
        : { kind: 'loading' };
  const pinLength = loaded.kind === 'ready' ? loaded.data.pinLength : null;
  const loadedData = loaded.kind === 'ready' ? loaded.data : null;
  useEffect(() => {
    if (!loadedData) return;
    setLockedNow(new Map());
    // With one approver there is nothing to choose: straight to their PIN.
    const only = loadedData.approvers.length === 1 ? loadedData.approvers[0] : undefined;
    if (only && !isStillLocked(only.lockedUntil, new Date())) setSelectedId(only.staffId);
  }, [loadedData]);

  const approvers = list.kind === 'loaded' ? list.approvers : [];
  const selected = approvers.find((member) => member.staffId === selectedId);
  const choosing = list.kind === 'loaded' && !selected && approvers.length > 0;

  // Once the list is there (and when coming back to it), the first approver has the focus.
  useEffect(() => {
    if (choosing) firstApproverRef.current?.focus();
  }, [choosing]);
  const cancel = () => approvalQueue.cancel(id);

  const submit = async (pin: string) => {
    if (!selected) return;
    if (!request.ref) {
      // Every approval names what it is for; the core's refusal always says it.
      setError('This approval does not say which order or shift it is for. Cancel and try again.');
      return;
    }
    try {
      const result = await client.invoke('staff.approve', {
        staffId: selected.staffId,
        pin,
        action: request.action,
        ref: request.ref,
      });
      approvalQueue.grant(id, result.approval);
    } catch (caught) {
      if (caught instanceof ApiCallError) {
        setError(approvalRefusalMessage(caught, locale, new Date()));
        const until = (caught.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
        if (caught.code === 'locked' && typeof until === 'string') {
          setLockedNow((current) => new Map(current).set(selected.staffId, until));
        }
      } else {
        setError(errorMessage(caught, 'The PIN could not be checked.'));
      }
      throw caught;
    }
  };

  const selectedLocked = selected ? isStillLocked(selected.lockedUntil, new Date()) : false;
  const asker = askerName;

  return (
    <Dialog
      open
      onClose={cancel}
      title="Manager approval"
      description={request.reason}
      size="sm"
      className="approval-dialog"
      footer={
        <Button variant="secondary" onClick={cancel}>
          Cancel
        </Button>
      }
    >
      <p className="approval__action">
        <Badge tone="warning">{approvalActionLabels[request.action]}</Badge>
      </p>
      {request.amounts && (
        <p className="approval__amounts" data-testid="approval-amounts">
          Discount {formatMoney(BigInt(request.amounts.beforeMinor), request.amounts.currency, locale)} →{' '}
          <strong>{formatMoney(BigInt(request.amounts.afterMinor), request.amounts.currency, locale)}</strong>
        </p>
      )}
      {(request.facts?.length ?? 0) > 0 || asker ? (
        <dl className="approval__facts" data-testid="approval-facts">
          {request.facts?.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
          {asker && (
            <div>
              <dt>Asked by</dt>
              <dd>{asker}</dd>
            </div>
          )}
        </dl>
      ) : null}
      {list.kind === 'loading' && (
        <div className="approval__loading">
          <Spinner size={28} label="Loading managers" />
        </div>
      )}
      {list.kind === 'error' && (
        <div className="approval__problem" role="alert">
          <p>{list.message}</p>
          <Button variant="primary" onClick={() => load()}>
            Try again
          </Button>
        </div>
      )}
      {list.kind === 'loaded' && approvers.length === 0 && (
        <p className="approval__problem" role="alert">
          No manager or owner is active on this till, so nobody can approve this here.
        </p>
      )}
      {choosing && (
        <div className="approval__choose">
          <p className="approval__lead">Who approves? Tap your name, then type your PIN.</p>
          <ul className="approval__approvers">
            {approvers.map((member, index) => {
              const locked = isStillLocked(member.lockedUntil, new Date());
              return (
                <li key={member.staffId}>
                  <button
                    ref={index === 0 ? firstApproverRef : undefined}
                    type="button"
                    className="approval__approver"
                    onClick={() => {
                      setError(null);
                      setSelectedId(member.staffId);
                    }}
                    aria-describedby={locked ? `approval-locked-${member.staffId}` : undefined}
                  >
                    <Avatar initials={member.initials} seed={member.staffId} />
                    <span className="approval__who">
                      <span className="approval__name">{member.name}</span>
                      <span className="approval__role">{roleLabels[member.role]}</span>
                    </span>
                    {locked && member.lockedUntil && (
                      <span id={`approval-locked-${member.staffId}`} className="approval__locked">
                        <LockIcon size={16} />
                        {lockedMessage(member.lockedUntil, locale, new Date())}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {selected && (
        <div className="approval__pin">
          <div className="approval__pin-head">
            {approvers.length > 1 && (
              <Button
                variant="ghost"
                icon={<ChevronLeftIcon />}
                onClick={() => {
                  setError(null);
                  setSelectedId(null);
                }}
              >
                Back
              </Button>
            )}
            <span className="approval__pin-who">
              <Avatar initials={selected.initials} seed={selected.staffId} size="sm" />
              <span className="approval__name">{selected.name}</span>
            </span>
          </div>
          <PinPad
            label={`PIN for ${selected.name}`}
            onSubmit={submit}
            {...(pinLength ? { length: pinLength } : {})}
            onInput={() => setError(null)}
            error={
              selectedLocked && selected.lockedUntil
                ? lockedMessage(selected.lockedUntil, locale, new Date())
                : error
            }
            disabled={selectedLocked}
          />
        </div>
      )}
    </Dialog>
  );
}
