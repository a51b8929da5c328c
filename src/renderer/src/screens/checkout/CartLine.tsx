/**
 * One line of the cart: tap the name to edit it (quantity, discount, remove); − and + change the
 * quantity by one, and at one item the − becomes a bin that removes the line. Amounts are the core's: the unit price, the line's discount and the
 * line's total.
 */
import { IconButton, MinusIcon, Money, PlusIcon, TrashIcon } from '../../ui';
import { discountLabel, isUntaxedLine, lineHasDiscount, negated } from './cartView';
import { type OrderLineView } from './types';

export interface CartLineProps {
  line: OrderLineView;
  currency: string;
  onEdit: (line: OrderLineView) => void;
  onQuantity: (line: OrderLineView, quantity: number) => void;
  onRemove: (line: OrderLineView) => void;
}

export function CartLine({ line, currency, onEdit, onQuantity, onRemove }: CartLineProps) {
  const money = (amount: string) => ({ amount, asset: currency });
  return (
    <li className="cart-line">
      <button
        type="button"
        className="cart-line__main"
        onClick={() => onEdit(line)}
        aria-label={`Edit ${line.name}`}
      >
        <span className="cart-line__name">{line.name}</span>
        <span className="cart-line__meta">
          {line.quantity} × <Money value={money(line.unitPriceMinor)} size="sm" />
          {isUntaxedLine(line) && <span className="cart-line__untaxed">No tax</span>}
          {lineHasDiscount(line) && (
            <span className="cart-line__discount">
              <Money value={money(negated(line.lineDiscountMinor))} size="sm" />
              {line.discount?.kind === 'percent' && ` (${discountLabel(line.discount)})`}
            </span>
          )}
        </span>
      </button>
      <div className="cart-line__controls" role="group" aria-label={`Quantity of ${line.name}`}>
        {line.quantity > 1 ? (
          <IconButton
            label={`One less ${line.name}`}
            icon={<MinusIcon size={20} />}
            variant="secondary"
            onClick={() => onQuantity(line, line.quantity - 1)}
          />
        ) : (
          <IconButton
            label={`Remove ${line.name}`}
            icon={<TrashIcon size={20} />}
            variant="secondary"
            className="cart-line__remove"
            onClick={() => onRemove(line)}
          />
        )}
        <span className="cart-line__qty tabular" aria-label={`Quantity ${line.quantity}`}>
          {line.quantity}
        </span>
        <IconButton
          label={`One more ${line.name}`}
          icon={<PlusIcon size={20} />}
          variant="secondary"
          onClick={() => onQuantity(line, line.quantity + 1)}
        />
      </div>
      <Money value={money(line.grossMinor)} className="cart-line__total" />
    </li>
  );
}
