import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createIntervalService, runServices, type BackgroundService } from './backgroundServices';

const logger = pino({ level: 'silent' });
const now = () => new Date();

function recorder(name: string, log: string[], stopMs = 0): BackgroundService {
  let state: 'stopped' | 'running' = 'stopped';
  return {
    name,
    start() {
      log.push(`start ${name}`);
      state = 'running';
      return Promise.resolve();
    },
    stop() {
      log.push(`stop ${name}`);
      return new Promise((resolve) =>
        setTimeout(() => {
          state = 'stopped';
          resolve();
        }, stopMs),
      );
    },
    health: () => ({ name, state, lastError: null, lagMs: null, runs: 0 }),
  };
}

describe('background services', () => {
  it('start in order and stop in reverse order', async () => {
    const log: string[] = [];
    const services = runServices([recorder('a', log), recorder('b', log), recorder('c', log)], logger);
    await services.startAll();
    expect(services.health().map((h) => h.state)).toEqual(['running', 'running', 'running']);
    await services.stopAll(1_000);
    expect(log).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
    expect(services.health().map((h) => h.state)).toEqual(['stopped', 'stopped', 'stopped']);
  });

  it('leave behind a service that does not stop within the deadline, and stop the others', async () => {
    const log: string[] = [];
    const services = runServices([recorder('quick', log), recorder('stuck', log, 60_000)], logger);
    await services.startAll();
    // Resolves at the deadline (well inside the test's own time limit), not when the stuck one ends.
    await services.stopAll(50);
    expect(log).toEqual(['start quick', 'start stuck', 'stop stuck', 'stop quick']);
    expect(services.health().map((h) => [h.name, h.state])).toEqual([
      ['quick', 'stopped'],
      ['stuck', 'running'],
    ]);
  });

  it('an interval service runs one round at a time, keeps its last error, and waits for its round to stop', async () => {
    let rounds = 0;
    let fail = true;
    let release: () => void = () => undefined;
    const service = createIntervalService({
      name: 'tick',
      intervalMs: 5,
      runAtStart: true,
      logger,
      now,
      tick: async () => {
        rounds += 1;
        if (fail) {
          fail = false;
          throw new Error('provider down');
        }
        await new Promise<void>((resolve) => (release = resolve));
      },
    });
    expect(service.health()).toMatchObject({ state: 'stopped', runs: 0 });
    await service.start();
    await vi.waitFor(() => expect(rounds).toBe(2), { timeout: 10_000 });
    // The failed round is kept as the last error; the second round is still running (one at a time).
    expect(rounds).toBe(2);
    expect(service.health()).toMatchObject({ state: 'running', lastError: 'provider down', runs: 1 });
    const stopping = service.stop();
    expect(service.health().state).toBe('stopping');
    release();
    await stopping;
    expect(service.health()).toMatchObject({ state: 'stopped', runs: 2, lastError: null });
  });
});
