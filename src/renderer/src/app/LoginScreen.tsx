/**
 * "Tap your name, type your PIN": the active staff as tiles (a locked one says until when), then
 * the PIN pad for the one tapped. The list refreshes when staff change (staff.updated). After a
 * Lock the pad opens straight for whoever locked.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../api';
import { useCoreData } from '../api/coreData';
import { Avatar, Button, LockIcon, Spinner, useDisplayLocale } from '../ui';
import { AuthLayout } from './AuthLayout';
import { roleLabels } from './format';
import { app } from './instance';
import { isStillLocked, lockedMessage } from './loginErrors';
import { PinStep } from './PinStep';

/** The staff and the store's fixed PIN length (the pad submits by itself at it), or null. */
const loadStaff = () => client.invoke('staff.list', {});

export function LoginScreen({
  preselectStaffId,
  notice,
}: {
  preselectStaffId: string | null;
  notice: string | null;
}) {
  // Loaded through useCoreData, following staff.updated; a lockout learned from a refused PIN shows
  // at once, before the next list.
  const loaded = useCoreData(loadStaff, { refreshOn: ['staff.updated'] });
  const [lockedNow, setLockedNow] = useState<ReadonlyMap<string, string>>(new Map());
  const [selectedId, setSelectedId] = useState<string | null>(preselectStaffId);
  const locale = useDisplayLocale();
  const load = loaded.reload;
  const loadedData = loaded.kind === 'ready' ? loaded.data : null;
  // A new list says each lockout as the core holds it now.
  useEffect(() => setLockedNow(new Map()), [loadedData]);
  const list =
    loaded.kind === 'ready'
      ? {
          kind: 'loaded' as const,
          pinLength: loaded.data.pinLength,
          staff: loaded.data.staff.map((member) => {
            const until = lockedNow.get(member.staffId);
            return until ? { ...member, lockedUntil: until } : member;
          }),
        }
      : loaded;

  const markLocked = useCallback((staffId: string, lockedUntil: string) => {
    setLockedNow((current) => new Map(current).set(staffId, lockedUntil));
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
            <Button variant="primary" onClick={() => load()}>
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
