/**
 * Stripe's request bodies and query strings: `application/x-www-form-urlencoded` with brackets for
 * nesting (`metadata[order]=1`, `expand[0]=latest_charge`, `card_present[number]=4242…`), decoded
 * into plain objects; a key with only numeric indices becomes an array. Values stay strings, as sent.
 */

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const maxDepth = 8;
const maxPairs = 1_000;

function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first < 0) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(key.slice(first))) !== null) parts.push(match[1] ?? '');
  return parts.slice(0, maxDepth);
}

function toArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((key) => [key, toArrays(value[key] as FormValue)] as const);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => v);
  }
  const out: FormObject = {};
  for (const [key, v] of entries) out[key] = v;
  return out;
}

/** Decodes a form body or a query string. */
export function decodeForm(text: string): FormObject {
  const root: FormObject = {};
  let count = 0;
  for (const [key, value] of new URLSearchParams(text)) {
    if ((count += 1) > maxPairs) break;
    const path = splitKey(key);
    let node: FormObject = root;
    path.forEach((part, index) => {
      const name = part === '' ? String(Object.keys(node).length) : part;
      if (name === '__proto__' || name === 'constructor' || name === 'prototype') return;
      if (index === path.length - 1) {
        node[name] = value;
        return;
      }
      const next = node[name];
      if (typeof next !== 'object' || Array.isArray(next)) node[name] = {};
      node = node[name] as FormObject;
    });
  }
  return toArrays(root) as FormObject;
}

/** A field as a string, or undefined. */
export function str(form: FormObject, key: string): string | undefined {
  const value = form[key];
  return typeof value === 'string' ? value : undefined;
}

/** A nested object field, or an empty object. */
export function obj(form: FormObject, key: string): FormObject {
  const value = form[key];
  return typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** A list of strings (`expand[]`, `payment_method_types[]`). */
export function list(form: FormObject, key: string): string[] {
  const value = form[key];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** Metadata: a flat map of strings (Stripe's limit: 50 keys). */
export function metadataOf(form: FormObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(obj(form, 'metadata'))) {
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}
