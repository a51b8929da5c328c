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
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { errorMessage } from '../../ui';

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

  useEffect(() => {
    let live = true;
    const run = async () => {
      const { payment } = await client.invoke('stripe.sdkPayment', { paymentId });
      if (!payment || !live) return;
      setStep('loading');
      const sdk = await terminalOf();
      if (sdk.getConnectionStatus() !== 'connected') {
        setStep('connecting');
        const { locationId } = await client.invoke('stripe.connectionToken', {});
        const found = await sdk.discoverReaders(locationId ? { location: locationId } : {});
        const problem = failed(found);
        if (problem) throw new Error(problem);
        const readers = 'discoveredReaders' in found ? found.discoveredReaders : [];
        const reader = readers.find((r) => r.id === payment.readerId) ?? readers[0];
        if (!reader) throw new Error('No reader of this till’s location was found.');
        const connected = await sdk.connectReader(reader);
        const refused = failed(connected);
        if (refused) throw new Error(refused);
      }
      if (!live) return;
      setStep('collecting');
      const collected = await sdk.collectPaymentMethod(payment.clientSecret);
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
  }, [paymentId]);

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
