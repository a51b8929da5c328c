/**
 * Settings › Payments › Paystack (NGN and other African currencies): the secret key goes in once and
 * never comes back (the panel shows its mode and last four). Checked with Paystack before it is kept.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { Badge, Button, Card, errorMessage, TextField, toast } from '../../ui';

type Status = ApiOutput<'paystack.status'>;

const sourceWords: Record<Status['keySource'], string> = {
  file: 'Kept on this till',
  env: 'From the environment (TILLPOINT_PAYSTACK_SECRET_KEY)',
  demo: 'Demo mode',
  none: 'Not set',
};

export function PaystackPanel() {
  const loadStatus = useCallback(() => client.invoke('paystack.status', {}), []);
  const loaded = useCoreData(loadStatus);
  // What the last change answered, else what was read.
  const [changed, setStatus] = useState<Status | null>(null);
  const status = changed ?? (loaded.kind === 'ready' ? loaded.data : null);
  const failure = loaded.kind === 'error' ? loaded.message : null;
  useEffect(() => {
    if (failure) toast.error(failure);
  }, [failure]);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);

  const run = (work: () => Promise<Status>, done: string) => {
    setBusy(true);
    work()
      .then((next) => {
        setStatus(next);
        setKey('');
        toast.success(done);
      })
      .catch((failure: unknown) => toast.error(errorMessage(failure)))
      .finally(() => setBusy(false));
  };
  if (!status) return null;
  const editable = status.keySource === 'file' || status.keySource === 'none';
  return (
    <Card title="Paystack" description="A payment link as a QR code, for NGN and other African currencies.">
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
      {editable && (
        <form
          className="stripe-form"
          onSubmit={(event) => {
            event.preventDefault();
            run(
              () => client.invoke('paystack.setKey', { secretKey: key.trim() }),
              'Paystack accepted the key.',
            );
          }}
        >
          <TextField
            label={status.keySource === 'none' ? 'Paystack secret key' : 'Replace the Paystack secret key'}
            hint="sk_test_… or sk_live_… from the Paystack dashboard; never shown again."
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
      {status.keySource === 'file' && (
        <Button
          variant="danger"
          disabled={busy}
          onClick={() => run(() => client.invoke('paystack.removeKey', {}), 'The Paystack key was removed.')}
        >
          Remove the Paystack key
        </Button>
      )}
    </Card>
  );
}
