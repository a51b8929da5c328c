/**
 * The core's start-up configuration. Store settings (name, currency, taxes) live in the database;
 * this is what must be known before it opens: the mode and where to log.
 */
import { z } from 'zod';
import { appModes } from '../../shared/api';

export const coreConfigSchema = z.object({
  mode: z.enum(appModes).default('normal'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which door opened this core: shown by system.info. */
  door: z.enum(['electron', 'host', 'test']).default('test'),
});

export type CoreConfig = z.infer<typeof coreConfigSchema>;
export type CoreConfigInput = z.input<typeof coreConfigSchema>;
