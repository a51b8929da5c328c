/**
 * Before a card payment, when this till's location has several readers: which one the customer
 * taps. The core lists them with their state (online, offline, busy with a payment) and marks the
 * till's own; tapping one remembers it for this till (`stripe.pickReader`) and goes on to the
 * payment. With one reader (or none: the card tender then says why) the step passes straight on.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { Button, CardIcon, LoadingPanel, StatusPill, errorMessage, type Tone } from '../../ui';

type TillReader = ApiOutput<'stripe.tillReaders'>['readers'][number];

const stateWords: Record<TillReader['state'], string> = {
  online: 'Online',
  offline: 'Offline',
  busy: 'Busy',
};
const stateTones: Record<TillReader['state'], Tone> = {
  online: 'success',
  offline: 'danger',
  busy: 'warning',
};

export interface CardReaderStepProps {
  /** The reader is chosen (or there was nothing to choose): start the payment. */
  onReady: () => void;
  onBack: () => void;
}

export function CardReaderStep({ onReady, onBack }: CardReaderStepProps) {
  const loadReaders = useCallback(async () => (await client.invoke('stripe.tillReaders', {})).readers, []);
  const loaded = useCoreData(loadReaders);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState<string | null>(null);

  // Nothing to choose, or (the picker being a convenience) no list: the payment goes to the till's reader.
  const passOn = loaded.kind === 'error' || (loaded.kind === 'ready' && loaded.data.length <= 1);
  useEffect(() => {
    if (passOn) onReady();
  }, [passOn, onReady]);

  const pick = (reader: TillReader) => {
    setPicking(reader.id);
    setError(null);
    client.invoke('stripe.pickReader', { readerId: reader.id }).then(
      () => onReady(),
      (failure: unknown) => {
        setError(errorMessage(failure));
        setPicking(null);
      },
    );
  };

  if (loaded.kind !== 'ready' || passOn) return <LoadingPanel label="Looking for the readers" />;
  const readers = loaded.data;
  return (
    <div className="tender-step">
      <p>Which reader does the customer tap?</p>
      <ul className="tenders" aria-label="Card readers">
        {readers.map((reader) => (
          <li key={reader.id}>
            <button
              type="button"
              className="tender"
              aria-label={`${reader.label}: ${stateWords[reader.state]}${reader.chosen ? ', this till’s reader' : ''}`}
              disabled={reader.state === 'offline' || picking !== null}
              onClick={() => pick(reader)}
            >
              <span className="tender__icon" aria-hidden="true">
                <CardIcon size={32} />
              </span>
              <span className="tender__label">{reader.label}</span>
              <StatusPill tone={stateTones[reader.state]}>{stateWords[reader.state]}</StatusPill>
              {reader.chosen && <span className="tender__reason">This till’s reader</span>}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="inflight-step__actions">
        <Button variant="ghost" onClick={onBack} disabled={picking !== null}>
          Other tender
        </Button>
      </div>
    </div>
  );
}
