/**
 * Taking cash: the amount due (after cash rounding when the currency needs it), the quick amounts
 * the core offers (Exact, the next bills), a keypad for what the customer handed over, and for a
 * split tender the amount of the sale to pay in cash now. The core works out the change; a retry
 * of the same payment keeps its id, so it is never taken twice.
 */
import { monotonicFactory } from 'ulid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { useCoreData } from '../../api/coreData';
import { assetScale } from '../../../../shared/money';
import {
  Button,
  ChevronLeftIcon,
  formatAmount,
  isTypingTarget,
  Keypad,
  LoadError,
  Money,
  NumberField,
  toast,
  useDisplayLocale,
} from '../../ui';
import { typedAmountToMinor } from './cartView';
import { type OrderView } from './types';

const newPaymentId = monotonicFactory();

export interface LastCashPayment {
  amountMinor: string;
  tenderedMinor: string;
  changeMinor: string;
}

export interface CashStepProps {
  order: OrderView;
  onBack: () => void;
  onPaid: (order: OrderView, payment: LastCashPayment) => void;
  /** True while a payment is on its way (the dialog then cannot be closed). */
  onBusyChange: (busy: boolean) => void;
}

function readAmount(text: string, currency: string): { minor: string | null; error: string | null } {
  try {
    return { minor: typedAmountToMinor(text, currency), error: null };
  } catch (error) {
    return { minor: null, error: error instanceof Error ? error.message : 'This amount cannot be used.' };
  }
}

