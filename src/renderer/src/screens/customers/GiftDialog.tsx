/**
 * Giving coins: a gift or a tip from this customer to another, with a message. The core checks the
 * balance and refuses a short one (insufficient_funds: the coins required and available).
 */
import { useState } from 'react';
import { client } from '../../api';
import { Button, Dialog, SegmentedControl, TextField, errorMessage, toast } from '../../ui';
import { CustomerPicker, type CustomerView } from './CustomerPicker';

export interface GiftDialogProps {
  from: CustomerView;
  onClose: () => void;
  onDone: () => void;
}

export function GiftDialog({ from, onClose, onDone }: GiftDialogProps) {
  const [to, setTo] = useState<CustomerView | null>(null);
  const [coins, setCoins] = useState('');
  const [kind, setKind] = useState<'gift' | 'tip'>('gift');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const coinsOk = /^[1-9]\d{0,11}$/.test(coins.trim());

  const give = async () => {
    if (!to || !coinsOk || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await client.invoke('coins.gift', {
        fromCustomerId: from.id,
        toCustomerId: to.id,
        coins: coins.trim(),
        kind,
        message: message.slice(0, 280),
      });
      toast.success(
        `${to.name} now has ${result.to.balance} coins; ${from.name} has ${result.from.balance}.`,
      );
      onDone();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Give coins"
      description={`From ${from.name} (${from.code})`}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" disabled={!to || !coinsOk || busy} onClick={() => void give()}>
            Give coins
          </Button>
        </>
      }
    >
      {to ? (
        <p className="gift-to" data-testid="gift-to">
          To <strong>{to.name}</strong> ({to.code}){' '}
          <Button variant="ghost" onClick={() => setTo(null)}>
            Change
          </Button>
        </p>
      ) : (
        <CustomerPicker onPick={(picked) => picked.id !== from.id && setTo(picked)} />
      )}
      <SegmentedControl
        label="Kind"
        value={kind}
        onValueChange={setKind}
        options={[
          { value: 'gift', label: 'Gift' },
          { value: 'tip', label: 'Tip' },
        ]}
      />
      <TextField
        label="Coins"
        inputMode="numeric"
        value={coins}
        onChange={(e) => setCoins(e.target.value)}
        error={coins.trim() !== '' && !coinsOk ? 'A whole number of coins above 0.' : undefined}
      />
      <TextField
        label="Message"
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        maxLength={280}
      />
      {error && (
        <p className="form-error" role="alert" data-testid="gift-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
