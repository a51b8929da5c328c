/**
 * The bar across the top: the store's name (or "Tillpoint") and a Demo badge, the shift and sync
 * status slots, and on the right the shortcuts help, the theme switch, who is logged in, Lock and
 * Log out.
 */
import { useState } from 'react';
import { Avatar, Badge, Button, IconButton, KeyboardIcon, LockIcon, LogOutIcon } from '../ui';
import { BrandMark } from './BrandMark';
import { initialsOf, roleLabels } from './format';
import { app, useAppState } from './instance';
import { type StatusSlotName, statusSlotLabels, useStatusSlot } from './statusSlots';
import { ThemeToggle } from './ThemeToggle';
import './topbar.css';
import { useTillName } from './useTillName';

function StatusSlot({ name }: { name: StatusSlotName }) {
  const Component = useStatusSlot(name);
  if (!Component) return null;
  return (
    <div className="topbar__slot" role="group" aria-label={statusSlotLabels[name]}>
      <Component />
    </div>
  );
}

export function TopBar({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const storeName = useAppState((state) => state.storeName);
  const demo = useAppState((state) => state.info?.mode === 'demo');
  const staff = useAppState((state) => state.staffSession?.staff ?? null);
  const tillName = useTillName();
  const [ending, setEnding] = useState<'lock' | 'logout' | null>(null);

  const end = (kind: 'lock' | 'logout') => {
    setEnding(kind);
    void (kind === 'lock' ? app.lock() : app.logout()).finally(() => setEnding(null));
  };

  return (
    <header className="topbar">
      <div className="topbar__brand">
        <BrandMark size={34} />
        <span className="topbar__store">{storeName ?? 'Tillpoint'}</span>
        {tillName && (
          <span className="topbar__till" data-testid="till-name" title={`This till: ${tillName}`}>
            {tillName}
          </span>
        )}
        {demo && (
          <Badge
            tone="demo"
            title="Demo mode: a sample café with staff and a catalog, kept apart from your store’s data. Cards go to a simulated reader; no real money moves."
          >
            Demo mode
          </Badge>
        )}
      </div>
      <div className="topbar__status">
        <StatusSlot name="shift" />
        <StatusSlot name="sync" />
      </div>
      <div className="topbar__actions">
        <IconButton label="Keyboard shortcuts" icon={<KeyboardIcon />} onClick={onShowShortcuts} />
        <ThemeToggle />
        {staff && (
          <div className="topbar__staff">
            <Avatar initials={initialsOf(staff.name)} seed={staff.staffId} size="sm" />
            <div className="topbar__who">
              <span className="topbar__name">{staff.name}</span>
              <span className="topbar__role">{roleLabels[staff.role]}</span>
            </div>
          </div>
        )}
        <Button
          variant="secondary"
          icon={<LockIcon size={20} />}
          loading={ending === 'lock'}
          disabled={ending !== null}
          onClick={() => end('lock')}
          aria-keyshortcuts="Control+L"
        >
          Lock
        </Button>
        <IconButton
          label="Log out"
          icon={<LogOutIcon />}
          loading={ending === 'logout'}
          disabled={ending !== null}
          onClick={() => end('logout')}
        />
      </div>
    </header>
  );
}
