import { describe, expect, it } from 'vitest';
import { type ReceiptModel, type ReceiptStatus } from './model';
import { displayWidth } from './columns';
import { sampleReceiptModel } from './samples';
import { receiptText, receiptTextColumns } from './text';

function withStatus(status: ReceiptStatus): ReceiptModel {
  const model = sampleReceiptModel();
  const refunds =
    status === 'refunded' || status === 'partially_refunded'
      ? [
          {
            refundedAt: new Date('2026-11-21T21:10:00Z'),
            amountMinor: status === 'refunded' ? 3465n : 297n,
            lines: [],
          },
        ]
      : [];
  return { ...model, status, refunds };
}

/** Many lines with long, odd and wide names, to stress the layout. */
function crowdedModel(): ReceiptModel {
  const names = [
    'Ethiopia Yirgacheffe whole-bean coffee, single origin, light roast, 340 g resealable bag',
    'Supercalifragilisticexpialidocious-hyphenated-product-name-without-spaces',
    '抹茶ラテ (matcha latte) 拿铁',
    'Line\nbreak\tand\u0007 control',
  ];
  const lines = names.map((name, index) => ({
    name,
    variant: 'Large, extra hot, with oat milk and two extra shots of espresso',
    sku: `SKU-${index}-ABCDEFGHIJKLMNOPQRSTUVWXYZ`,
    quantity: 12,
    unitPriceMinor: 123_456_78n,
    discountMinor: 1_00n,
    totalMinor: 12n * 123_456_78n - 1_00n,
  }));
  const subtotalMinor = lines.reduce((sum, line) => sum + line.totalMinor, 0n);
  return {
    ...sampleReceiptModel(),
    lines,
    subtotalMinor,
    orderDiscountMinor: 0n,
    taxes: [],
    tipMinor: 0n,
    totalMinor: subtotalMinor,
    tenders: [
      {
        kind: 'crypto',
        label: 'BTC 0.00012345 @ 64,250.00 USD on-chain, 2 confirmations',
        amountMinor: subtotalMinor,
      },
    ],
  };
}

