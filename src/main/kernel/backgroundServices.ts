/**
 * Background services of the core: long-running work (chain watchers, the sync worker, the expiry of
 * payments and pending transfers, WAL checkpoints) that a domain offers. `start()` returns at once;
 * `stop()` is awaited in reverse order of start with a deadline when the core closes; each reports
 * its state, last error and lag in `system.health`. Background work acts as the `system` actor.
 */
import { type Logger } from 'pino';

export type ServiceState = 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

export interface ServiceHealth {
  readonly name: string;
  readonly state: ServiceState;
  readonly lastError: string | null;
  /** Milliseconds since its last successful round (null before the first). */
  readonly lagMs: number | null;
  readonly runs: number;
}

export interface BackgroundService {
  readonly name: string;
  /** Begins the work and returns at once. */
  start(): Promise<void>;
  /** Ends the work; resolves when nothing of it runs any more. */
  stop(): Promise<void>;
  health(): ServiceHealth;
}

/**
 * A service that runs `tick` every `intervalMs` (the first round at once when `runAtStart`), one round
 * at a time; a round that throws is logged and kept as the last error, and the next round still runs.
 */
export function createIntervalService(options: {
  name: string;
  intervalMs: number;
  tick: () => unknown;
  logger: Logger;
  now: () => Date;
  runAtStart?: boolean;
}): BackgroundService {
  let state: ServiceState = 'stopped';
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let lastError: string | null = null;
  let lastOkMs: number | null = null;
  let runs = 0;

  const round = async () => {
    if (running || state !== 'running') return;
    running = (async () => {
      try {
        await options.tick();
        lastError = null;
        lastOkMs = options.now().getTime();
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        options.logger.warn({ err: error, service: options.name }, 'a background service round failed');
      } finally {
        runs += 1;
      }
    })();
    await running;
    running = null;
  };

  return {
    name: options.name,
    start() {
      if (state === 'running') return Promise.resolve();
      state = 'running';
      timer = setInterval(() => void round(), options.intervalMs);
      timer.unref();
      if (options.runAtStart) void round();
      return Promise.resolve();
    },
    async stop() {
      if (state === 'stopped') return;
      state = 'stopping';
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running;
      state = 'stopped';
    },
    health: () => ({
      name: options.name,
      state,
      lastError,
      lagMs: lastOkMs === null ? null : Math.max(0, options.now().getTime() - lastOkMs),
      runs,
    }),
  };
}

/** Starts services in order; returns their health reader and the stop of all (reverse order, with a deadline). */
export function runServices(services: readonly BackgroundService[], logger: Logger) {
  const started: BackgroundService[] = [];
  return {
    async startAll() {
      for (const service of services) {
        await service.start();
        started.push(service);
      }
    },
    health: (): ServiceHealth[] => services.map((service) => service.health()),
    /** Stops every started service, newest first; one that overruns `deadlineMs` is left behind and logged. */
    async stopAll(deadlineMs: number) {
      for (const service of [...started].reverse()) {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), deadlineMs);
        });
        const outcome = await Promise.race([service.stop().then(() => 'ok' as const), deadline]).catch(
          (error: unknown) => {
            logger.warn({ err: error, service: service.name }, 'a background service failed to stop');
            return 'failed' as const;
          },
        );
        clearTimeout(timer);
        if (outcome === 'late')
          logger.warn({ service: service.name, deadlineMs }, 'a background service did not stop in time');
      }
      started.length = 0;
    },
  };
}
