/**
 * One product on the checkout grid: its image (or its initial on the category's colour), name and
 * price in the store currency; "from" when its variants differ; out of stock when it tracks stock
 * and has none. A tap adds it (or opens the variant picker, see CatalogPanel).
 */
import { Money } from '../../ui';
import { tilePrice } from './cartView';
import { useProductImage } from './hooks';
import { type Product } from './types';

export interface ProductTileProps {
  product: Product;
  currency: string;
  color: string;
  onPick: (product: Product) => void;
}

export function ProductTile({ product, currency, color, onPick }: ProductTileProps) {
  const image = useProductImage(product);
  const price = tilePrice(product, currency);
  const variants = product.variants.length;
  const outOfStock = product.variants.every((variant) => variant.trackStock && variant.onHand <= 0);
  return (
    <button
      type="button"
      className="product-tile"
      onClick={() => onPick(product)}
      disabled={price.kind === 'none'}
      aria-haspopup={variants > 1 ? 'dialog' : undefined}
    >
      <span
        className={color ? 'product-tile__art' : 'product-tile__art product-tile__art--plain'}
        style={color ? { backgroundColor: color } : undefined}
        aria-hidden="true"
      >
        {image ? (
          <img src={image} alt="" draggable={false} />
        ) : (
          <span>{product.name.slice(0, 1).toUpperCase()}</span>
        )}
      </span>
      <span className="product-tile__name">{product.name}</span>
      <span className="product-tile__meta">
        {price.kind === 'none' ? (
          <span className="product-tile__note">No price in {currency}</span>
        ) : (
          <span className="product-tile__price">
            {price.kind === 'from' && <span className="product-tile__from">from </span>}
            <Money value={{ amount: price.amountMinor, asset: currency }} />
          </span>
        )}
        {variants > 1 && <span className="product-tile__note">{variants} options</span>}
        {outOfStock && <span className="product-tile__stock">Out of stock</span>}
      </span>
    </button>
  );
}
