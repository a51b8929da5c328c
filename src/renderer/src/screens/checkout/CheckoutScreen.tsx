/**
 * Checkout: where sales are rung up. Products on the left (categories, search, a barcode scanner,
 * a keypad for custom amounts), the sale on the right as the core priced it, then Pay. Without an
 * open shift it says so and leads to the Shift screen.
 */
import { useEffect, useRef, useState } from 'react';
import { client } from '../../api';
import { navigate } from '../../app/router';
import { parseRoutePath } from '../../app/routes';
import { ApiCallError } from '../../../../shared/api/errors';
import { Button, EmptyState, ShiftIcon, Spinner, toast } from '../../ui';
import { CartPanel } from './CartPanel';
import { CatalogPanel } from './CatalogPanel';
import { CustomTipDialog } from './CustomTipDialog';
import { useCurrentShift, useStoreSettings } from './hooks';
import { checkout, useCheckout } from './instance';
import { LineEditorDialog } from './LineEditorDialog';
import { OrderDiscountDialog } from './OrderDiscountDialog';
import { PaymentDialog } from './PaymentDialog';
import { type OrderLineView, type StoreSettings } from './types';
import { useCheckoutKeys } from './useCheckoutKeys';
import { VoidOrderDialog } from '../orders/VoidOrderDialog';
import './forms.css';
import './checkout.css';

export function CheckoutScreen() {
  const { settings, reload: reloadSettings } = useStoreSettings();
  const { shift, reload: reloadShift } = useCurrentShift();

  if (shift.kind === 'loading' || settings.kind === 'loading') {
    return (
      <div className="checkout-state">
        <Spinner size={36} label="Loading the checkout" />
      </div>
    );
  }
  if (shift.kind === 'error' || settings.kind === 'error') {
    const message =
      shift.kind === 'error' ? shift.message : settings.kind === 'error' ? settings.message : '';
    return (
      <div className="checkout-state" role="alert">
        <EmptyState
          title="The checkout could not load"
          action={
            <Button
              variant="primary"
              size="lg"
              onClick={() => {
                reloadShift();
                reloadSettings();
              }}
            >
              Try again
            </Button>
          }
        >
          <p>{message}</p>
        </EmptyState>
      </div>
    );
  }
  if (shift.value === null) return <NoShift />;
  return (
    <Checkout
      settings={settings.value}
      payBlockedReason={
        shift.value.status === 'closing'
          ? `Shift ${shift.value.number} is closing: payments wait until it is closed or its close is cancelled.`
          : null
      }
    />
  );
}

function NoShift() {
  const shiftRoute = parseRoutePath('/shift');
  return (
    <div className="checkout-state">
      <EmptyState
        icon={<ShiftIcon />}
        title="No shift is open"
        action={
          shiftRoute && (
            <Button variant="primary" size="lg" onClick={() => navigate(shiftRoute)}>
              Open shift
            </Button>
          )
        }
      >
        <p>Sales start once a shift is open on this till, with the cash float counted into the drawer.</p>
      </EmptyState>
    </div>
  );
}

function Checkout({
  settings,
  payBlockedReason,
}: {
  settings: StoreSettings;
  payBlockedReason: string | null;
}) {
  const order = useCheckout((state) => state.order);
  const restoring = useCheckout((state) => state.restoring);
  const pending = useCheckout((state) => state.pending);
  const searchRef = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<OrderLineView | null>(null);
  const [dialog, setDialog] = useState<'discount' | 'tip' | 'void' | 'pay' | null>(null);
  const open = order && order.status === 'open' ? order : null;
  const currency = open?.currency ?? settings.currency;

  // Read the cart again whenever the screen opens: another shift or member may have moved it on.
  useEffect(() => {
    void checkout
      .restore()
      .then(() => checkout.refresh())
      .catch(() => undefined);
  }, []);

  // The sale changed elsewhere (paid or voided on another screen): read it again.
  useEffect(
    () =>
      client.on('order.updated', ({ orderId, status }) => {
        const shown = checkout.store.getState().order;
        if (shown && shown.id === orderId && shown.status !== status) void checkout.refresh();
      }),
    [],
  );

  const fail = (error: unknown) => {
    toast.error(error);
  };

  const startPay = () => {
    if (!open || open.lines.length === 0 || payBlockedReason) return;
    setDialog('pay');
  };

  useCheckoutKeys({
    onScan: (code) => {
      checkout.addLine({ barcode: code }).catch((error: unknown) => {
        if (error instanceof ApiCallError && error.code === 'not_found') {
          toast.error(`No product has the barcode or SKU “${code}”.`, { title: 'Unknown barcode' });
        } else {
          fail(error);
        }
      });
    },
    onFocusSearch: () => searchRef.current?.focus(),
    onPay: startPay,
  });

  return (
    <div className="checkout">
      <CatalogPanel currency={currency} searchRef={searchRef} onAdd={(item) => checkout.addLine(item)} />
      <CartPanel
        order={open}
        settings={settings}
        restoring={restoring}
        busy={pending > 0}
        payBlockedReason={payBlockedReason}
        onEditLine={setEditing}
        onQuantity={(line, quantity) => void checkout.setQuantity(line.id, quantity).catch(fail)}
        onRemove={(line) => void checkout.removeLine(line.id).catch(fail)}
        onDiscount={() => setDialog('discount')}
        onVoid={() => setDialog('void')}
        onTip={(tip) => void checkout.setTip(tip).catch(fail)}
        onCustomTip={() => setDialog('tip')}
        onPay={startPay}
      />

      <LineEditorDialog
        line={editing && open ? (open.lines.find((line) => line.id === editing.id) ?? null) : null}
        currency={currency}
        discountLimitPercent={settings.discountLimitPercent}
        onClose={() => setEditing(null)}
        onSave={async (line, change, reason) => {
          const result = await checkout.updateLine(line.id, change, reason);
          if (result) setEditing(null);
        }}
        onRemove={async (line) => {
          // Null: a manager was asked (the discount went over the limit) and it was cancelled.
          if (await checkout.removeLine(line.id)) setEditing(null);
        }}
      />
      <OrderDiscountDialog
        open={dialog === 'discount' && open !== null}
        current={open?.discount ?? null}
        currency={currency}
        discountLimitPercent={settings.discountLimitPercent}
        onClose={() => setDialog(null)}
        onApply={async (discount, reason) => {
          const result = await checkout.setDiscount(discount, reason);
          if (result) setDialog(null);
        }}
      />
      <CustomTipDialog
        open={dialog === 'tip' && open !== null}
        current={open?.tip ?? null}
        currency={currency}
        onClose={() => setDialog(null)}
        onApply={async (tip) => {
          await checkout.setTip(tip);
          setDialog(null);
        }}
      />
      <VoidOrderDialog
        order={
          dialog === 'void' && open
            ? {
                id: open.id,
                number: open.number,
                currency: open.currency,
                totalMinor: open.totals.totalMinor,
                lineCount: open.lines.length,
              }
            : null
        }
        onClose={() => setDialog(null)}
        onVoid={async (reason) => {
          try {
            const voided = await checkout.voidOrder(reason);
            if (voided) {
              setDialog(null);
              toast.success(`Sale #${voided.number} voided.`);
            }
          } catch (error) {
            fail(error);
            throw error;
          }
        }}
      />
      <PaymentDialog
        open={dialog === 'pay'}
        order={order}
        onOrder={(next) => checkout.applyOrder(next)}
        onClose={() => setDialog(null)}
        onNewSale={() => {
          checkout.clear();
          setDialog(null);
        }}
      />
    </div>
  );
}
