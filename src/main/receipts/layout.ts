/** The two page layouts a receipt is drawn in: an 80 mm thermal roll, or an A4 invoice-style page. */
import { TillpointError } from '../../shared/api/errors';

export const receiptLayouts = ['thermal80', 'a4'] as const;
export type ReceiptLayout = (typeof receiptLayouts)[number];

/** Refuses a layout that is not one of `receiptLayouts` (the options may come from outside TypeScript). */
export function assertReceiptLayout(layout: unknown): asserts layout is ReceiptLayout {
  if (!receiptLayouts.includes(layout as ReceiptLayout)) {
    throw new TillpointError(
      'bad_input',
      `Unknown receipt layout "${String(layout)}"; use one of ${receiptLayouts.join(', ')}`,
      { layout },
    );
  }
}
