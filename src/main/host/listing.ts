/** `GET /api`: every handler and event of the contract, with JSON Schemas of their inputs and outputs. */
import { z } from 'zod';
import { events, handlers } from '../../shared/api';

export interface ApiListing {
  handlers: { name: string; summary: string; permission: string; input: unknown; output: unknown }[];
  events: { name: string; summary: string; payload: unknown }[];
}

let cached: ApiListing | null = null;

export function apiListing(): ApiListing {
  if (cached) return cached;
  const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
    z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  cached = {
    handlers: Object.values(handlers).map((def) => ({
      name: def.name,
      summary: def.summary,
      permission: def.permission,
      input: toSchema(def.input, 'input'),
      output: toSchema(def.output, 'output'),
    })),
    events: Object.values(events).map((def) => ({
      name: def.name,
      summary: def.summary,
      payload: toSchema(def.payload, 'output'),
    })),
  };
  return cached;
}
