import { describe, expect, it } from 'vitest';
import { type ZReport } from '../../../../shared/api/shifts';
import { escapeHtml, zReportHtml } from './zReportHtml';
import { differenceState, tenderLabel, zReportSections } from './zReportModel';

const staff = { staffId: '01M809M52R8T0M4M901XV0TG88', name: 'Olivia Owner' };

function report(overrides: Partial<ZReport> = {}): ZReport {
  return {
    shiftId: '01M809ME014FTSSN4QA7K4ZADK',
    shiftNumber: 3,
    tillId: 'TILL-1',
    tillName: 'Front counter',
    storeName: 'Harbor <Street> & Co',
    currency: 'USD',
    openedBy: staff,
    openedAt: '2026-11-22T14:00:00.000Z',
    closingStartedAt: '2026-11-22T22:00:00.000Z',
    closedBy: staff,
    closedAt: '2026-11-22T22:05:00.000Z',
    sales: {
      ordersPaid: 12,
      grossSalesMinor: '15000',
      discountsMinor: '500',
      netSalesMinor: '14500',
      taxes: [{ taxId: 'nyc', name: 'NYC sales tax', ratePercent: '8.875', amountMinor: '1287' }],
      tipsMinor: '300',
      cashRoundingMinor: '0',
      refunds: { count: 1, amountMinor: '425' },
      voids: { count: 2 },
      tenders: [
        { kind: 'cash', count: 5, amountMinor: '6000' },
        { kind: 'card', count: 7, amountMinor: '9787' },
      ],
      cashSalesMinor: '6000',
      cashRefundsMinor: '425',
    },
    cash: {
      openingFloatMinor: '10075',
      cashSalesMinor: '6000',
      cashRefundsMinor: '425',
      reversedMinor: '0',
      payInsMinor: '0',
      payOutsMinor: '500',
      dropsMinor: '0',
      otherMinor: '0',
      expectedMinor: '15150',
      openingCounts: null,
      counted: [
        { denominationMinor: '2000', count: 7, subtotalMinor: '14000' },
        { denominationMinor: '25', count: 4, subtotalMinor: '100' },
      ],
      countedTotalMinor: '14100',
      differenceMinor: '-1050',
    },
    movements: [
      {
        id: '01M809ME17D90Z17XHQFFKBXJ7',
        shiftId: '01M809ME014FTSSN4QA7K4ZADK',
        kind: 'pay_out',
        amountMinor: '500',
        reason: 'stamps <urgent>',
        staff,
        approvedBy: staff,
        at: '2026-11-22T15:00:00.000Z',
      },
    ],
    noSales: 1,
    note: 'Two "twenties" look odd',
    generatedAt: '2026-11-22T22:05:00.000Z',
    ...overrides,
  };
}

describe('differenceState', () => {
  it.each([
    ['-1050', 'short'],
    ['0', 'balanced'],
    ['1', 'over'],
  ])('%s → %s', (difference, state) => {
    expect(differenceState(difference)).toBe(state);
  });
});

describe('tenderLabel', () => {
  it.each([
    ['cash', 'Cash'],
    ['coins', 'Store coins'],
    ['gift_card', 'Gift card'],
  ])('%s → %s', (kind, label) => {
    expect(tenderLabel(kind)).toBe(label);
  });
});

describe('zReportSections', () => {
  const label = (minor: string) => `[${minor}]`;

  it('lists the drawer, the count, sales, taxes, tenders, refunds and movements in order', () => {
    const sections = zReportSections(report(), { denominationLabel: label });
    expect(sections.map((section) => section.id)).toEqual([
      'cash',
      'counted',
      'sales',
      'taxes',
      'tenders',
      'refunds',
      'movements',
    ]);
    const counted = sections.find((section) => section.id === 'counted')!;
    expect(counted.rows.map((row) => [row.label, row.count, row.amountMinor])).toEqual([
      ['[2000]', 7, '14000'],
      ['[25]', 4, '100'],
    ]);
  });

  it('shows the rarely used drawer lines only when they are not zero', () => {
    const plain = zReportSections(report(), { denominationLabel: label })[0]!;
    expect(plain.rows.map((row) => row.label)).not.toContain('Voided cash payments');
    const withOther = zReportSections(
      report({ cash: { ...report().cash, reversedMinor: '200', otherMinor: '-5' } }),
      { denominationLabel: label },
    )[0]!;
    expect(withOther.rows.map((row) => row.label)).toEqual(
      expect.arrayContaining(['Voided cash payments', 'Other drawer movements']),
    );
    expect(withOther.rows.at(-1)).toMatchObject({
      label: 'Expected in drawer',
      amountMinor: '15150',
      strong: true,
    });
  });

  it('marks the figures tests look for only when asked', () => {
    const ids = (testIds: boolean) =>
      zReportSections(report(), { denominationLabel: label, testIds })
        .flatMap((section) => section.rows)
        .map((row) => row.testId)
        .filter(Boolean);
    expect(ids(true)).toEqual(['z-cash-sales', 'z-gross-sales']);
    expect(ids(false)).toEqual([]);
  });

  it('says so when the till has no sales figures', () => {
    const sections = zReportSections(report({ sales: null }), { denominationLabel: label });
    expect(sections.find((section) => section.id === 'sales')).toMatchObject({
      rows: [],
      empty: 'Sales figures are not available on this till.',
    });
  });
});

describe('zReportHtml', () => {
  const html = zReportHtml(report(), { locale: 'en-US', timeZone: 'UTC' });

  it('is a whole page with the headline figures formatted in the store locale', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Z report — shift 3');
    expect(html).toContain('<td>Expected</td><td class="num">$151.50</td>');
    expect(html).toContain('<td>Counted</td><td class="num">$141.00</td>');
    expect(html).toContain('Difference (Short)</td><td class="num">-$10.50</td>');
    expect(html).toContain('<td>Cash sales</td><td class="count"></td><td class="num">+ $60.00</td>');
    expect(html).toContain('<td>$20.00</td><td class="count">7</td><td class="num">$140.00</td>');
    expect(html).toContain('Nov 22, 2026, 2:00 PM by Olivia Owner');
  });

  it('shows a lone count where the amounts are, and a count beside an amount in its own column', () => {
    expect(html).toContain('<td>Orders paid</td><td class="count"></td><td class="num">12</td>');
    expect(html).toContain('<td>Cash</td><td class="count">5</td><td class="num">$60.00</td>');
    expect(html.match(/<colgroup>/g)).toHaveLength(7);
  });

  it('escapes every text from the core and runs no script', () => {
    expect(html).toContain('Harbor &lt;Street&gt; &amp; Co');
    expect(html).toContain('stamps &lt;urgent&gt;');
    expect(html).toContain('Two &quot;twenties&quot; look odd');
    expect(html).not.toMatch(/<script/i);
  });

  it.each([
    ['<b>"x" & \'y\'</b>', '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j) → %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });

  it('formats amounts in another locale and currency', () => {
    const euro = zReportHtml(report({ currency: 'EUR', note: null }), { locale: 'de-DE', timeZone: 'UTC' });
    expect(euro).toContain('151,50');
    expect(euro).not.toContain('<h2>Note</h2>');
  });
});
