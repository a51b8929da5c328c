/**
 * Settings › Payments › Stripe: whether the page drives the reader with Stripe's @stripe/terminal-js
 * (the JS SDK adapter) instead of the server. On, the page may load Stripe's script from
 * js.stripe.com (the Content-Security-Policy allows it only then; reload the page to apply it).
 */
import { useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { LoadError, LoadingPanel, Switch, toast } from '../../ui';

type ReaderDriver = 'server' | 'js_sdk';

async function loadDriver(): Promise<ReaderDriver> {
  return (await client.invoke('stripe.readerDriver', {})).driver;
}

export function ReaderDriverSwitch({ disabled }: { disabled: boolean }) {
  const loaded = useCoreData(loadDriver);
  // What was chosen here since it loaded (the core's answer to the change).
  const [chosen, setChosen] = useState<ReaderDriver | null>(null);
  if (loaded.kind === 'loading') return <LoadingPanel label="Loading how the reader is driven" />;
  if (loaded.kind === 'error') return <LoadError message={loaded.message} onRetry={loaded.reload} />;
  const driver = chosen ?? loaded.data;
  return (
    <Switch
      label="Drive the reader from this page (Stripe Terminal JS)"
      hint="Loads Stripe’s script from js.stripe.com; reload the page after changing it. Off: the till drives the reader through Stripe’s servers."
      checked={driver === 'js_sdk'}
      disabled={disabled}
      onCheckedChange={(on) =>
        void client.invoke('stripe.setReaderDriver', { driver: on ? 'js_sdk' : 'server' }).then(
          (result) => {
            setChosen(result.driver);
            toast.success(
              on
                ? 'The page drives the reader: reload to load Stripe’s script.'
                : 'The till drives the reader.',
            );
          },
          (failure: unknown) => toast.error(failure, { title: 'Not changed' }),
        )
      }
    />
  );
}
