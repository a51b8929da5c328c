/**
 * The numeric keypad for amounts and quantities: 1–9, 00, 0, ".", Clear and ⌫ as 64 px keys. The
 * physical keyboard drives it too (digits, "." or ",", Backspace, Delete to clear, Enter to
 * submit), and the key pressed lights up. The value is a controlled string.
 */
import { useCallback, useRef, useState } from 'react';
import { cx } from './cx';
import { BackspaceIcon } from './icons';
import { applyKeypadKey, type KeypadKey, keypadKeyFromKeyboard, type KeypadRules } from './keypadInput';
import { useKeyboardKeys } from './useKeyboardKeys';

export interface KeypadProps {
  value: string;
  onChange: (value: string) => void;
  /** Called on Enter from the keyboard. */
  onSubmit?: (value: string) => void;
  /** 0 hides the "." key's effect (whole numbers); an asset's scale for amounts. */
  maxFractionDigits?: number;
  maxLength?: number;
  /** Listen to the physical keyboard (default true). */
  captureKeyboard?: boolean;
  /** Names the keypad for screen readers, e.g. "Amount tendered keypad". */
  label?: string;
  disabled?: boolean;
  className?: string;
}

interface KeyDef {
  key: KeypadKey;
  label: string;
  name: string;
}

const layout: KeyDef[] = [
  ...(['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const).map((d) => ({ key: d, label: d, name: d })),
  { key: '00', label: '00', name: 'Double zero' },
  { key: '0', label: '0', name: '0' },
  { key: '.', label: '.', name: 'Decimal point' },
];

export function Keypad({
  value,
  onChange,
  onSubmit,
  maxFractionDigits = 0,
  maxLength = 12,
  captureKeyboard = true,
  label = 'Keypad',
  disabled = false,
  className,
}: KeypadProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [pressed, setPressed] = useState<KeypadKey | null>(null);
  const pressTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rules: KeypadRules = { maxFractionDigits, maxLength };

  const press = (key: KeypadKey) => {
    if (disabled) return;
    const next = applyKeypadKey(value, key, rules);
    if (next !== value) onChange(next);
  };

  useKeyboardKeys(
    rootRef,
    captureKeyboard && !disabled,
    useCallback(
      (event: KeyboardEvent) => {
        if (event.key === 'Enter') {
          if (!onSubmit) return false;
          onSubmit(value);
          return true;
        }
        const key = keypadKeyFromKeyboard(event.key);
        if (!key) return false;
        if (key === '.' && maxFractionDigits === 0) return false;
        const next = applyKeypadKey(value, key, { maxFractionDigits, maxLength });
        if (next !== value) onChange(next);
        // Light up the on-screen key the physical key stands for.
        setPressed(key);
        if (pressTimer.current) clearTimeout(pressTimer.current);
        pressTimer.current = setTimeout(() => setPressed(null), 140);
        return true;
      },
      [onSubmit, onChange, value, maxFractionDigits, maxLength],
    ),
  );

  return (
    <div ref={rootRef} className={cx('keypad', className)} role="group" aria-label={label}>
      {layout.map((def) => (
        <button
          key={def.key}
          type="button"
          className={cx('keypad__key', pressed === def.key && 'is-pressed')}
          aria-label={def.name === def.label ? undefined : def.name}
          disabled={disabled || (def.key === '.' && maxFractionDigits === 0)}
          onClick={() => press(def.key)}
        >
          {def.label}
        </button>
      ))}
      <button
        type="button"
        className={cx('keypad__key keypad__key--action', pressed === 'clear' && 'is-pressed')}
        disabled={disabled}
        onClick={() => press('clear')}
      >
        Clear
      </button>
      <button
        type="button"
        className={cx(
          'keypad__key keypad__key--action keypad__key--wide',
          pressed === 'backspace' && 'is-pressed',
        )}
        aria-label="Backspace"
        disabled={disabled}
        onClick={() => press('backspace')}
      >
        <BackspaceIcon size={28} />
      </button>
    </div>
  );
}
