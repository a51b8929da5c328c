/**
 * For the fuzz test of the host: fast-check arbitraries drawn from a handler's own input schema (its
 * JSON Schema, as `z.toJSONSchema` gives it and `GET /api` lists it), with edge values mixed in at
 * every leaf (huge numbers, lone surrogates, long strings, negatives, empty text, wrong types), and
 * garbage bodies. There is no zod → fast-check library here; JSON Schema is the contract's public face
 * anyway. `callsFor` draws one handler's calls from them. Used by tests only.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { type HandlerDef } from '../../src/shared/api';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

/** Where the generator finds real ids (so calls reach past "not found"), read when a value is drawn. */
export interface IdPool {
  ids: string[];
  /** Ids by the field that takes them (`orderId`, `variantId`, ...): drawn first for that field. */
  byField: Record<string, string[]>;
}

export interface InputOptions {
  /** The chance that a leaf is replaced by an edge value (0: only schema-shaped values). */
  edgeRate: number;
  pool: IdPool;
  /** The name of the field being drawn, when it is one. */
  field?: string;
}

const ulidPattern = '^[0-9A-HJKMNP-TV-Z]{26}$';

const wrongTypes: unknown[] = [null, true, 0, -1, 1.5, 1e308, -1e308, '', 'x', [], {}, [1, 'a'], { a: 1 }];

/** Edge strings: empty, blanks, lone surrogates, long text, huge and odd numbers as text, other scripts. */
function edgeStrings(schema: JsonSchema): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  return fc.constantFrom(
    '',
    ' ',
    '\t\n',
    '\ud800',
    'Dup\ud800',
    'a\udfffb',
    '\udc00\ud800',
    'Cafe\u0301',
    'x'.repeat(max + 1),
    'x'.repeat(Math.min(max * 10 + 7, 60_000)),
    '9'.repeat(Math.min(max + 1, 60_000)),
    '9'.repeat(60_000),
    '1'.repeat(81),
    '-1',
    '-0',
    '0',
    '00',
    '1e5',
    '1.5',
    'NaN',
    'Infinity',
    '١٢٣',
    '10\u0000',
    '%',
    '100.0000001',
    '101',
    '<script>',
    "'; DROP TABLE orders; --",
    '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    '01arz3ndektsv4rrffq69g5fav',
    '2026-02-30T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
  );
}

function edgeNumbers(schema: JsonSchema): fc.Arbitrary<unknown> {
  const values: unknown[] = [
    0,
    -1,
    1,
    0.5,
    -0.5,
    1e21,
    1e308,
    -1e308,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    '1',
    null,
  ];
  if (schema.minimum !== undefined) values.push(schema.minimum, schema.minimum - 1);
  if (schema.maximum !== undefined) values.push(schema.maximum, schema.maximum + 1);
  return fc.constantFrom(...values);
}

function withEdges<T>(
  valid: fc.Arbitrary<T>,
  edges: fc.Arbitrary<unknown>,
  edgeRate: number,
): fc.Arbitrary<unknown> {
  if (edgeRate <= 0) return valid;
  const edgeWeight = Math.max(1, Math.round(edgeRate * 100));
  return fc.oneof(
    { weight: 100 - edgeWeight, arbitrary: valid as fc.Arbitrary<unknown> },
    { weight: edgeWeight, arbitrary: fc.oneof(edges, fc.constantFrom(...wrongTypes)) },
  );
}

function validString(schema: JsonSchema, options: InputOptions): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 64;
  const known = options.field !== undefined ? options.pool.byField[options.field] : undefined;
  if (known && schema.pattern !== ulidPattern) {
    const pick = fc.nat().map((i) => known[i % known.length] ?? '');
    return fc.oneof(
      { weight: 3, arbitrary: pick },
      { weight: 1, arbitrary: validString(schema, { ...options, field: undefined }) },
    );
  }
  if (schema.pattern === ulidPattern) {
    const drawn = fc.stringMatching(new RegExp(ulidPattern));
    const { pool, field } = options;
    const pick = (list: string[]) => fc.nat().map((i) => list[i % Math.max(1, list.length)] ?? '');
    const forField = field !== undefined ? pool.byField[field] : undefined;
    const general = [
      { weight: 2, arbitrary: pick(pool.ids) },
      { weight: 1, arbitrary: drawn },
    ];
    return forField ? fc.oneof({ weight: 6, arbitrary: pick(forField) }, ...general) : fc.oneof(...general);
  }
  if (schema.format === 'date-time') {
    return fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
  }
  if (schema.pattern) {
    try {
      const regex = new RegExp(schema.pattern);
      return fc
        .stringMatching(regex)
        .map((text) => (text.length > max ? text.slice(0, max) : text))
        .filter((text) => text.length >= min && regex.test(text));
    } catch {
      // A pattern fast-check cannot draw from: plain text stands in.
    }
  }
  return fc.string({ minLength: min, maxLength: Math.min(max, 80), unit: 'grapheme' });
}

function numberArb(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e9);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e9);
  const low = Math.max(min, -Number.MAX_SAFE_INTEGER);
  const high = Math.min(max, Number.MAX_SAFE_INTEGER);
  if (integer) {
    return fc.oneof(fc.integer({ min: low, max: high }), fc.constantFrom(low, high));
  }
  return fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of inputs shaped by `schema`, with edge values at the given rate at every leaf. */
