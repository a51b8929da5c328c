/**
 * What the picked refund would give back, as the core works it out (orders.refundQuote): the
 * refund dialog shows it before the cashier confirms, and the manager's approval shows it too.
 * Asked again a moment after the pick or the tender changes; null while asking or with nothing picked.
 */
import { useEffect, useState } from 'react';
import { client } from '../../api';
import { type ApiOutput } from '../../../../shared/api';

export type RefundQuote = ApiOutput<'orders.refundQuote'>;

export function useRefundQuote(
  orderId: string,
  lines: readonly { lineId: string; quantity: number }[],
  tender: string | undefined,
): { quote: RefundQuote | null; problem: string | null } {
  const key = JSON.stringify([orderId, lines, tender ?? null]);
  const [state, setState] = useState<{ key: string; quote: RefundQuote | null; problem: string | null }>({
    key: '',
    quote: null,
    problem: null,
  });
  useEffect(() => {
    const [id, picked, kind] = JSON.parse(key) as [
      string,
      { lineId: string; quantity: number }[],
      string | null,
    ];
    if (picked.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      client
        .invoke('orders.refundQuote', { orderId: id, lines: picked, ...(kind ? { tender: kind } : {}) })
        .then(
          (quote) => live && setState({ key, quote, problem: null }),
          (error: unknown) =>
            live &&
            setState({ key, quote: null, problem: error instanceof Error ? error.message : String(error) }),
        );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state.key === key ? { quote: state.quote, problem: state.problem } : { quote: null, problem: null };
}
