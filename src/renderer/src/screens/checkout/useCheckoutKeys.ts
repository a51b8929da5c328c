/**
 * The checkout's keyboard: a barcode scanner's fast keys ending in Enter add the item (whenever no
 * text field has the focus and no dialog is open), "/" jumps to the search, F8 or Ctrl+Enter pays.
 */
import { useEffect, useRef } from 'react';
import { isModalOpen, isTypingTarget } from '../../ui';
import { emptyScannerState, feedScanner } from './scanner';

export interface CheckoutKeyActions {
  onScan: (code: string) => void;
  onFocusSearch: () => void;
  onPay: () => void;
}

export function useCheckoutKeys(actions: CheckoutKeyActions): void {
  const actionsRef = useRef(actions);
  useEffect(() => {
    actionsRef.current = actions;
  });

  useEffect(() => {
    let scanner = emptyScannerState;
    const listener = (event: KeyboardEvent) => {
      const pay = event.key === 'F8' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey));
      if (pay) {
        event.preventDefault();
        if (!isModalOpen() && !event.repeat) actionsRef.current.onPay();
        return;
      }
      if (isModalOpen() || isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
        scanner = emptyScannerState;
        return;
      }
      const step = feedScanner(scanner, event.key, event.timeStamp);
      scanner = step.state;
      if (step.scanned !== null) {
        event.preventDefault();
        actionsRef.current.onScan(step.scanned);
        return;
      }
      if (step.partOfScan) {
        // Keep the scan's keys from buttons that have the focus (Enter would press them).
        event.preventDefault();
        return;
      }
      if (event.key === '/') {
        event.preventDefault();
        actionsRef.current.onFocusSearch();
      }
    };
    // Capture: the scan is seen before a focused button acts on its Enter.
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}