export function inputArbitrary(schema: JsonSchema, options: InputOptions, depth = 0): fc.Arbitrary<unknown> {
  const { edgeRate } = options;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) {
    return fc.oneof(...variants.map((variant) => inputArbitrary(variant, options, depth + 1)));
  }
  if (schema.allOf && schema.allOf.length > 0)
    return inputArbitrary(schema.allOf[0] ?? {}, options, depth + 1);
  if (schema.const !== undefined) return withEdges(fc.constant(schema.const), edgeStrings(schema), edgeRate);
  if (schema.enum) return withEdges(fc.constantFrom(...schema.enum), edgeStrings(schema), edgeRate);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return withEdges(validString(schema, options), edgeStrings(schema), edgeRate);
    case 'integer':
      return withEdges(numberArb(schema, true), edgeNumbers(schema), edgeRate);
    case 'number':
      return withEdges(numberArb(schema, false), edgeNumbers(schema), edgeRate);
    case 'boolean':
      return withEdges(fc.boolean(), fc.constantFrom('true', 1, 0, 'false'), edgeRate);
    case 'null':
      return withEdges(fc.constant(null), fc.constantFrom(0, '', 'null'), edgeRate);
    case 'array': {
      const item = schema.items ? inputArbitrary(schema.items, options, depth + 1) : fc.jsonValue();
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 5, minLength + 5);
      const valid = fc.array(item, { minLength, maxLength });
      const tooMany =
        schema.maxItems !== undefined && schema.maxItems < 2000
          ? fc.constant(Array.from({ length: schema.maxItems + 1 }, () => 'x'))
          : fc.constant([]);
      return withEdges(valid, fc.oneof(tooMany, fc.constant({ length: 1 })), edgeRate);
    }
    case 'object':
      return objectArbitrary(schema, options, depth);
    default:
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema, options: InputOptions, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, property] of Object.entries(properties)) {
    shape[key] = inputArbitrary(property, { ...options, field: key }, depth + 1);
    if (required.has(key)) requiredKeys.push(key);
  }
  // Optional fields all at random, one at a time (a handler may want exactly one of them), or none.
  const optionalKeys = Object.keys(shape).filter((key) => !required.has(key));
  const subset = (keys: string[]) =>
    fc.record(Object.fromEntries(keys.map((key) => [key, shape[key] as fc.Arbitrary<unknown>])), {
      requiredKeys: keys,
    });
  const valid =
    optionalKeys.length === 0
      ? fc.record(shape, { requiredKeys })
      : fc.oneof(
          { weight: 2, arbitrary: fc.record(shape, { requiredKeys }) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(...optionalKeys).chain((key) => subset([...requiredKeys, key])),
          },
          { weight: 1, arbitrary: subset(requiredKeys) },
        );
  if (options.edgeRate <= 0) return valid;
  const mangled = valid.chain((value) =>
    fc.oneof(
      fc.constant({ ...(value as object), unexpectedField: 'x' }),
      fc.constant(dropOne(value as Record<string, unknown>)),
      fc.constant(JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown),
      fc.constant({ constructor: { prototype: { polluted: true } } }),
    ),
  );
  return withEdges(valid, mangled, options.edgeRate);
}

function dropOne(value: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const { [keys[0] as string]: _dropped, ...rest } = value;
  return rest;
}

/** Raw bodies that are not what any handler takes: broken JSON, other shapes, deep nesting. */
export const garbageBodies: readonly string[] = [
  '',
  'not json',
  '{"a":',
  'null',
  '[]',
  '0',
  '"text"',
  'true',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '['.repeat(3000) + ']'.repeat(3000),
  '{"a":'.repeat(1000) + '1' + '}'.repeat(1000),
  '{"x":"\\ud800"}',
  `{"amount":"${'9'.repeat(60_000)}"}`,
  '\u0000',
];

/** Garbage inputs as values: any JSON, for when the body parses but means nothing. */
export const garbageValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
);

/** Whether any string in `value` (keys included) holds a lone surrogate. */
export function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return /\p{Cs}/u.test(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => holdsLoneSurrogate(key) || holdsLoneSurrogate(item));
  }
  return false;
}

/** One call of the fuzz run: its body, the value it was drawn from, and who makes it. */
export interface FuzzCall {
  body: string;
  value: unknown;
  who: 'owner' | 'cashier' | 'none';
}

/**
 * The calls for one handler: 40% shaped by its input schema, 40% shaped with edge values at the
 * leaves, 20% garbage; one in ten without a session and one in ten with a cashier's, the rest an owner's.
 */
export function callsFor(
  def: HandlerDef,
  options: { seed: number; count: number; pool: IdPool },
): FuzzCall[] {
  const { seed, count, pool } = options;
  const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const shaped = inputArbitrary(schema, { edgeRate: 0, pool });
  const edged = inputArbitrary(schema, { edgeRate: 0.15, pool });
  const shapedCount = Math.round(count * 0.4);
  const edgedCount = Math.round(count * 0.4);
  const garbageCount = count - shapedCount - edgedCount;
  const values = [
    ...fc.sample(shaped, { numRuns: shapedCount, seed }),
    ...fc.sample(edged, { numRuns: edgedCount, seed: seed + 1 }),
  ];
  const calls: FuzzCall[] = values.map((value) => ({
    value,
    body: JSON.stringify(value) ?? 'null',
    who: 'owner',
  }));
  const garbage = fc.sample(garbageValue, { numRuns: garbageCount, seed: seed + 2 });
  garbage.forEach((value, i) => {
    const raw = i % 2 === 0 ? garbageBodies[(i / 2) % garbageBodies.length] : undefined;
    calls.push(
      raw !== undefined
        ? { value: raw, body: raw, who: 'owner' }
        : { value, body: JSON.stringify(value) ?? 'null', who: 'owner' },
    );
  });
  calls.forEach((call, i) => {
    if (i % 10 === 3) call.who = 'none';
    else if (i % 10 === 7) call.who = 'cashier';
  });
  return calls;
}
