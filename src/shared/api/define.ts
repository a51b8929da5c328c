/**
 * The building blocks of the API contract: a handler is declared once with its name, zod input
 * and output schemas and the permission it needs; an event is declared with its payload schema.
 */
import { type z } from 'zod';
import { bodyLimits } from './bounds';
import { type Permission } from './permissions';

export interface HandlerDef<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  P extends Permission = Permission,
> {
  /** `domain.verb`, e.g. `sales.addLine`. */
  readonly name: string;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
  /** `public` needs only the device token; anything else also needs a staff session with it. */
  readonly permission: P;
  /** The largest request body a door accepts for it, in bytes (`bodyLimits.default` unless said). */
  readonly maxBodyBytes: number;
}

export function defineHandler<
  const N extends string,
  I extends z.ZodType,
  O extends z.ZodType,
  const P extends Permission,
>(def: {
  name: N;
  summary: string;
  input: I;
  output: O;
  permission: P;
  /** Only for handlers that take a file (an image, a CSV): the default is small. */
  maxBodyBytes?: number;
}): HandlerDef<I, O, P> & { name: N } {
  return { ...def, maxBodyBytes: def.maxBodyBytes ?? bodyLimits.default };
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly summary: string;
  readonly payload: P;
}

export function defineEvent<const N extends string, P extends z.ZodType>(def: {
  name: N;
  summary: string;
  payload: P;
}): EventDef<P> & { name: N } {
  return def;
}

/** Builds a name-keyed map from a list of definitions, refusing duplicates at load time. */
export function byName<const T extends readonly { name: string }[]>(
  defs: T,
): { [K in T[number] as K['name']]: K } {
  const map: Record<string, T[number]> = {};
  for (const def of defs) {
    if (map[def.name]) throw new Error(`Duplicate API name: ${def.name}`);
    if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(def.name))
      throw new Error(`API name must be domain.verb: ${def.name}`);
    map[def.name] = def;
  }
  return map as { [K in T[number] as K['name']]: K };
}
