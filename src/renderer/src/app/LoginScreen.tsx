/**
 * "Tap your name, type your PIN": the active staff as tiles (a locked one says until when), then
 * the PIN pad for the one tapped. The list refreshes when staff change (staff.updated). After a
 * Lock the pad opens straight for whoever locked.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../api';
import { Avatar, Button, errorMessage, LockIcon, Spinner, useDisplayLocale } from '../ui';
import { AuthLayout } from './AuthLayout';
import { roleLabels } from './format';
import { app } from './instance';
import { isStillLocked, lockedMessage } from './loginErrors';
import { PinStep } from './PinStep';
import { type StaffCard } from './session';

type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** `pinLength`: the store's fixed PIN length (the pad submits by itself at it), or null. */
  | { kind: 'loaded'; staff: StaffCard[]; pinLength: number | null };

export function LoginScreen({
  preselectStaffId,
  notice,
}: {
  preselectStaffId: string | null;
  notice: string | null;
}) {
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [selectedId, setSelectedId] = useState<string | null>(preselectStaffId);
  const locale = useDisplayLocale();

  const load = useCallback(async () => {
    try {
      const { staff, pinLength } = await client.invoke('staff.list', {});
      setList({ kind: 'loaded', staff, pinLength });
    } catch (error) {
      setList({ kind: 'error', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    // Load once on mount, then follow staff.updated events.
    void load();
    return client.on('staff.updated', () => void load());
  }, [load]);

  const markLocked = useCallback((staffId: string, lockedUntil: string) => {
    setList((current) =>
      current.kind === 'loaded'
        ? {
            ...current,
            staff: current.staff.map((s) => (s.staffId === staffId ? { ...s, lockedUntil } : s)),
          }
        : current,
    );
  }, []);

  const selected = list.kind === 'loaded' ? list.staff.find((s) => s.staffId === selectedId) : undefined;

  if (selected) {
    return (
      <AuthLayout>
        {notice && (
          <p className="login__notice" role="status">
            {notice}
          </p>
        )}
        <PinStep
          member={selected}
          pinLength={list.kind === 'loaded' ? list.pinLength : null}
          onBack={() => setSelectedId(null)}
          onLocked={(lockedUntil) => markLocked(selected.staffId, lockedUntil)}
          onSignedIn={(session) => app.signedIn(session)}
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout wide>
      <section className="login" aria-labelledby="login-title">
        <h1 id="login-title" className="login__title">
          Who’s working?
        </h1>
        <p className="login__lead">Tap your name, then type your PIN.</p>
        {notice && (
          <p className="login__notice" role="status">
            {notice}
          </p>
        )}
        {list.kind === 'loading' && (
          <div className="login__loading">
            <Spinner size={32} label="Loading staff" />
          </div>
        )}
        {list.kind === 'error' && (
          <div className="login__error" role="alert">
            <p>{list.message}</p>
            <Button variant="primary" onClick={() => void load()}>
              Try again
            </Button>
          </div>
        )}
        {list.kind === 'loaded' && (
          <ul className="staff-tiles">
            {list.staff.map((member) => {
              const locked = isStillLocked(member.lockedUntil, new Date());
              return (
                <li key={member.staffId}>
                  <button
                    type="button"
                    className="staff-tile"
                    onClick={() => setSelectedId(member.staffId)}
                    aria-describedby={locked ? `locked-${member.staffId}` : undefined}
                  >
                    <Avatar initials={member.initials} seed={member.staffId} size="lg" />
                    <span className="staff-tile__name">{member.name}</span>
                    <span className="staff-tile__role">{roleLabels[member.role]}</span>
                    {locked && member.lockedUntil && (
                      <span id={`locked-${member.staffId}`} className="staff-tile__locked">
                        <LockIcon size={16} />
                        {lockedMessage(member.lockedUntil, locale, new Date())}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {list.kind === 'loaded' && list.staff.length === 0 && (
          <p className="login__error" role="alert">
            No active staff on this till. Ask an owner to reactivate someone.
          </p>
        )}
      </section>
    </AuthLayout>
  );
}
