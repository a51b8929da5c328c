/**
 * While a card payment waits on a simulated reader (demo mode, or a Stripe test account), buttons
 * that tap Stripe's test cards on it as a customer would: approved, declined, insufficient funds,
 * expired. The core says whether the reader is simulated (`stripe.testCards`); on a real reader
 * nothing is shown. The payment's outcome arrives as usual, through `payment.updated`.
 */
import { useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { Button, errorMessage } from '../../ui';

type TestCard = ApiOutput<'stripe.testCards'>['cards'][number];

/** The simulated reader's test cards; none on a real reader (or when the answer fails). */
const loadTestCards = async () => {
  const result = await client.invoke('stripe.testCards', {});
  return result.available ? result.cards : [];
};

export function CardTestButtons() {
  const loaded = useCoreData(loadTestCards);
  const cards: TestCard[] = loaded.kind === 'ready' ? loaded.data : [];
  const [error, setError] = useState<string | null>(null);
  const [tapping, setTapping] = useState(false);
  if (cards.length === 0) return null;

  const tap = (card: TestCard['card']) => {
    setTapping(true);
    setError(null);
    client
      .invoke('stripe.presentTestCard', { card })
      .catch((failure: unknown) => setError(errorMessage(failure)))
      .finally(() => setTapping(false));
  };
  return (
    <div className="card-test" role="group" aria-label="Simulated reader: tap a test card">
      <span className="card-test__title">Simulated reader</span>
      <div className="inflight-step__actions">
        {cards.map((card) => (
          <Button
            key={card.card}
            variant={card.approves ? 'primary' : 'danger'}
            disabled={tapping}
            onClick={() => tap(card.card)}
          >
            {card.label}
          </Button>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
