/**
 * The variants of a product in the editor: name, SKU, price (typed in the store's locale),
 * barcodes, whether stock is tracked, and for a saved variant that tracks stock its units on hand
 * with the way to the stock dialog. Fields are named per variant once there are several.
 */
import { type ReactNode } from 'react';
import { Button, IconButton, MinusIcon, MoneyField, PlusIcon, Switch, TextField } from '../../ui';
import { emptyVariant, type VariantErrors, type VariantForm } from './productForm';
import { stockLevel } from './productRows';

export interface VariantEditorProps {
  variants: VariantForm[];
  errors: Record<string, VariantErrors>;
  currency: string;
  disabled: boolean;
  /** The ids of variants whose stock is tracked as last saved (only those have a stock to manage). */
  savedTracked: ReadonlySet<string>;
  onChange: (variants: VariantForm[]) => void;
  onOpenStock: (variant: VariantForm) => void;
}

export function VariantEditor({
  variants,
  errors,
  currency,
  disabled,
  savedTracked,
  onChange,
  onOpenStock,
}: VariantEditorProps) {
  const several = variants.length > 1;
  const update = (key: string, patch: Partial<VariantForm>) =>
    onChange(variants.map((variant) => (variant.key === key ? { ...variant, ...patch } : variant)));
  const named = (label: string, index: number): ReactNode =>
    several ? (
      <>
        {label}
        <span className="visually-hidden"> of variant {index + 1}</span>
      </>
    ) : (
      label
    );

  return (
    <div className="variants">
      <ol className="variants__list">
        {variants.map((variant, index) => {
          const variantErrors = errors[variant.key] ?? {};
          const hasStock = variant.id !== undefined && savedTracked.has(variant.id);
          const level = stockLevel(variant.onHand);
          return (
            <li
              key={variant.key}
              className="variant-row"
              aria-label={several ? `Variant ${index + 1}` : undefined}
            >
              <div className="variant-row__fields">
                <TextField
                  label={named('Variant name', index)}
                  placeholder={several ? 'e.g. Large' : 'Optional'}
                  value={variant.name}
                  maxLength={100}
                  disabled={disabled}
                  error={variantErrors.name}
                  onChange={(event) => update(variant.key, { name: event.target.value })}
                />
                <TextField
                  label={named('SKU', index)}
                  value={variant.sku}
                  maxLength={64}
                  autoComplete="off"
                  spellCheck={false}
                  disabled={disabled}
                  error={variantErrors.sku}
                  onChange={(event) => update(variant.key, { sku: event.target.value })}
                />
                <MoneyField
                  label={named('Price', index)}
                  currency={currency}
                  value={variant.priceText}
                  disabled={disabled}
                  error={variantErrors.price}
                  onValueChange={(priceText) => update(variant.key, { priceText })}
                />
                <TextField
                  className="variant-row__barcodes"
                  label={named('Barcodes', index)}
                  hint="Separate several with commas."
                  value={variant.barcodesText}
                  autoComplete="off"
                  spellCheck={false}
                  disabled={disabled}
                  error={variantErrors.barcodes}
                  onChange={(event) => update(variant.key, { barcodesText: event.target.value })}
                />
              </div>
              <div className="variant-row__stock">
                <Switch
                  label={named('Track stock', index)}
                  checked={variant.trackStock}
                  disabled={disabled}
                  onCheckedChange={(trackStock) => update(variant.key, { trackStock })}
                />
                {hasStock ? (
                  <div className="variant-row__onhand">
                    <span className={`onhand onhand--${level}`}>
                      <strong className="tabular">{variant.onHand}</strong> on hand
                    </span>
                    <Button
                      onClick={() => onOpenStock(variant)}
                      aria-label={`Stock of ${variant.name || variant.sku}`}
                    >
                      Stock
                    </Button>
                  </div>
                ) : variant.trackStock ? (
                  <span className="muted variant-row__note">Receive stock once the product is saved.</span>
                ) : null}
                {several && !disabled && (
                  <IconButton
                    className="variant-row__remove"
                    label={`Remove variant ${index + 1}${variant.name ? ` (${variant.name})` : ''}`}
                    icon={<MinusIcon />}
                    variant="secondary"
                    onClick={() => onChange(variants.filter((other) => other.key !== variant.key))}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {!disabled && (
        <Button icon={<PlusIcon size={20} />} onClick={() => onChange([...variants, emptyVariant()])}>
          Add variant
        </Button>
      )}
    </div>
  );
}