describe('receiptText', () => {
  it('lays out the sample receipt like the printer will', () => {
    expect(receiptText(sampleReceiptModel())).toBe(
      [
        '            Corner Coffee Co.',
        '             12 Market Street',
        '          Springfield, IL 62701',
        '            Tel (217) 555-0142',
        '           Tax ID US-12-3456789',
        '',
        'Order A-0042         Nov 21, 2026, 2:05 PM',
        'Cashier Dana              Till 2 · Shift 7',
        '==========================================',
        'Flat white                           $9.50',
        '  Oat milk, large',
        '  2 x $4.75',
        '  SKU FW-12-OAT',
        'Blueberry muffin                     $3.25',
        '  Discount                          -$0.50',
        'Ethiopia Yirgacheffe whole-bean     $18.99',
        'coffee, single origin, 340 g bag',
        '  SKU BEAN-ETH-340',
        '------------------------------------------',
        '4 items',
        'Subtotal                            $31.24',
        'Order discount                      -$2.00',
        'Sales tax 8.25%                      $2.41',
        'Tip                                  $3.00',
        'TOTAL                               $34.65',
        '------------------------------------------',
        'Visa •••• 4242                      $20.00',
        'Cash                                $14.65',
        '  Tendered                          $20.00',
        '  Change                             $5.35',
        '==========================================',
        '        01JD5Z8X3K4M7N9P2Q6R8S0T1V',
        '',
        'Thank you for visiting! Returns within 30',
        '         days with this receipt.',
        '',
      ].join('\n'),
    );
  });

  it.each<[string, () => ReceiptModel]>([
    ['the sample', sampleReceiptModel],
    ['a refunded sample', () => withStatus('refunded')],
    ['a crowded receipt', crowdedModel],
  ])('keeps every line of %s within 42 columns, amounts flush right', (_name, make) => {
    const lines = receiptText(make()).split('\n');
    expect(receiptTextColumns).toBe(42);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(42);
    const amountLines = lines.filter((line) => /\d\.\d\d$/.test(line) && line.startsWith(' ') === false);
    expect(amountLines.length).toBeGreaterThan(3);
    for (const line of amountLines) expect(displayWidth(line)).toBe(42);
  });

  it('wraps long product names without losing a word', () => {
    const text = receiptText(crowdedModel());
    const words =
      'Ethiopia Yirgacheffe whole-bean coffee, single origin, light roast, 340 g resealable bag'.split(' ');
    const itemBlock = text.slice(text.indexOf('Ethiopia'), text.indexOf('Large'));
    expect(itemBlock.split(/\s+/).filter((word) => words.includes(word))).toEqual(words);
    expect(text).toContain(
      '\nSupercalifragilisticexpialid $1,481,481.36\nocious-hyphenated-product-na\nme-without-spaces\n',
    );
    expect(text).toContain('Line break and control');
  });

  it.each<[ReceiptStatus, string | undefined]>([
    ['paid', undefined],
    ['refunded', '*** REFUNDED ***'],
    ['partially_refunded', '*** PARTIALLY REFUNDED ***'],
    ['voided', '*** VOID ***'],
  ])('shows the status %s as %j', (status, banner) => {
    const text = receiptText(withStatus(status));
    if (banner === undefined) expect(text).not.toContain('***');
    else expect(text.split('\n').some((line) => line.trim() === banner)).toBe(true);
  });

  it('lists refunds with what was taken back and the net paid', () => {
    const model: ReceiptModel = {
      ...sampleReceiptModel(),
      status: 'partially_refunded',
      refunds: [
        {
          refundedAt: new Date('2026-11-21T21:10:00Z'),
          amountMinor: 297n,
          reason: 'Stale',
          tenderLabel: 'Cash',
          lines: [{ name: 'Blueberry muffin', quantity: 1, amountMinor: 297n }],
        },
      ],
    };
    const text = receiptText(model);
    expect(text).toContain('REFUNDS\nNov 21, 2026, 3:10 PM               -$2.97\n');
    expect(text).toContain('  1 x Blueberry muffin              -$2.97\n  To Cash\n  Reason: Stale\n');
    expect(text).toContain(
      'Total refunded                      -$2.97\nNet paid                            $31.68\n',
    );
  });

  it('shows cash rounding and the rounded total', () => {
    const model: ReceiptModel = {
      ...sampleReceiptModel(),
      currency: 'CAD',
      locale: 'en-CA',
      store: { ...sampleReceiptModel().store, timeZone: 'America/Toronto' },
      lines: [{ name: 'Latte', quantity: 1, unitPriceMinor: 1418n, discountMinor: 0n, totalMinor: 1418n }],
      subtotalMinor: 1418n,
      orderDiscountMinor: 0n,
      taxes: [{ name: 'HST', ratePercent: '13', amountMinor: 163n, inclusive: true }],
      tipMinor: 0n,
      totalMinor: 1418n,
      cashRoundingMinor: 2n,
      tenders: [{ kind: 'cash', label: 'Cash', amountMinor: 1420n, tenderedMinor: 2000n, changeMinor: 580n }],
    };
    const text = receiptText(model);
    expect(text).toContain('TOTAL                               $14.18\n');
    expect(text).toContain(
      'Cash rounding                        $0.02\nRounded total                       $14.20\n',
    );
    expect(text).toContain('Incl. HST 13%                        $1.63\n');
    expect(text).toContain('Order A-0042       Nov 21, 2026, 3:05 p.m.\n');
  });

  it('formats money and dates in the receipt locale', () => {
    const model: ReceiptModel = {
      ...sampleReceiptModel(),
      currency: 'EUR',
      locale: 'de-DE',
      store: { ...sampleReceiptModel().store, timeZone: 'Europe/Berlin' },
    };
    const text = receiptText(model);
    expect(text).toContain(`\nTOTAL${' '.repeat(30)}34,65 €\n`);
    expect(text).toContain('Sales tax 8,25 %');
    expect(text).toContain('21.11.2026, 21:05');
  });
});
