/**
 * Settings › This device: how this screen reaches the core (the desktop app, or a browser on the
 * till or paired with it), and, in a browser, the way to open the customer display or forget the
 * pairing.
 */
import { useState } from 'react';
import { door, forgetPairingToken, hasPairingToken } from '../../api';
import { Badge, Button, Card, ConfirmDialog } from '../../ui';

export function DevicePanel() {
  const [confirmForget, setConfirmForget] = useState(false);
  const paired = door === 'browser' && hasPairingToken();
  return (
    <Card title="This device" description="How this screen is connected to the till.">
      <dl className="facts">
        <div className="facts__row">
          <dt>Connected through</dt>
          <dd>
            {door === 'electron' ? (
              <Badge tone="info">Desktop app (Electron)</Badge>
            ) : (
              <Badge tone="info">Web browser</Badge>
            )}
          </dd>
        </div>
        {door === 'browser' && (
          <>
            <div className="facts__row">
              <dt>Till address</dt>
              <dd>
                <code>{window.location.origin}</code>
              </dd>
            </div>
            <div className="facts__row">
              <dt>Pairing</dt>
              <dd>{paired ? 'Paired with a token' : 'This is the till itself (no token needed)'}</dd>
            </div>
          </>
        )}
        <div className="facts__row">
          <dt>Customer display</dt>
          <dd>
            {door === 'browser' ? (
              <a className="link-button" href="/display.html" target="_blank" rel="noopener noreferrer">
                Open customer display
              </a>
            ) : (
              'Opens by itself on a second screen (or start the app with --customer-display).'
            )}
          </dd>
        </div>
      </dl>
      {paired && (
        <div className="device-actions">
          <Button variant="danger" onClick={() => setConfirmForget(true)}>
            Forget pairing
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirmForget}
        tone="danger"
        title="Forget this device’s pairing?"
        message="This browser will need the token from the till again before it can be used."
        confirmLabel="Forget pairing"
        onCancel={() => setConfirmForget(false)}
        onConfirm={() => {
          forgetPairingToken();
          window.location.reload();
        }}
      />
    </Card>
  );
}
