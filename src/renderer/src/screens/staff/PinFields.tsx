/** A new PIN typed twice, side by side; digits only, up to 8. */
import { TextField } from '../../ui';

export interface PinFieldsProps {
  pin: string;
  pinAgain: string;
  errors: { pin?: string; pinAgain?: string };
  onPin: (pin: string) => void;
  onPinAgain: (pin: string) => void;
  label?: string;
}

export function PinFields({ pin, pinAgain, errors, onPin, onPinAgain, label = 'PIN' }: PinFieldsProps) {
  const digitsOnly = (text: string) => text.replace(/\D/g, '').slice(0, 8);
  return (
    <div className="form-grid">
      <TextField
        label={label}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        hint="4 to 8 digits, not easy to guess."
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
