/**
 * The one field for a quantity of items: a NumberField whose text is read by readQuantity (whole
 * numbers from `min` to `max`, digits only). What was typed stays; a sentence beside it says why
 * it cannot be used.
 */
import { type NumberFieldProps, NumberField } from './NumberField';
import { readQuantity } from './quantityInput';

export interface QuantityFieldProps extends Omit<NumberFieldProps, 'maxFractionDigits' | 'problemOf'> {
  min?: number;
  max?: number;
}

export function QuantityField({ min, max, ...rest }: QuantityFieldProps) {
  return (
    <NumberField
      {...rest}
      maxFractionDigits={0}
      problemOf={(text) => {
        if (text.trim() === '') return null;
        const read = readQuantity(text, { min, max });
        return read.ok ? null : read.message;
      }}
    />
  );
}
