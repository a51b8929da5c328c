import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { moneySchema } from '../money';
import { saveProductInputSchema, priceInputSchema, saveCategoryInputSchema } from './catalog';
import { handlers } from './contract';
import { isWellFormedText, nameKey, percentKey, percentText, text } from './bounds';
import { discountSchema, tipSchema } from './orders';
import { storeSettingsPatchSchema } from './settings';
import { shiftsHandlers } from './shifts';
import { staffNameSchema } from './staff';

afterEach(() => vi.restoreAllMocks());

const inputOf = (name: string) => shiftsHandlers.find((def) => def.name === name)?.input as z.ZodType;

describe('text', () => {
  it('a lone surrogate is refused, a surrogate pair is fine', () => {
    expect(isWellFormedText('Dup\ud800')).toBe(false);
    expect(isWellFormedText('\udc00x')).toBe(false);
    expect(isWellFormedText('coffee ☕ 😀')).toBe(true);
    const name = text({ max: 20, min: 1 });
    expect(name.safeParse('Dup\ud800').error?.issues[0]?.message).toMatch(/well-formed Unicode/);
    expect(name.safeParse(' Dup 😀 ').data).toBe('Dup 😀');
  });

  it.each([
    ['a category name', () => saveCategoryInputSchema.safeParse({ name: 'Dup\ud800' })],
    ['a staff name', () => staffNameSchema.safeParse('Ann\udfff')],
    [
      'a product description',
      () =>
        saveProductInputSchema.safeParse({
          name: 'Tea',
          description: '\ud83d',
          taxClassId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
          variants: [{ sku: 'T-1' }],
        }),
    ],
  ])('a lone surrogate in %s is refused', (_label, parse) => {
    const result = parse();
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join()).toMatch(/well-formed Unicode/);
  });

  it('checks the length before anything else and stops there', () => {
    const result = text({ max: 5, pattern: /^\d+$/ }).safeParse('x'.repeat(1_000));
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toMatch(/at most 5 characters/);
  });
});

