/**
 * Settings › Payments: this till's Stripe for card payments and pay by phone. The secret key goes in
 * once (it never comes back: the panel shows its mode and last four), a connection test, the Terminal
 * location (made here from the store's address), and the readers: register one with the code it
 * shows (`simulated-wpe` for a simulated reader with a test key) and choose the one this till uses.
 */
import { useState, type FormEvent } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import {
  Badge,
  Button,
  Card,
  errorMessage,
  LoadError,
  LoadingPanel,
  StatusPill,
  Switch,
  TextField,
  toast,
} from '../../ui';
import { ReaderDriverSwitch } from './ReaderDriverSwitch';

type Status = ApiOutput<'stripe.status'>;
type Location = ApiOutput<'stripe.locations'>['locations'][number];
type Reader = ApiOutput<'stripe.readers'>['readers'][number];

const sourceWords: Record<Status['keySource'], string> = {
  file: 'Kept on this till (file readable by the app only)',
  env: 'From the environment (TILLPOINT_STRIPE_SECRET_KEY)',
  demo: 'Demo mode’s simulated Stripe',
  none: 'Not set',
};

/** The Stripe set-up: its status and, once a key is set, the locations and readers. */
async function loadStripe(): Promise<{ status: Status; locations: Location[]; readers: Reader[] }> {
  const status = await client.invoke('stripe.status', {});
  if (status.keySource === 'none') return { status, locations: [], readers: [] };
  const [listed, found] = await Promise.all([
    client.invoke('stripe.locations', {}),
    client.invoke('stripe.readers', {}),
  ]);
  return { status, locations: listed.locations, readers: found.readers };
}

