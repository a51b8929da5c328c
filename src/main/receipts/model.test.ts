import { describe, expect, it } from 'vitest';
import { TillpointError } from '../../shared/api/errors';
import { type ReceiptModelJson, receiptModelFromJson, receiptModelSchema, receiptModelToJson } from './model';
import { sampleReceiptModel } from './samples';

function refundedSample() {
  const model = sampleReceiptModel();
  return {
    ...model,
    status: 'partially_refunded' as const,
    shiftLabel: undefined,
    refunds: [
      {
        refundedAt: new Date('2026-11-21T21:10:00.000Z'),
        amountMinor: 297n,
        reason: 'Stale',
        tenderLabel: 'Cash',
        lines: [{ name: 'Blueberry muffin', quantity: 1, amountMinor: 297n }],
      },
    ],
  };
}

function rejection(json: unknown): TillpointError {
  try {
    receiptModelFromJson(json);
  } catch (error) {
    if (error instanceof TillpointError) return error;
    throw error;
  }
  throw new Error('expected the receipt to be refused');
}

describe('receipt model schema', () => {
  it('carries amounts as strings of minor units and dates as ISO text', () => {
    const json = receiptModelToJson(sampleReceiptModel());
    expect(json.total).toBe('3465');
    expect(json.lines[0]?.unitPrice).toBe('475');
    expect(json.tenders[1]).toEqual({
      kind: 'cash',
      label: 'Cash',
      amount: '1465',
      tendered: '2000',
      change: '535',
    });
    expect(json.createdAt).toBe('2026-11-21T20:05:00.000Z');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(receiptModelSchema.safeParse(json).success).toBe(true);
  });

  it.each([
    ['a paid receipt', sampleReceiptModel()],
    ['a refunded receipt without a shift', refundedSample()],
  ])('round-trips %s: model → JSON → model and JSON → model → JSON', (_name, model) => {
    const { shiftLabel, ...rest } = model;
    const expected = shiftLabel === undefined ? rest : model;
    const json = JSON.parse(JSON.stringify(receiptModelToJson(model))) as unknown;
    const back = receiptModelFromJson(json);
    expect(back).toEqual(expected);
    expect('shiftLabel' in back).toBe(shiftLabel !== undefined);
    expect(receiptModelToJson(back)).toEqual(json);
  });

  it('keeps amounts beyond 2^53 exact', () => {
    const model = sampleReceiptModel();
    const huge = 2n ** 70n + 1n;
    const json = receiptModelToJson({ ...model, tipMinor: huge });
    expect(json.tip).toBe('1180591620717411303425');
    expect(receiptModelFromJson(json).tipMinor).toBe(huge);
  });

  const base = (): ReceiptModelJson => receiptModelToJson(sampleReceiptModel());
  it.each<[string, (json: ReceiptModelJson) => unknown, string]>([
    ['an amount as a JSON number', (j) => ({ ...j, total: 3465 }), 'total'],
    ['a decimal amount', (j) => ({ ...j, tip: '3.00' }), 'tip'],
    [
      'a negative unit price',
      (j) => ({ ...j, lines: [{ ...j.lines[0], unitPrice: '-475' }] }),
      'lines.0.unitPrice',
    ],
    [
      'a fractional quantity',
      (j) => ({ ...j, lines: [{ ...j.lines[0], quantity: 1.5 }] }),
      'lines.0.quantity',
    ],
    ['a zero quantity', (j) => ({ ...j, lines: [{ ...j.lines[0], quantity: 0 }] }), 'lines.0.quantity'],
    ['an order id that is not a ULID', (j) => ({ ...j, orderId: 'order-42' }), 'orderId'],
    [
      'an unknown time zone',
      (j) => ({ ...j, store: { ...j.store, timeZone: 'Mars/Olympus' } }),
      'store.timeZone',
    ],
    ['a malformed locale', (j) => ({ ...j, locale: 'en_US!!' }), 'locale'],
    ['an unknown currency', (j) => ({ ...j, currency: 'XYZQ' }), 'currency'],
    [
      'a tax rate with a percent sign',
      (j) => ({ ...j, taxes: [{ ...j.taxes[0], ratePercent: '8.25%' }] }),
      'taxes.0',
    ],
    ['an unknown status', (j) => ({ ...j, status: 'open' }), 'status'],
    [
      'a tender kind that is not a tender name',
      (j) => ({ ...j, tenders: [{ ...j.tenders[0], kind: 'Cheque!' }] }),
      'tenders.0.kind',
    ],
    ['an empty store name', (j) => ({ ...j, store: { ...j.store, name: '   ' } }), 'store.name'],
    ['a date without a zone', (j) => ({ ...j, createdAt: '2026-11-21 14:05' }), 'createdAt'],
    ['an unexpected field', (j) => ({ ...j, customerEmail: 'a@b.c' }), 'input'],
  ])('refuses %s with bad_input naming the field', (_name, change, path) => {
    const error = rejection(change(base()));
    expect(error.code).toBe('bad_input');
    expect(error.message).toMatch(/^Invalid receipt — /);
    expect(error.message).toContain(path);
  });
});
