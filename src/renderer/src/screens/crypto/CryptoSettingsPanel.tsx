/**
 * Settings › Payments › Crypto invoices: how long a customer has to pay, how long late payments are
 * still watched for, the tolerance, BIP-21's upper-case address, and printing the receipt by itself
 * when an invoice settles.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { Button, Card, LoadError, LoadingPanel, Switch, TextField, toast } from '../../ui';
import './crypto.css';

type Settings = ApiOutput<'crypto.settings'>['settings'];

const loadSettings = async () => (await client.invoke('crypto.settings', {})).settings;

export function CryptoSettingsPanel() {
  const loaded = useCoreData(loadSettings);
  // What the last save answered, else what was read.
  const [saved, setSaved] = useState<Settings | null>(null);
  const settings = saved ?? (loaded.kind === 'ready' ? loaded.data : null);
  const [expiry, setExpiry] = useState('');
  const [monitoring, setMonitoring] = useState('');
  const [tolerance, setTolerance] = useState('');
  const [spread, setSpread] = useState('');
  // The fields start from the settings shown, and again after each save.
  useEffect(() => {
    if (!settings) return;
    setExpiry(String(settings.expiryMinutes));
    setMonitoring(String(settings.monitoringHours));
    setTolerance(settings.tolerancePercent);
    setSpread(settings.spreadPercent);
  }, [settings]);
  const save = async (patch: Partial<Settings>) => {
    try {
      const { settings: next } = await client.invoke('crypto.saveSettings', {
        ...(patch.expiryMinutes !== undefined ? { expiryMinutes: patch.expiryMinutes } : {}),
        ...(patch.monitoringHours !== undefined ? { monitoringHours: patch.monitoringHours } : {}),
        ...(patch.tolerancePercent !== undefined ? { tolerancePercent: patch.tolerancePercent } : {}),
        ...(patch.spreadPercent !== undefined ? { spreadPercent: patch.spreadPercent } : {}),
        ...(patch.bip21Uppercase !== undefined ? { bip21Uppercase: patch.bip21Uppercase } : {}),
        ...(patch.autoPrintOnSettle !== undefined ? { autoPrintOnSettle: patch.autoPrintOnSettle } : {}),
      });
      setSaved(next);
      toast.success('Crypto settings saved.');
    } catch (failure) {
      toast.error(failure, { title: 'The crypto settings were not saved' });
    }
  };
  return (
    <Card
      title="Crypto invoices"
      description="How long a customer has to pay, and what the till does when they have."
    >
      {!settings && loaded.kind === 'loading' && <LoadingPanel label="Loading the crypto settings" />}
      {!settings && loaded.kind === 'error' && <LoadError message={loaded.message} onRetry={loaded.reload} />}
      {settings && (
        <div className="crypto-form">
          <TextField
            label="Minutes to pay"
            inputMode="numeric"
            value={expiry}
            onChange={(e) => setExpiry(e.target.value.replace(/\D/g, '').slice(0, 4))}
          />
          <TextField
            label="Hours late payments are watched"
            inputMode="numeric"
            value={monitoring}
            onChange={(e) => setMonitoring(e.target.value.replace(/\D/g, '').slice(0, 3))}
          />
          <TextField
            label="Tolerance (%)"
            inputMode="decimal"
            value={tolerance}
            onChange={(e) => setTolerance(e.target.value.slice(0, 6))}
          />
          <TextField
            label="Spread over the market rate (%)"
            hint="Taken off the rate an invoice locks, for the exchange's fees (0 to 20)."
            inputMode="decimal"
            value={spread}
            onChange={(e) => setSpread(e.target.value.slice(0, 6))}
          />
          <Button
            variant="secondary"
            onClick={() =>
              void save({
                expiryMinutes: Number(expiry),
                monitoringHours: Number(monitoring),
                tolerancePercent: tolerance,
                spreadPercent: spread,
              })
            }
          >
            Save
          </Button>
          <Switch
            label="Bitcoin address in upper case inside the QR"
            hint="A smaller QR (BIP-173); a few wallets refuse it."
            checked={settings.bip21Uppercase}
            onCheckedChange={(bip21Uppercase) => void save({ bip21Uppercase })}
          />
          <Switch
            label="Print the receipt when an invoice is paid"
            checked={settings.autoPrintOnSettle}
            onCheckedChange={(autoPrintOnSettle) => void save({ autoPrintOnSettle })}
          />
        </div>
      )}
    </Card>
  );
}
