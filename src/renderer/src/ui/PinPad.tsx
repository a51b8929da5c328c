/**
 * The PIN pad: masked dots, 1–9 / ⌫ / 0 / Enter as large keys, driven by the physical keyboard
 * too. It submits by itself when `length` digits are typed (when the PIN's length is known) or at
 * `maxLength`, and on Enter. When `onSubmit` rejects, the dots shake and clear; the caller shows
 * the reason in `error`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { cx } from './cx';
import { BackspaceIcon, CheckIcon } from './icons';
import { Spinner } from './Spinner';
import { useKeyboardKeys } from './useKeyboardKeys';

export interface PinPadProps {
  onSubmit: (pin: string) => Promise<unknown>;
  /** Names the pad, e.g. "PIN for Maya". */
  label: string;
  /** The exact length, when known: the pad submits as soon as it is reached. */
  length?: number;
  minLength?: number;
  maxLength?: number;
  /** Why the last attempt failed, shown under the dots. */
  error?: string | null;
  /** Typing starts, clearing the previous error. */
  onInput?: () => void;
  disabled?: boolean;
  className?: string;
}

const shakeMs = 420;

export function PinPad({
  onSubmit,
  label,
  length,
  minLength = 4,
  maxLength = 8,
  error,
  onInput,
  disabled = false,
  className,
}: PinPadProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [shaking, setShaking] = useState(false);
  const limit = length ?? maxLength;
  const inactive = disabled || busy;

  useEffect(() => {
    if (!shaking) return;
    const timer = setTimeout(() => setShaking(false), shakeMs);
    return () => clearTimeout(timer);
  }, [shaking]);

  const submit = useCallback(
    async (value: string) => {
      if (value.length < (length ?? minLength)) {
        setShaking(true);
        return;
      }
      setBusy(true);
      try {
        await onSubmit(value);
      } catch {
        setShaking(true);
      } finally {
        setPin('');
        setBusy(false);
      }
    },
    [length, minLength, onSubmit],
  );

  const type = useCallback(
    (digit: string) => {
      if (inactive || pin.length >= limit) return;
      if (pin === '') onInput?.();
      const next = pin + digit;
      setPin(next);
      if (next.length === limit) void submit(next);
    },
    [inactive, limit, onInput, pin, submit],
  );

  const erase = useCallback(() => {
    if (!inactive) setPin((current) => current.slice(0, -1));
  }, [inactive]);

  useKeyboardKeys(
    rootRef,
    !inactive,
    useCallback(
      (event: KeyboardEvent) => {
        if (/^[0-9]$/.test(event.key)) {
          type(event.key);
          return true;
        }
        if (event.key === 'Backspace') {
          erase();
          return true;
        }
        if (event.key === 'Escape' && pin.length > 0) {
          setPin('');
          return true;
        }
        if (event.key === 'Enter') {
          void submit(pin);
          return true;
        }
        return false;
      },
      [erase, pin, submit, type],
    ),
  );

  const slots = Math.max(length ?? minLength, pin.length);
  return (
    <div ref={rootRef} className={cx('pinpad', className)} role="group" aria-label={label}>
      <div className={cx('pinpad__dots', shaking && 'is-shaking', error && 'is-error')} aria-hidden="true">
        {Array.from({ length: slots }, (_, index) => (
          <span key={index} className={cx('pinpad__dot', index < pin.length && 'is-filled')} />
        ))}
      </div>
      <p className="visually-hidden" role="status">
        {pin.length === 0 ? 'No digits entered' : `${pin.length} of up to ${limit} digits entered`}
      </p>
      <p className="pinpad__error" role="alert">
        {error ?? ''}
      </p>
      <div className="pinpad__keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => (
          <button
            key={digit}
            type="button"
            className="keypad__key"
            disabled={inactive}
            onClick={() => type(digit)}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="keypad__key keypad__key--action"
          aria-label="Delete last digit"
          disabled={inactive || pin.length === 0}
          onClick={erase}
        >
          <BackspaceIcon size={28} />
        </button>
        <button type="button" className="keypad__key" disabled={inactive} onClick={() => type('0')}>
          0
        </button>
        <button
          type="button"
          className="keypad__key keypad__key--submit"
          aria-label="Enter PIN"
          disabled={inactive || pin.length < (length ?? minLength)}
          onClick={() => void submit(pin)}
        >
          {busy ? <Spinner size={26} /> : <CheckIcon size={30} />}
        </button>
      </div>
    </div>
  );
}
