/** The `system.*` handlers and events: what the core is, and whether it is well. */
import { z } from 'zod';
import { defineEvent, defineHandler } from './define';

export const serviceStateValues = ['starting', 'running', 'stopping', 'stopped', 'failed'] as const;

export const appModes = ['normal', 'demo'] as const;

export const systemInfo = defineHandler({
  name: 'system.info',
  summary: 'Version, data folder and mode of this core.',
  permission: 'public',
  input: z.object({}).strict(),
  output: z.object({
    name: z.literal('Tillpoint'),
    version: z.string(),
    mode: z.enum(appModes),
    dataDir: z.string(),
    schemaVersion: z.string().describe('id of the newest applied migration'),
    startedAt: z.iso.datetime(),
    node: z.string(),
    door: z.enum(['electron', 'host', 'test']),
  }),
});

export const systemHealth = defineHandler({
  name: 'system.health',
  summary: 'Whether the database answers and the core is serving.',
  permission: 'public',
  input: z.object({}).strict(),
  output: z.object({
    status: z.enum(['ok', 'degraded']),
    checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string().optional() })),
    services: z
      .array(
        z.object({
          name: z.string(),
          state: z.enum(serviceStateValues),
          lastError: z.string().nullable(),
          lagMs: z.number().int().nonnegative().nullable().describe('since its last successful round'),
          runs: z.number().int().nonnegative(),
        }),
      )
      .describe('the background services of the core (watchers, expiry, checkpoints) and their state'),
    uptimeMs: z.number().int().nonnegative(),
  }),
});

export const systemHandlers = [systemInfo, systemHealth] as const;

export const systemEvents = [
  defineEvent({
    name: 'system.notice',
    summary: 'A message for whoever is at the till (a warning from the core, a finished background job).',
    payload: z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  }),
] as const;