describe('bounds in the contract', () => {
  interface Node {
    type?: string;
    maxLength?: number;
    enum?: unknown[];
    const?: unknown;
    [key: string]: unknown;
  }

  /** Every string node of a JSON Schema, with its path. */
  function stringNodes(node: unknown, where: string, found: [string, Node][]): void {
    if (Array.isArray(node)) {
      node.forEach((item, i) => stringNodes(item, `${where}[${i}]`, found));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const schema = node as Node;
    if (schema.type === 'string') found.push([where, schema]);
    for (const [key, value] of Object.entries(schema)) {
      if (key !== 'enum' && key !== 'const' && key !== 'default')
        stringNodes(value, `${where}.${key}`, found);
    }
  }

  it('every string of every handler input has a length limit', () => {
    const unbounded: string[] = [];
    for (const [name, def] of Object.entries(handlers)) {
      const found: [string, Node][] = [];
      stringNodes(
        z.toJSONSchema(def.input as z.ZodType, { io: 'input', unrepresentable: 'any' }),
        name,
        found,
      );
      for (const [where, schema] of found) {
        if (schema.enum === undefined && schema.const === undefined && schema.maxLength === undefined) {
          unbounded.push(where);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('every handler has a body limit, small unless it takes a file', () => {
    for (const def of Object.values(handlers)) {
      const large = def.name === 'catalog.setImage' || def.name === 'catalog.importCsv';
      if (large) expect(def.maxBodyBytes, def.name).toBeGreaterThan(64 * 1024);
      else expect(def.maxBodyBytes, def.name).toBe(64 * 1024);
    }
  });

  it('refuses a 1,000,000-digit price quickly: by its length, before any BigInt', () => {
    const bigInt = vi.spyOn(globalThis, 'BigInt');
    const result = saveProductInputSchema.safeParse({
      name: 'Tea',
      taxClassId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      variants: [{ sku: 'T-1', prices: [{ currency: 'USD', amount: '9'.repeat(1_000_000) }] }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/too long: at most 31 characters/),
    ]);
    const longTexts = bigInt.mock.calls.filter(([value]) => typeof value === 'string' && value.length > 40);
    expect(longTexts).toEqual([]);
  });

  it.each([
    ['USD', '100000000000000', '100000000000001'],
    ['JPY', '1000000000000', '1000000000001'],
    ['BTC', '100000000000000000000', '100000000000000000001'],
    ['ETH', '1000000000000000000000000000000', '1000000000000000000000000000001'],
  ])('every amount has a maximum per asset: %s up to %s minor units', (asset, max, over) => {
    expect(moneySchema.safeParse({ amount: max, asset }).success).toBe(true);
    expect(moneySchema.safeParse({ amount: `-${max}`, asset }).success).toBe(true);
    expect(moneySchema.safeParse({ amount: over, asset }).error?.issues[0]?.message).toMatch(/too large/);
    expect(priceInputSchema.safeParse({ currency: asset, amount: over }).success).toBe(false);
  });

  it('amounts in the store currency stop at 10^16 minor units', () => {
    const discount = (amount: string) => discountSchema.safeParse({ kind: 'amount', amount });
    expect(discount('10000000000000000').success).toBe(true);
    expect(discount('10000000000000001').error?.issues[0]?.message).toMatch(/too large/);
    expect(discount('0').error?.issues[0]?.message).toMatch(/more than 0/);
  });
});

describe('malformed amounts and percents are refused, never thrown', () => {
  const malformed = ['abc', '1e5', '-5', '١٢٣', 'NaN', '12.5', '', ' 5', '0x10', '9'.repeat(40)];

  it.each(malformed)('a malformed amount %j in discounts, tips, cash movements and counts', (amount) => {
    const parses = [
      () => discountSchema.safeParse({ kind: 'amount', amount }),
      () => tipSchema.safeParse({ kind: 'amount', amount }),
      () => inputOf('shifts.cashMovement').safeParse({ kind: 'pay_in', amount, reason: 'x' }),
      () =>
        inputOf('shifts.open').safeParse({ float: { counts: [{ denominationMinor: amount, count: 1 }] } }),
      () => inputOf('shifts.close').safeParse({ counts: [{ denominationMinor: amount, count: 1 }] }),
    ];
    for (const parse of parses) {
      let result: { success: boolean } | undefined;
      expect(() => (result = parse())).not.toThrow();
      expect(result?.success).toBe(false);
    }
  });

  it.each(['abc', '1e5', '-5', '101', '100.00001', 'NaN', '', '١٠', '5%'])(
    'a malformed percent %j in discounts and settings',
    (percent) => {
      const parses = [
        () => discountSchema.safeParse({ kind: 'percent', percent }),
        () => storeSettingsPatchSchema.safeParse({ discountLimitPercent: percent }),
        () => storeSettingsPatchSchema.safeParse({ tipPresetsPercent: [percent, '10'] }),
        () => storeSettingsPatchSchema.safeParse({ tipPresetsPercent: [percent, percent] }),
      ];
      for (const parse of parses) {
        let result: { success: boolean } | undefined;
        expect(() => (result = parse())).not.toThrow();
        expect(result?.success).toBe(false);
      }
    },
  );

  it('accepts percents from 0 to 100 and compares them by value', () => {
    const percent = percentText({ maxDecimals: 4 });
    for (const ok of ['0', '10', '12.5', '100', '100.0000', '099.9'])
      expect(percent.safeParse(ok).success).toBe(true);
    expect(percentKey('08.50')).toBe('8.5');
    expect(percentKey('10.0')).toBe('10');
    expect(storeSettingsPatchSchema.safeParse({ tipPresetsPercent: ['10', '10.0'] }).success).toBe(false);
  });
});

describe('nameKey', () => {
  it.each([
    ['Café', 'CAFE\u0301'],
    ['Straße', 'STRASSE'],
    ['Zoë  Smith', 'zoe\u0308 smith'],
    ['ΣΊΣΥΦΟΣ', 'σίσυφος'],
  ])('%j and %j are one name', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Cafe')).not.toBe(nameKey('Café'));
  });
});
