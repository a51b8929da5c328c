/**
 * Settings › Payments › Stripe: whether the page drives the reader with Stripe's @stripe/terminal-js
 * (the JS SDK adapter) instead of the server. On, the page may load Stripe's script from
 * js.stripe.com (the Content-Security-Policy allows it only then; reload the page to apply it).
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { Switch, toast } from '../../ui';

export function ReaderDriverSwitch({ disabled }: { disabled: boolean }) {
  const [driver, setDriver] = useState<'server' | 'js_sdk' | null>(null);
  useEffect(() => {
    let live = true;
    client.invoke('stripe.readerDriver', {}).then(
      (result) => live && setDriver(result.driver),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (driver === null) return null;
  return (
    <Switch
      label="Drive the reader from this page (Stripe Terminal JS)"
      hint="Loads Stripe’s script from js.stripe.com; reload the page after changing it. Off: the till drives the reader through Stripe’s servers."
      checked={driver === 'js_sdk'}
      disabled={disabled}
      onCheckedChange={(on) =>
        void client.invoke('stripe.setReaderDriver', { driver: on ? 'js_sdk' : 'server' }).then(
          (result) => {
            setDriver(result.driver);
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
