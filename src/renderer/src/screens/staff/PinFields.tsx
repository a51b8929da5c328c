/** A new PIN typed twice, side by side; digits only, up to 8 (or the store's fixed length). */
import { useStoreSettings } from '../../api/sharedData';
import { TextField } from '../../ui';
import { pinLengthRule } from './staffForm';

/** The store's fixed PIN length from the shared settings; 0 while not known or not fixed. */
export function useFixedPinLength(): number {
  const { settings } = useStoreSettings();
  return settings.kind === 'loaded' ? settings.value.pinLength : 0;
}

export interface PinFieldsProps {
  pin: string;
  pinAgain: string;
  errors: { pin?: string; pinAgain?: string };
  onPin: (pin: string) => void;
  onPinAgain: (pin: string) => void;
  label?: string;
}

export function PinFields({ pin, pinAgain, errors, onPin, onPinAgain, label = 'PIN' }: PinFieldsProps) {
  const pinLength = useFixedPinLength();
  const digitsOnly = (text: string) => text.replace(/\D/g, '').slice(0, pinLength || 8);
  return (
    <div className="form-grid">
      <TextField
        label={label}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        hint={`${pinLengthRule(pinLength).replace(/^./, (c) => c.toUpperCase())}, not easy to guess.`}
        value={pin}
        error={errors.pin}
        onChange={(event) => onPin(digitsOnly(event.target.value))}
      />
      <TextField
        label={`${label} again`}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        value={pinAgain}
        error={errors.pinAgain}
        onChange={(event) => onPinAgain(digitsOnly(event.target.value))}
      />
    </div>
  );
}
