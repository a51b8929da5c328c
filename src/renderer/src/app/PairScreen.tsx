/**
 * Shown when this browser is not signed in: on the till itself, open the one-time link that
 * `tillpoint serve` printed (or `tillpoint login-link` prints); on another device, paste the token
 * that `tillpoint token` prints on the till, and the page reloads with it.
 */
import { type FormEvent, useState } from 'react';
import { savePairingToken } from '../api';
import { Button, Card, KeyIcon, TextField } from '../ui';
import { AuthLayout } from './AuthLayout';

/** The host's tokens are 32 random bytes in base64url: 43 characters. */
export const pairingTokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function PairScreen({ reason }: { reason: string | null }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (!pairingTokenPattern.test(trimmed)) {
      setError(
        'A pairing token is 43 characters: letters, digits, "-" and "_". Copy it whole from the till.',
      );
      return;
    }
    savePairingToken(trimmed);
    window.location.reload();
  };

  return (
    <AuthLayout>
      <Card className="auth-card">
        <div className="auth-card__icon" aria-hidden="true">
          <KeyIcon size={32} />
        </div>
        <h1>Pair this device</h1>
        <p className="auth-card__lead">
          On the till itself, open the link that <code>tillpoint serve</code> printed, or run{' '}
          <code>tillpoint login-link</code> for a new one. On another device, run <code>tillpoint token</code>{' '}
          on the till and paste the token it prints here.
        </p>
        {reason && (
          <p className="auth-card__notice" role="alert">
            {reason}
          </p>
        )}
        <form className="auth-card__form" onSubmit={submit} noValidate>
          <TextField
            label="Pairing token"
            value={token}
            onChange={(event) => {
              setToken(event.target.value);
              setError(null);
            }}
            error={error}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            className="mono-field"
          />
          <Button type="submit" variant="primary" size="lg" block>
            Pair device
          </Button>
        </form>
      </Card>
    </AuthLayout>
  );
}

/** Shown when the core cannot be reached at start-up, with a way to try again. */
export function UnreachableScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <AuthLayout>
      <Card className="auth-card">
        <h1>The till cannot be reached</h1>
        <p className="auth-card__lead">{message}</p>
        <p className="muted">Check that Tillpoint is running on the till, then try again.</p>
        <Button variant="primary" size="lg" block onClick={onRetry}>
          Try again
        </Button>
      </Card>
    </AuthLayout>
  );
}
