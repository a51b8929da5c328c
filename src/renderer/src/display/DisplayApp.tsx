/**
 * The customer display: full screen, high contrast, the store's name and the clock along the top,
 * and the screen the store says (welcome, the sale, payment, thank-you, voided). A line at the bottom says so
 * when the till cannot be reached or this device must be paired first.
 */
import { useEffect } from 'react';
import { BrandMark } from '../app/BrandMark';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Clock } from './Clock';
import { dispatchDisplay, useDisplayState } from './displayStore';
import { resetAfterMs } from './displayState';
import { CartView, PaymentView, ThanksView, VoidedView, WelcomeView } from './views';

const linkNotices = {
  connecting: null,
  connected: null,
  pairing:
    'This display is not paired yet: open Tillpoint in this browser and pair it with the till’s token.',
  unreachable: 'The till cannot be reached. Retrying…',
} as const;

export function DisplayApp() {
  const screen = useDisplayState((state) => state.screen);
  const storeName = useDisplayState((state) => state.storeName);
  const link = useDisplayState((state) => state.link);

  useEffect(() => {
    const afterMs = resetAfterMs(screen);
    if (afterMs === null) return;
    const timer = setTimeout(() => dispatchDisplay({ type: 'reset' }), afterMs);
    return () => clearTimeout(timer);
  }, [screen]);

  const notice = linkNotices[link];
  return (
    <div className="display">
      <header className="display__header">
        <div className="display__store">
          <BrandMark size={48} />
          <span>{storeName ?? 'Tillpoint'}</span>
        </div>
        <Clock />
      </header>
      <main className="display__main">
        <ErrorBoundary what="the customer display" resetKey={screen}>
          {screen.kind === 'welcome' && <WelcomeView storeName={storeName} />}
          {screen.kind === 'cart' && <CartView cart={screen.cart} />}
          {screen.kind === 'payment' && <PaymentView payment={screen.payment} />}
          {screen.kind === 'thanks' && (
            <ThanksView total={screen.total} change={screen.change} note={screen.note ?? null} />
          )}
          {screen.kind === 'voided' && <VoidedView />}
        </ErrorBoundary>
      </main>
      {notice && (
        <p className="display__notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