export function CashStep({ order, onBack, onPaid, onBusyChange }: CashStepProps) {
  const locale = useDisplayLocale();
  const currency = order.currency;
  const money = (amount: string) => ({ amount, asset: currency });
  const [tenderedText, setTenderedText] = useState('');
  const [applyText, setApplyText] = useState('');
  const [busy, setBusy] = useState(false);
  // The id of the payment being tried, kept while its amounts stay the same (idempotent retries).
  const attempt = useRef<{ key: string; paymentId: string } | null>(null);

  const apply = readAmount(applyText, currency);
  const tendered = readAmount(tenderedText, currency);
  const splitting = apply.minor !== null && BigInt(apply.minor) > 0n;
  const typedMinor = tendered.minor !== null && BigInt(tendered.minor) > 0n ? tendered.minor : null;

  // The change is the core's: each quick amount and the typed amount are planned as payments.cash
  // would take them (what is shown stays until the next answer, so the buttons do not blink).
  const splitMinor = splitting ? apply.minor : null;
  const quickKey = `${order.id}|${order.amountDueMinor}|${splitMinor ?? ''}`;
  const loadQuick = useCallback(
    async () => ({
      key: quickKey,
      ...(await client.invoke('payments.quickAmounts', {
        orderId: order.id,
        ...(splitMinor ? { amount: splitMinor } : {}),
        ...(typedMinor ? { tendered: typedMinor } : {}),
      })),
    }),
    [quickKey, order.id, splitMinor, typedMinor],
  );
  /** The core's plan of the quick amounts (each with its change) and of the typed amount. */
  const quickData = useCoreData(loadQuick);
  const quick = quickData.kind === 'ready' ? quickData.data : null;
  /** What this cash payment covers: the amount to apply, or everything due (cash-rounded). */
  const coversMinor = splitting && apply.minor ? apply.minor : order.cashAmountDueMinor;
  const rounded = order.cashAmountDueMinor !== order.amountDueMinor;

  const pay = async (tenderedMinor: string) => {
    if (busy) return;
    const key = `${tenderedMinor}|${splitting ? apply.minor : ''}`;
    if (!attempt.current || attempt.current.key !== key) attempt.current = { key, paymentId: newPaymentId() };
    setBusy(true);
    onBusyChange(true);
    try {
      const result = await client.invoke('payments.cash', {
        orderId: order.id,
        paymentId: attempt.current.paymentId,
        tendered: tenderedMinor,
        ...(splitting && apply.minor ? { amount: apply.minor } : {}),
      });
      attempt.current = null;
      onPaid(result.order, {
        amountMinor: result.payment.amountMinor,
        tenderedMinor: result.payment.tenderedMinor ?? tenderedMinor,
        changeMinor: result.changeMinor,
      });
    } catch (error) {
      toast.error(error, { title: 'The cash payment did not go through' });
    } finally {
      setBusy(false);
      onBusyChange(false);
    }
  };

  const payTyped = () => {
    if (tendered.minor !== null) void pay(tendered.minor);
  };

  // Enter takes the typed cash, unless a button outside the keypad (Exact, a bill) or a field has the
  // focus: then Enter is theirs.
  const payTypedRef = useRef(payTyped);
  useEffect(() => {
    payTypedRef.current = payTyped;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey)
        return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && isTypingTarget(target)) return;
      if (target?.closest('button, a') && !target.closest('.keypad')) return;
      event.preventDefault();
      payTypedRef.current();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // Options planned for another amount due or split are not offered (a tap would pay something else).
  const quickOptions = quick?.key === quickKey ? quick.options : null;
  // The typed amount's change (or why it cannot be taken), once the core has answered for it.
  const typed = quick?.typed && quick.typed.tenderedMinor === typedMinor ? quick.typed : null;
  const tenderedShown = formatAmount(money(tendered.minor ?? '0'), locale).text;

  return (
    <div className="cash-step">
      <div className="cash-step__side">
        <Button
          variant="ghost"
          icon={<ChevronLeftIcon />}
          onClick={onBack}
          disabled={busy}
          className="cash-step__back"
        >
          Other ways to pay
        </Button>
        <div className="due-card">
          <span className="due-card__label">{splitting ? 'Cash to take now' : 'Cash due'}</span>
          <Money value={money(coversMinor)} size="xl" className="due-card__amount" data-testid="cash-due" />
          {rounded && !splitting && (
            <span className="due-card__note">
              Rounded for cash from <Money value={money(order.amountDueMinor)} size="sm" />
            </span>
          )}
          {splitting && (
            <span className="due-card__note">
              of <Money value={money(order.amountDueMinor)} size="sm" /> due; the rest is paid next
            </span>
          )}
        </div>
        <NumberField
          label="Amount to apply"
          hint="Split payment: the part of the sale to pay in cash now. Empty pays it all."
          value={applyText}
          onValueChange={setApplyText}
          maxFractionDigits={assetScale(currency)}
          maxLength={14}
          suffix={currency}
          error={apply.error ?? undefined}
          disabled={busy}
        />
        <div className="quick-amounts" role="group" aria-label="Quick amounts">
          {quickData.kind === 'error' ? (
            <LoadError message={quickData.message} onRetry={quickData.reload} />
          ) : quickOptions === null ? (
            [0, 1, 2, 3].map((index) => (
              <span key={index} className="quick-amounts__placeholder" aria-hidden="true" />
            ))
          ) : (
            quickOptions.map((option, index) => (
              <Button
                key={`${index}-${option.tenderedMinor}`}
                variant={index === 0 ? 'primary' : 'secondary'}
                size="lg"
                disabled={busy}
                onClick={() => void pay(option.tenderedMinor)}
                aria-label={
                  index === 0
                    ? 'Exact'
                    : `${formatAmount(money(option.tenderedMinor), locale).text}, change ${formatAmount(money(option.changeMinor), locale).text}`
                }
              >
                {index === 0 ? (
                  <span className="quick-amounts__exact">
                    Exact <Money value={money(option.tenderedMinor)} size="sm" />
                  </span>
                ) : (
                  <span className="quick-amounts__option">
                    <Money value={money(option.tenderedMinor)} />
                    <span className="quick-amounts__change">
                      → change <Money value={money(option.changeMinor)} size="sm" />
                    </span>
                  </span>
                )}
              </Button>
            ))
          )}
        </div>
      </div>
      <div className="cash-step__pad">
        <div className="tendered">
          <span className="tendered__label" id="tendered-label">
            Cash tendered
          </span>
          <output className="tendered__amount tabular" aria-labelledby="tendered-label" aria-live="polite">
            {tenderedShown}
          </output>
          {tendered.error && (
            <span className="tendered__error" role="alert">
              {tendered.error}
            </span>
          )}
          {!tendered.error && typed && (
            <span
              className={typed.ok ? 'tendered__change' : 'tendered__error'}
              data-testid="typed-change"
              role="status"
            >
              {typed.ok ? (
                <>
                  Change <Money value={money(typed.changeMinor)} size="sm" />
                </>
              ) : (
                typed.problem
              )}
            </span>
          )}
        </div>
        <Keypad
          value={tenderedText}
          onChange={setTenderedText}
          maxFractionDigits={assetScale(currency)}
          maxLength={12}
          label="Cash tendered keypad"
          disabled={busy}
        />
        <Button
          variant="primary"
          size="xl"
          block
          loading={busy}
          disabled={tendered.minor === null || BigInt(tendered.minor) === 0n}
          onClick={payTyped}
        >
          Take cash
        </Button>
      </div>
    </div>
  );
}
