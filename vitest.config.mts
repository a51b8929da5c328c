import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Files that replace a module with `vi.mock` need a module registry of their own; every other file
 * shares its worker's modules with the files before it (`isolate: false`), which saves loading
 * ethers, bitcoinjs and the core again for each of some 250 files: a quarter of the run on a 2-core
 * machine. The tests are written for that: each opens its own data folder, ports and database.
 */
const needsOwnModules = ['src/main/shifts/atomicity.test.ts', 'src/renderer/src/ui/toastStore.test.ts'];

const shared = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    // At least two files at once, also on a 2-core machine (Vitest's default there is one): a file
    // spends much of its time in one thread, and the fuzz run alone is a third of the whole.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', 'out/**', ...needsOwnModules],
          isolate: false,
        },
      },
      {
        test: {
          ...shared,
          name: 'unit (own modules)',
          include: needsOwnModules,
          isolate: true,
        },
      },
    ],
  },
});
