/**
 * Settings › This till › Desktop app (the desktop app only): start with the computer, kiosk mode,
 * the update feed, and the update's state with a manager's "Install now". Everyone logged in sees
 * them; managers and owners change them (the shell checks the role again).
 */
import { useCallback, useEffect, useState } from 'react';
import { useCoreData } from '../../api/coreData';
import { Badge, Button, Card, LoadError, LoadingPanel, Switch, TextField } from '../../ui';
import { formatMoment } from '../format';
import { useAppState } from '../instance';
import { desktopViewSchema, type DesktopView, updateText } from './desktopView';
import './desktop.css';

async function callDesktop(
  name: string,
  input: unknown,
  session: string | null,
): Promise<DesktopView | string> {
  const bridge = window.tillpoint;
  if (!bridge) return 'Only the desktop app has these settings.';
  const result = await bridge.invoke(name, input, session);
  if (!result.ok) return result.error.message;
  const parsed = desktopViewSchema.safeParse(result.data);
  return parsed.success ? parsed.data : 'The desktop app answered something unexpected.';
}

/** Every few seconds the update's state is read again (it downloads in the background). */
const refreshMs = 10_000;

export function DesktopPanel() {
  const session = useAppState((state) => state.staffSession?.session ?? null);
  const role = useAppState((state) => state.staffSession?.staff.role);
  const locale = useAppState((state) => state.locale) ?? undefined;
  const manager = role === 'manager' || role === 'owner';
  const [error, setError] = useState<string | null>(null);
  const [feedUrl, setFeedUrl] = useState('');

  const loadView = useCallback(async () => {
    const answer = await callDesktop('desktop.get', {}, session);
    if (typeof answer === 'string') throw new Error(answer);
    return answer;
  }, [session]);
  const desktop = useCoreData(loadView);
  const reload = desktop.reload;
  useEffect(() => {
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [reload]);
  // The feed field follows the saved feed whenever it changes; what is typed stays until then.
  const savedFeedUrl = desktop.kind === 'ready' ? (desktop.data.updates.feedUrl ?? '') : null;
  useEffect(() => {
    if (savedFeedUrl !== null) setFeedUrl(savedFeedUrl);
  }, [savedFeedUrl]);

  const change = (patch: object) =>
    void callDesktop('desktop.set', patch, session).then((answer) => {
      setError(typeof answer === 'string' ? answer : null);
      reload();
    });
  const installNow = () => void window.tillpoint?.invoke('desktop.installUpdate', {}, session).then(reload);

  if (desktop.kind !== 'ready') {
    return (
      <Card title="Desktop app" description="How this computer starts Tillpoint and updates it.">
        {desktop.kind === 'loading' ? (
          <LoadingPanel label="Loading the desktop app’s settings" />
        ) : (
          <LoadError message={desktop.message} onRetry={reload} />
        )}
      </Card>
    );
  }
  const view = desktop.data;
  const update = view.update;
  return (
    <Card
      title="Desktop app"
      description={`Tillpoint ${view.appVersion} on this computer. Managers change these.`}
    >
      <div className="desktop-panel">
        <Switch
          label="Start with the computer"
          checked={view.startAtLogin}
          disabled={!manager}
          onCheckedChange={(startAtLogin) => change({ startAtLogin })}
          hint="For a dedicated till: Tillpoint opens when the computer starts."
        />
        <Switch
          label="Kiosk mode"
          checked={view.kiosk}
          disabled={!manager}
          onCheckedChange={(kiosk) => change({ kiosk })}
          hint="Full screen, with no way to other apps. From the next start."
        />
        <TextField
          label="Update feed"
          value={feedUrl}
          disabled={!manager}
          placeholder="https://updates.example.com/tillpoint/"
          onChange={(event) => setFeedUrl(event.target.value)}
          hint="Where your store publishes Tillpoint's releases. Applies from the next start."
        />
        <Switch
          label="Install updates"
          checked={view.updates.enabled}
          disabled={!manager}
          onCheckedChange={(enabled) => change({ updates: { enabled, feedUrl: feedUrl.trim() || null } })}
          hint="Downloaded in the background; installed when the shift ends, never during a sale."
        />
        {manager && feedUrl.trim() !== (view.updates.feedUrl ?? '') && (
          <Button
            onClick={() =>
              change({ updates: { enabled: view.updates.enabled, feedUrl: feedUrl.trim() || null } })
            }
          >
            Save feed
          </Button>
        )}
        <p role="status">
          <Badge tone={update.state === 'error' ? 'danger' : 'info'}>Updates</Badge>{' '}
          {updateText(update, (iso) => formatMoment(iso, locale ?? 'en-US', new Date()))}
        </p>
        {update.state === 'ready' && manager && !update.managerGo && (
          <Button variant="primary" onClick={installNow}>
            Install now
          </Button>
        )}
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </Card>
  );
}
