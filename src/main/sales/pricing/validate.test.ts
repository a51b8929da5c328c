import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing';
import { amountOff, cart, line, percentOff, rate, tipPercent } from './testing';
import { type PricingInput, type PricingLineInput } from './types';
import { parsePercent } from './validate';

const tax10 = rate('tax10', '10');

/** Lets a case hand priceCart what a careless caller might: a number price, a bad enum. */
const loose = (value: unknown): PricingInput => value as PricingInput;
const looseLine = (value: unknown): PricingLineInput => value as PricingLineInput;

describe('priceCart refuses bad input', () => {
  it.each<[string, PricingInput, string, RegExp]>([
    [
      'a negative price',
      cart([line('a', -1n, 1)]),
      'lines[0].unitPriceMinor',
      /must not be negative, got -1n/,
    ],
    [
      'a price as a JS number',
      cart([looseLine({ lineId: 'a', unitPriceMinor: 100, quantity: 1, taxRates: [] })]),
      'lines[0].unitPriceMinor',
      /must be a bigint of minor units, got 100/,
    ],
    ['a zero quantity', cart([line('a', 100n, 0)]), 'lines[0].quantity', /whole number of at least 1, got 0/],
    ['a negative quantity', cart([line('a', 100n, -2)]), 'lines[0].quantity', /at least 1, got -2/],
    [
      'a fractional quantity',
      cart([line('a', 100n, 1.5)]),
      'lines[0].quantity',
      /whole number of at least 1, got 1.5/,
    ],
    ['a NaN quantity', cart([line('a', 100n, Number.NaN)]), 'lines[0].quantity', /got NaN/],
    ['an unsafe quantity', cart([line('a', 100n, 2 ** 53)]), 'lines[0].quantity', /whole number/],
    [
      'a discount over 100 %',
      cart([line('a', 100n, 1, [], percentOff('101'))]),
      'lines[0].discount.percent',
      /from 0 to 100, got "101"/,
    ],
    [
      'a negative percent',
      cart([line('a', 100n, 1, [], percentOff('-5'))]),
      'lines[0].discount.percent',
      /from 0 to 100, got "-5"/,
    ],
    [
      'a percent that is not a number',
      cart([line('a', 100n, 1, [], percentOff('abc'))]),
      'lines[0].discount.percent',
      /written like "10" or "12.5"/,
    ],
    [
      'a percent with an exponent',
      cart([line('a', 100n, 1, [], percentOff('1e1'))]),
      'lines[0].discount.percent',
      /written like/,
    ],
    [
      'a percent with 7 decimals',
      cart([line('a', 100n, 1, [], percentOff('10.1234567'))]),
      'lines[0].discount.percent',
      /at most 6 decimals/,
    ],
    [
      'a percent with spaces',
      cart([line('a', 100n, 1, [], percentOff(' 10'))]),
      'lines[0].discount.percent',
      /written like/,
    ],
    [
      'an empty percent',
      cart([line('a', 100n, 1, [], percentOff(''))]),
      'lines[0].discount.percent',
      /written like/,
    ],
    [
      'a negative amount discount',
      cart([line('a', 100n, 1, [], amountOff(-5n))]),
      'lines[0].discount.amountMinor',
      /must not be negative/,
    ],
    [
      'an order discount over 100 %',
      cart([line('a', 100n, 1)], { orderDiscount: percentOff('150') }),
      'orderDiscount.percent',
      /from 0 to 100/,
    ],
    [
      'an unknown discount kind',
      cart([line('a', 100n, 1)], {
        orderDiscount: loose({ kind: 'coupon' }) as unknown as PricingInput['orderDiscount'],
      }),
      'orderDiscount.kind',
      /one of "amount", "percent", got "coupon"/,
    ],
    [
      'a tax rate that is not a number',
      cart([line('a', 100n, 1, [rate('t', 'x')])]),
      'lines[0].taxRates[0].ratePercent',
      /written like/,
    ],
    [
      'a tax rate over 100 %',
      cart([line('a', 100n, 1, [rate('t', '100.5')])]),
      'lines[0].taxRates[0].ratePercent',
      /from 0 to 100/,
    ],
    [
      'an empty tax id',
      cart([line('a', 100n, 1, [rate('', '5')])]),
      'lines[0].taxRates[0].taxId',
      /non-empty string/,
    ],
    [
      'a tax twice on one line',
      cart([line('a', 100n, 1, [tax10, tax10])]),
      'lines[0].taxRates[1].taxId',
      /lists the tax "tax10" twice/,
    ],
    [
      'one tax id with two rates',
      cart([line('a', 100n, 1, [tax10]), line('b', 100n, 1, [rate('tax10', '12')])]),
      'lines[1].taxRates[0]',
      /another line has "tax10" at 10 %/,
    ],
    [
      'a repeated line id',
      cart([line('a', 100n, 1), line('a', 200n, 1)]),
      'lines[1].lineId',
      /repeats the line id "a"/,
    ],
    ['an empty line id', cart([line('', 100n, 1)]), 'lines[0].lineId', /non-empty string/],
    [
      'an unknown tax mode',
      cart([], { taxMode: loose('vat') as unknown as PricingInput['taxMode'] }),
      'taxMode',
      /"inclusive", "exclusive"/,
    ],
    [
      'an unknown tax rounding',
      cart([], { taxRounding: loose('per_item') as unknown as PricingInput['taxRounding'] }),
      'taxRounding',
      /"per_line", "per_order"/,
    ],
    [
      'an unknown rounding mode',
      cart([], { roundingMode: loose('up') as unknown as PricingInput['roundingMode'] }),
      'roundingMode',
      /"half_up", "half_even"/,
    ],
    ['a tip over 100 %', cart([], { tip: tipPercent('120', 'pre_tax') }), 'tip.percent', /from 0 to 100/],
    [
      'a tip on an unknown base',
      cart([], { tip: tipPercent('10', loose('net') as unknown as 'pre_tax') }),
      'tip.base',
      /"pre_tax", "post_tax"/,
    ],
    [
      'a negative tip',
      cart([], { tip: { kind: 'amount', amountMinor: -1n } }),
      'tip.amountMinor',
      /must not be negative/,
    ],
    [
      'a zero cash increment',
      cart([], { cashRoundingIncrementMinor: 0n }),
      'cashRoundingIncrementMinor',
      /at least 1/,
    ],
    [
      'lines that are not a list',
      loose({ lines: 'a', taxMode: 'exclusive', taxRounding: 'per_line', roundingMode: 'half_up' }),
      'lines',
      /must be a list/,
    ],
    ['no input', loose(null), 'input', /must be an object/],
  ])('%s', (_what, input, field, message) => {
    expect(() => priceCart(input)).toThrowError(message);
    expect(() => priceCart(input)).toThrowError(
      expect.objectContaining({ code: 'bad_input', details: expect.objectContaining({ field }) }),
    );
  });
});

describe('parsePercent', () => {
  it.each([
    ['0', 0n],
    ['10', 10_000_000n],
    ['12.5', 12_500_000n],
    ['8.875', 8_875_000n],
    ['33.333333', 33_333_333n],
    ['100', 100_000_000n],
    ['100.000000', 100_000_000n],
    ['007', 7_000_000n],
  ])('%j → %s', (text, scaled) => {
    expect(parsePercent(text, 'percent')).toBe(scaled);
  });
});
