/**
 * On the close screen: the payments taken in this shift that are still in flight (a reader
 * collecting, a chain confirming). The shift cannot close until they settle, or until a manager
 * carries them to the next shift (`shifts.carryPayments`, with the approval dialog for a cashier).
 * Kept up to date by `payment.updated`.
 */
import { useCallback, useEffect, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { type ApiOutput } from '../../../../shared/api';
import { withApproval } from '../../app/approval';
import { Button, Money, toast } from '../../ui';

type InFlight = ApiOutput<'payments.inFlight'>['payments'][number];

export function useInFlightPayments(shiftId: string): { waiting: InFlight[]; reload: () => void } {
  const load = useCallback(
    async () => (await client.invoke('payments.inFlight', { shiftId })).payments,
    [shiftId],
  );
  const payments = useCoreData(load, { refreshOn: ['payment.updated'] });
  const failure = payments.kind === 'error' ? payments.message : null;
  useEffect(() => {
    if (failure) toast.error(failure, { title: 'Could not list the payments in flight' });
  }, [failure]);
  const list = payments.kind === 'ready' ? payments.data : [];
  return { waiting: list.filter((payment) => !payment.carried), reload: payments.reload };
}

export function InFlightPayments({
  shiftId,
  currency,
  waiting,
  onCarried,
}: {
  shiftId: string;
  currency: string;
  waiting: InFlight[];
  onCarried: () => void;
}) {
  const [busy, setBusy] = useState(false);
  if (waiting.length === 0) return null;
  const carry = async () => {
    setBusy(true);
    try {
      const result = await withApproval(
        (approval) => client.invoke('shifts.carryPayments', approval ? { approval } : {}),
        { action: 'carry_payments', ref: shiftId, reason: `${waiting.length} payment(s) still in flight` },
      );
      if (result) toast.info(`${result.carried} payment(s) will count in the shift they settle in`);
      onCarried();
    } catch (error) {
      toast.error(error, { title: 'The payments were not carried' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="inflight-payments" role="alert" data-testid="inflight-payments">
      <p>
        {waiting.length === 1 ? 'A payment is' : `${waiting.length} payments are`} still in flight. The shift
        closes when {waiting.length === 1 ? 'it settles' : 'they settle'}, or a manager carries{' '}
        {waiting.length === 1 ? 'it' : 'them'} to the next shift.
      </p>
      <ul>
        {waiting.map((payment) => (
          <li key={payment.id}>
            Sale #{payment.orderNumber} · {payment.kind} ·{' '}
            <Money value={{ amount: payment.amountMinor, asset: currency }} size="sm" />
          </li>
        ))}
      </ul>
      <Button variant="secondary" loading={busy} onClick={() => void carry()}>
        Carry to the next shift
      </Button>
    </div>
  );
}
