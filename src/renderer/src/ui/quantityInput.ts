/**
 * A quantity typed by a person: a whole number of items, digits only, from 1 to the most a line
 * may hold (the core's bound, 100,000). Read strictly: "1.5", "-3", "1e3" and "3 " + letters are
 * refused with a sentence for the field, never rounded, truncated or stripped into something else.
 */
export const maxLineQuantity = 100_000;

export type QuantityInputResult = { ok: true; quantity: number } | { ok: false; message: string };

export function readQuantity(
  text: string,
  options: { min?: number; max?: number } = {},
): QuantityInputResult {
  const min = options.min ?? 1;
  const max = options.max ?? maxLineQuantity;
  const range = `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Enter a quantity ${range}.` };
  if (!/^\d+$/.test(trimmed)) {
    return { ok: false, message: `A quantity is a whole number ${range}, digits only.` };
  }
  if (trimmed.length > String(max).length + 2)
    return { ok: false, message: `At most ${max.toLocaleString('en-US')}.` };
  const quantity = Number(trimmed);
  if (quantity < min || quantity > max)
    return { ok: false, message: `A quantity is a whole number ${range}.` };
  return { ok: true, quantity };
}