export function StripePanel() {
  const stripe = useCoreData(loadStripe);
  const reload = stripe.reload;
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState('');
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [place, setPlace] = useState({
    displayName: '',
    line1: '',
    city: '',
    state: '',
    postalCode: '',
    country: '',
  });

  /** Runs one set-up step, then reloads; its failure is shown as a toast. */
  const step = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      toast.success(done);
      reload();
      return true;
    } catch (failure) {
      toast.error(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submit = (handler: () => Promise<boolean>) => (event: FormEvent) => {
    event.preventDefault();
    void handler();
  };

  if (stripe.kind === 'loading') return <LoadingPanel label="Loading the Stripe set-up" />;
  if (stripe.kind === 'error') return <LoadError message={stripe.message} onRetry={reload} />;
  const { status, locations, readers } = stripe.data;
  const keyEditable = status.keySource === 'file' || status.keySource === 'none';
  return (
    <div className="settings-grid">
      <Card title="Stripe" description="Card payments on a Stripe Terminal reader, and pay by phone.">
        <dl className="facts">
          <div className="facts__row">
            <dt>Secret key</dt>
            <dd>
              {status.keyHint ?? 'None'}{' '}
              {status.mode && (
                <Badge tone={status.mode === 'live' ? 'success' : 'warning'}>
                  {status.mode === 'live' ? 'Live' : 'Test'}
                </Badge>
              )}
            </dd>
          </div>
          <div className="facts__row">
            <dt>Where it is kept</dt>
            <dd>{sourceWords[status.keySource]}</dd>
          </div>
        </dl>
        {keyEditable && (
          <form
            className="stripe-form"
            onSubmit={submit(async () => {
              const ok = await step(
                () => client.invoke('stripe.setKey', { secretKey: key.trim() }),
                'Stripe accepted the key.',
              );
              if (ok) setKey('');
              return ok;
            })}
          >
            <TextField
              label={status.keySource === 'none' ? 'Secret key' : 'Replace the secret key'}
              hint="sk_test_… or sk_live_… from the Stripe Dashboard; it is checked with Stripe and never shown again."
              type="password"
              autoComplete="off"
              maxLength={255}
              value={key}
              onChange={(event) => setKey(event.target.value)}
            />
            <Button type="submit" variant="primary" disabled={busy || key.trim() === ''}>
              Save key
            </Button>
          </form>
        )}
        {status.keySource !== 'none' && (
          <Switch
            label="Tip screen on the reader"
            hint="The customer adds a tip on the reader before the card; it is added to the sale’s tip."
            checked={status.tipOnReader}
            disabled={busy}
            onCheckedChange={(onReader) =>
              void step(
                () => client.invoke('stripe.setTipping', { onReader }),
                onReader ? 'The reader asks for a tip.' : 'The reader asks for no tip.',
              )
            }
          />
        )}
        {status.keySource !== 'none' && <ReaderDriverSwitch disabled={busy} />}
        <div className="inflight-step__actions">
          <Button
            disabled={busy || status.keySource === 'none'}
            onClick={() =>
              void client
                .invoke('stripe.status', { check: true })
                .then((checked) =>
                  checked.connection?.ok
                    ? toast.success('Stripe answers.')
                    : toast.error(checked.connection?.message ?? 'Stripe did not answer.'),
                )
            }
          >
            Test the connection
          </Button>
          {status.keySource === 'file' && (
            <Button
              variant="danger"
              disabled={busy}
              onClick={() => void step(() => client.invoke('stripe.removeKey', {}), 'The key was removed.')}
            >
              Remove the key
            </Button>
          )}
        </div>
      </Card>

      {status.keySource !== 'none' && (
        <div className="settings-grid__side">
          <Card title="Location" description="Stripe groups readers by the store’s address.">
            <ul className="stripe-list">
              {locations.map((location) => (
                <li key={location.id}>
                  {location.displayName} {location.city ? `· ${location.city}` : ''}{' '}
                  {location.id === status.locationId ? (
                    <Badge tone="info">This till</Badge>
                  ) : (
                    <Button
                      disabled={busy}
                      onClick={() =>
                        void step(
                          () => client.invoke('stripe.useLocation', { locationId: location.id }),
                          `${location.displayName} is this till’s location.`,
                        )
                      }
                    >
                      Use this location
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            <form
              className="stripe-form"
              onSubmit={submit(() =>
                step(
                  () =>
                    client.invoke('stripe.createLocation', {
                      displayName: place.displayName,
                      address: {
                        line1: place.line1,
                        city: place.city,
                        ...(place.state.trim() ? { state: place.state } : {}),
                        postalCode: place.postalCode,
                        country: place.country.trim().toUpperCase(),
                      },
                    }),
                  'The location was created.',
                ),
              )}
            >
              {(
                [
                  ['displayName', 'Name', 100],
                  ['line1', 'Street address', 200],
                  ['city', 'City', 100],
                  ['state', 'State or region', 100],
                  ['postalCode', 'Postal code', 20],
                  ['country', 'Country (two letters: US, GB)', 2],
                ] as const
              ).map(([field, fieldLabel, max]) => (
                <TextField
                  key={field}
                  label={fieldLabel}
                  maxLength={max}
                  value={place[field]}
                  onChange={(event) => setPlace({ ...place, [field]: event.target.value })}
                />
              ))}
              <Button type="submit" disabled={busy}>
                Create location
              </Button>
            </form>
          </Card>

          <Card title="Readers" description="The reader this till sends card payments to.">
            <ul className="stripe-list" aria-label="Readers">
              {readers.map((reader) => (
                <li key={reader.id}>
                  {reader.label}{' '}
                  <StatusPill tone={reader.status === 'online' ? 'success' : 'danger'}>
                    {reader.status ?? 'unknown'}
                  </StatusPill>{' '}
                  {reader.simulated && <Badge tone="demo">Simulated</Badge>}{' '}
                  {reader.chosen ? (
                    <Badge tone="info">This till</Badge>
                  ) : (
                    <Button
                      disabled={busy}
                      onClick={() =>
                        void step(
                          () => client.invoke('stripe.useReader', { readerId: reader.id }),
                          `${reader.label} is this till’s reader.`,
                        )
                      }
                    >
                      Use this reader
                    </Button>
                  )}
                </li>
              ))}
            </ul>
            <form
              className="stripe-form"
              onSubmit={submit(async () => {
                const ok = await step(
                  () =>
                    client.invoke('stripe.registerReader', {
                      registrationCode: code.trim(),
                      ...(label.trim() ? { label: label.trim() } : {}),
                    }),
                  'The reader was registered for this till.',
                );
                if (ok) {
                  setCode('');
                  setLabel('');
                }
                return ok;
              })}
            >
              <TextField
                label="Registration code"
                hint="The code the reader shows; simulated-wpe makes a simulated reader (test key)."
                maxLength={64}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
              <TextField
                label="Name (optional)"
                maxLength={60}
                value={label}
                onChange={(event) => setLabel(event.target.value)}
              />
              <Button type="submit" disabled={busy || code.trim() === ''}>
                Register reader
              </Button>
            </form>
          </Card>
        </div>
      )}
    </div>
  );
}
