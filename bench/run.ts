/**
 * `npm run bench` runs every `bench/*.bench.ts`, each in its own process (so one's memory does not
 * count against another's); `npm run bench -- NAME` runs `bench/NAME.bench.ts` alone.
 * `watcher` (the EVM watcher) starts its own Hardhat node on a free loopback port and stops it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
/** Flags go to each benchmark (`npm run bench -- ledger --long`). */
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('-'));
const all = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();
const names = wanted.length > 0 ? wanted : all;
const unknown = names.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`No such benchmark: ${unknown.join(', ')}. Known: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of names) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(dir, `${name}.bench.ts`), ...flags],
    {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) {
    console.error(`benchmark ${name} failed (exit ${result.status ?? result.signal})`);
    failed += 1;
  }
}
process.exit(failed > 0 ? 1 : 0);
