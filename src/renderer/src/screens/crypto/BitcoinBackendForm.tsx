/**
 * Where a Bitcoin network is read: an Esplora URL, an Electrum server (host, port, TCP or TLS, and
 * a self-signed certificate pinned by its SHA-256 fingerprint), or
 * the store's own Bitcoin Core node (URL, RPC user and password or its cookie, a watch-only
 * wallet). The password and cookie are sent to the core and never shown back: after a save the
 * fields are empty and the panel shows only the node's host.
 */
import { type ChangeEvent } from 'react';
import { SegmentedField, Switch, TextField } from '../../ui';
import { type BitcoinBackendForm as Form, type BitcoinKind, type ChainErrors } from './chainForms';

type TextKey =
  | 'esploraUrl'
  | 'host'
  | 'port'
  | 'certSha256'
  | 'coreUrl'
  | 'coreUser'
  | 'corePassword'
  | 'coreCookie'
  | 'wallet';

export function BitcoinBackendForm({
  form,
  errors,
  disabled,
  pinned,
  onChange,
}: {
  form: Form;
  errors: ChainErrors;
  disabled: boolean;
  /** A certificate is pinned in the saved Electrum set-up. */
  pinned: boolean;
  onChange: (form: Form) => void;
}) {
  const set = (patch: Partial<Form>) => onChange({ ...form, ...patch, edited: true });
  /** A text field's value, error and change, by the form's key and the error's field. */
  const bind = (key: TextKey, field: keyof ChainErrors) => ({
    value: form[key],
    error: errors[field],
    disabled,
    autoComplete: 'off',
    spellCheck: false,
    onChange: (event: ChangeEvent<HTMLInputElement>) => set({ [key]: event.target.value }),
  });
  return (
    <div className="chain-form__backend">
      <SegmentedField<BitcoinKind>
        label="Bitcoin backend"
        visibleLabel="Read the chain from"
        value={form.kind}
        onValueChange={(kind) => set({ kind })}
        options={[
          { value: 'esplora', label: 'Esplora' },
          { value: 'electrum', label: 'Electrum' },
          { value: 'core', label: 'Bitcoin Core' },
        ]}
      />
      {form.kind === 'esplora' && (
        <TextField
          label="Esplora URL"
          placeholder="https://mempool.space/api"
          hint="Leave empty to keep the URL saved now."
          {...bind('esploraUrl', 'url')}
          maxLength={300}
        />
      )}
      {form.kind === 'electrum' && (
        <div className="chain-form__fields">
          <TextField
            label="Electrum host"
            placeholder="electrum.example.org"
            {...bind('host', 'host')}
            maxLength={200}
          />
          <TextField label="Electrum port" inputMode="numeric" {...bind('port', 'port')} maxLength={6} />
          <Switch
            label="TLS"
            hint="A certificate from a trusted authority, or the pinned one; off: plain TCP."
            checked={form.tls}
            disabled={disabled}
            onCheckedChange={(tls) => set({ tls })}
          />
          <TextField
            label="Pinned certificate (SHA-256)"
            placeholder="AB:CD:…"
            hint={`Optional, for a self-signed certificate: its fingerprint, 64 hex digits.${pinned ? ' One is pinned now and stays pinned for this host and port when this is left empty; enter another to replace it.' : ''}`}
            {...bind('certSha256', 'certSha256')}
            maxLength={95}
          />
          {pinned && (
            <Switch
              label="Remove the pinned certificate"
              hint="On: the server's certificate must come from a trusted authority again."
              checked={form.unpin}
              disabled={disabled}
              onCheckedChange={(unpin) => set({ unpin })}
            />
          )}
        </div>
      )}
      {form.kind === 'core' && (
        <div className="chain-form__fields">
          <TextField
            label="Bitcoin Core RPC URL"
            placeholder="http://127.0.0.1:8332"
            {...bind('coreUrl', 'url')}
            maxLength={200}
          />
          <SegmentedField<'password' | 'cookie'>
            label="Bitcoin Core sign-in"
            visibleLabel="Sign in with"
            value={form.coreAuth}
            onValueChange={(coreAuth) => set({ coreAuth })}
            options={[
              { value: 'password', label: 'User and password' },
              { value: 'cookie', label: 'Cookie' },
            ]}
          />
          {form.coreAuth === 'password' ? (
            <>
              <TextField label="RPC user" {...bind('coreUser', 'coreUser')} maxLength={60} />
              <TextField
                label="RPC password"
                type="password"
                hint="Kept by the till and never shown again."
                {...bind('corePassword', 'corePassword')}
                maxLength={100}
                autoComplete="new-password"
              />
            </>
          ) : (
            <TextField
              label="Cookie"
              type="password"
              hint="The content of the node’s .cookie file; it changes when the node restarts."
              {...bind('coreCookie', 'coreCookie')}
              maxLength={120}
            />
          )}
          <TextField
            label="Watch-only wallet"
            placeholder="tillpoint"
            hint="Made on the node when missing."
            {...bind('wallet', 'wallet')}
            maxLength={64}
          />
        </div>
      )}
    </div>
  );
}
