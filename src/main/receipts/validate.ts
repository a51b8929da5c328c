/**
 * Checks a receipt model before it is printed: its shape (through `receiptModelSchema`) and that its
 * figures add up (see the sums listed in model.ts). A receipt that does not add up is a bug upstream;
 * printing it would hand the customer a wrong document, so it is refused with every problem listed.
 */
import { TillpointError } from '../../shared/api/errors';
import { type ReceiptModel, receiptModelFromJson, receiptModelToJson } from './model';

export interface ReceiptProblem {
  path: string;
  message: string;
}

const sum = (amounts: readonly bigint[]): bigint => amounts.reduce((total, amount) => total + amount, 0n);

/** The sums a well-formed receipt obeys; returns the broken ones (empty when the receipt adds up). */
export function receiptArithmeticProblems(model: ReceiptModel): ReceiptProblem[] {
  const problems: ReceiptProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  model.lines.forEach((line, index) => {
    const grossMinor = BigInt(line.quantity) * line.unitPriceMinor;
    if (grossMinor - line.discountMinor !== line.totalMinor) {
      problem(
        `lines.${index}.total`,
        `is ${line.totalMinor} but quantity × unit price − discount is ${grossMinor - line.discountMinor}`,
      );
    }
  });

  const linesTotalMinor = sum(model.lines.map((line) => line.totalMinor));
  if (linesTotalMinor !== model.subtotalMinor) {
    problem('subtotal', `is ${model.subtotalMinor} but the lines add up to ${linesTotalMinor}`);
  }
  if (model.orderDiscountMinor > model.subtotalMinor) {
    problem('orderDiscount', `${model.orderDiscountMinor} is more than the subtotal ${model.subtotalMinor}`);
  }

  const netMinor = model.subtotalMinor - model.orderDiscountMinor;
  const addedTaxMinor = sum(model.taxes.filter((tax) => !tax.inclusive).map((tax) => tax.amountMinor));
  const includedTaxMinor = sum(model.taxes.filter((tax) => tax.inclusive).map((tax) => tax.amountMinor));
  if (includedTaxMinor > netMinor) {
    problem('taxes', `included taxes ${includedTaxMinor} are more than the discounted subtotal ${netMinor}`);
  }
  const expectedTotalMinor = netMinor + addedTaxMinor + model.tipMinor;
  if (expectedTotalMinor !== model.totalMinor) {
    problem(
      'total',
      `is ${model.totalMinor} but subtotal − order discount + added taxes + tip is ${expectedTotalMinor}`,
    );
  }

  const amountDueMinor = model.totalMinor + model.cashRoundingMinor;
  if (amountDueMinor < 0n) {
    problem('cashRounding', `${model.cashRoundingMinor} takes the total below zero`);
  }

  model.tenders.forEach((tender, index) => {
    const path = `tenders.${index}`;
    if (tender.kind !== 'cash') {
      if (tender.tenderedMinor !== undefined || tender.changeMinor !== undefined) {
        problem(path, 'only a cash tender has an amount tendered and change');
      }
      return;
    }
    if (tender.changeMinor !== undefined && tender.tenderedMinor === undefined) {
      problem(`${path}.change`, 'is given without the amount tendered');
    }
    if (tender.tenderedMinor !== undefined) {
      const changeMinor = tender.changeMinor ?? 0n;
      if (tender.tenderedMinor - changeMinor !== tender.amountMinor) {
        problem(
          path,
          `tendered ${tender.tenderedMinor} − change ${changeMinor} is not the amount ${tender.amountMinor}`,
        );
      }
    }
  });

  if (model.status !== 'voided') {
    const paidMinor = sum(model.tenders.map((tender) => tender.amountMinor));
    if (paidMinor !== amountDueMinor) {
      problem('tenders', `add up to ${paidMinor} but total + cash rounding is ${amountDueMinor}`);
    }
    if (model.cashRoundingMinor !== 0n && !model.tenders.some((tender) => tender.kind === 'cash')) {
      problem('cashRounding', 'is not zero but no tender is cash');
    }
  }

  if (model.status === 'paid' && model.refunds.length > 0) {
    problem('status', 'is "paid" but the receipt lists refunds; use "refunded" or "partially_refunded"');
  }
  if ((model.status === 'refunded' || model.status === 'partially_refunded') && model.refunds.length === 0) {
    problem('refunds', `are empty but the status is "${model.status}"`);
  }
  const refundedMinor = sum(model.refunds.map((refund) => refund.amountMinor));
  if (model.status !== 'voided' && refundedMinor > amountDueMinor) {
    problem('refunds', `add up to ${refundedMinor}, more than the ${amountDueMinor} paid`);
  }
  model.refunds.forEach((refund, index) => {
    if (refund.refundedAt.getTime() < model.createdAt.getTime()) {
      problem(`refunds.${index}.refundedAt`, 'is before the order was created');
    }
  });

  return problems;
}

/**
 * Returns a clean copy of the model (text trimmed) when its shape is right and its figures add up;
 * otherwise throws TillpointError 'bad_input' naming what is wrong (details: `{ problems }` or `{ issues }`).
 */
export function validateReceiptModel(model: ReceiptModel): ReceiptModel {
  const clean = receiptModelFromJson(receiptModelToJson(model));
  const problems = receiptArithmeticProblems(clean);
  if (problems.length > 0) {
    const shown = problems
      .slice(0, 5)
      .map((p) => `${p.path} ${p.message}`)
      .join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new TillpointError('bad_input', `Receipt does not add up — ${shown}${more}`, { problems });
  }
  return clean;
}
