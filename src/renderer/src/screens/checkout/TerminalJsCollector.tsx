/**
 * The JS SDK adapter's part in the page: while a card payment waits and the till drives its reader
 * from the page (`stripe.sdkPayment` answers with the PaymentIntent's client secret), it loads
 * Stripe's @stripe/terminal-js (from js.stripe.com, which the page's policy allows only then), fetches
 * connection tokens from the core, connects this till's reader, and collects and processes the card.
 * The core follows the PaymentIntent and captures it; the outcome arrives through `payment.updated`
 * as for the server path. Nothing here decides money. With the server driver it renders nothing.
 */
import { type Terminal } from '@stripe/terminal-js';
// The pure entry loads Stripe's script only when called (the main entry injects it on import).
import { loadStripeTerminal } from '@stripe/terminal-js/pure';
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { LoadError, errorMessage } from '../../ui';

type Step = 'idle' | 'loading' | 'connecting' | 'collecting' | 'processing' | 'done';

const words: Record<Step, string> = {
  idle: '',
  loading: 'Loading Stripe’s reader software…',
  connecting: 'Connecting to the reader…',
  collecting: 'The reader waits for the card.',
  processing: 'Processing the card…',
  done: 'The card was read: the till confirms the payment.',
};

/** A response of the SDK is either what was asked for or `{ error }`. */
function failed(result: unknown): string | null {
  const error = (result as { error?: { message?: string } } | null)?.error;
  return error ? (error.message ?? 'The reader refused.') : null;
}

let terminal: Terminal | null = null;
const loadTimeoutMs = 15_000;

async function terminalOf(): Promise<Terminal> {
  if (terminal) return terminal;
  const unreachable = 'Stripe’s reader software could not be loaded (js.stripe.com unreachable?).';
  // A script that never arrives would leave the cashier waiting: give up after a while.
  const sdk = await Promise.race([
    loadStripeTerminal(),
    new Promise<null>((_resolve, reject) => setTimeout(() => reject(new Error(unreachable)), loadTimeoutMs)),
  ]);
  if (!sdk) throw new Error(unreachable);
  terminal = sdk.create({
    onFetchConnectionToken: async () => (await client.invoke('stripe.connectionToken', {})).secret,
    onUnexpectedReaderDisconnect: () => undefined,
  });
  return terminal;
}

export function TerminalJsCollector({ paymentId }: { paymentId: string }) {
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);
  // Whether the page drives the reader for this payment (null: the server does), with its secret.
  const loadSdkPayment = useCallback(
    async () => (await client.invoke('stripe.sdkPayment', { paymentId })).payment,
    [paymentId],
  );
  const sdkPayment = useCoreData(loadSdkPayment);
  const clientSecret = sdkPayment.kind === 'ready' ? (sdkPayment.data?.clientSecret ?? null) : null;
  const readerId = sdkPayment.kind === 'ready' ? (sdkPayment.data?.readerId ?? null) : null;

  useEffect(() => {
    if (!clientSecret) return undefined;
    let live = true;
    const run = async () => {
      setStep('loading');
      const sdk = await terminalOf();
      if (sdk.getConnectionStatus() !== 'connected') {
        setStep('connecting');
        const { locationId } = await client.invoke('stripe.connectionToken', {});
        const found = await sdk.discoverReaders(locationId ? { location: locationId } : {});
        const problem = failed(found);
        if (problem) throw new Error(problem);
        const readers = 'discoveredReaders' in found ? found.discoveredReaders : [];
        const reader = readers.find((r) => r.id === readerId) ?? readers[0];
        if (!reader) throw new Error('No reader of this till’s location was found.');
        const connected = await sdk.connectReader(reader);
        const refused = failed(connected);
        if (refused) throw new Error(refused);
      }
      if (!live) return;
      setStep('collecting');
      const collected = await sdk.collectPaymentMethod(clientSecret);
      const declined = failed(collected);
      if (declined) throw new Error(declined);
      if (!live || !('paymentIntent' in collected)) return;
      setStep('processing');
      const processed = await sdk.processPayment(collected.paymentIntent);
      const problem = failed(processed);
      if (problem) throw new Error(problem);
      if (live) setStep('done');
    };
    run().catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
      // A payment cancelled at the till: stop the reader waiting for a card.
      void terminal?.cancelCollectPaymentMethod().catch(() => undefined);
    };
  }, [clientSecret, readerId]);

  // While it is asked, nothing shows: with the server driver (most tills) this part stays empty.
  if (sdkPayment.kind === 'error') {
    return (
      <LoadError
        message={`Could not tell whether this page drives the reader: ${sdkPayment.message}`}
        onRetry={sdkPayment.reload}
      />
    );
  }
  if (step === 'idle' && !error) return null;
  return (
    <div className="card-test" role="status" aria-label="Reader (Stripe Terminal JS)">
      {step !== 'idle' && <span className="card-test__title">{words[step]}</span>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
