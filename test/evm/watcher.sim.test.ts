/** The watcher scenarios against the in-process simulator (the chain of demo mode). */
import { afterAll, beforeAll, describe } from 'vitest';
import { type ChainDriver, simDriver } from './drivers';
import { defineWatcherScenarios } from './watcherScenarios';

describe('EVM watcher on the simulator', () => {
  let driver: Awaited<ReturnType<typeof simDriver>>;
  beforeAll(async () => {
    driver = await simDriver();
    await driver.mine(3);
  });
  afterAll(async () => {
    await driver?.sim.close();
  });
  defineWatcherScenarios((): ChainDriver => driver);
});
