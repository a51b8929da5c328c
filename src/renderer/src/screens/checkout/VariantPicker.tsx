/** The dialog that asks which variant of a product to add (size, colour...), each with its price. */
import { Dialog, Money } from '../../ui';
import { priceIn } from './cartView';
import { type Product, type Variant } from './types';

export interface VariantPickerProps {
  product: Product | null;
  currency: string;
  onPick: (variant: Variant) => void;
  onClose: () => void;
}

export function VariantPicker({ product, currency, onPick, onClose }: VariantPickerProps) {
  return (
    <Dialog
      open={product !== null}
      onClose={onClose}
      title={product?.name ?? ''}
      description="Pick one to add it to the sale."
      size="sm"
    >
      {product && (
        <ul className="variant-list">
          {product.variants.map((variant) => {
            const price = priceIn(variant, currency);
            const outOfStock = variant.trackStock && variant.onHand <= 0;
            return (
              <li key={variant.id}>
                <button
                  type="button"
                  className="variant-list__item"
                  disabled={price === null}
                  onClick={() => onPick(variant)}
                >
                  <span className="variant-list__name">{variant.name || product.name}</span>
                  {outOfStock && <span className="product-tile__stock">Out of stock</span>}
                  <span className="variant-list__price">
                    {price === null ? (
                      `No price in ${currency}`
                    ) : (
                      <Money value={{ amount: price, asset: currency }} />
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
