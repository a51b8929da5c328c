/**
 * A till for sync tests and the bench: a real core on its own data folder, syncing as its own
 * database role (row-level security applies on real PostgreSQL) through a given port (a fault proxy).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createCore, type Core } from '../../src/main/core';
import { addTill, pgClientConfig } from '../../src/main/sync';
import type { CentralDb } from './centralDb';
import { testPinHashParams } from '../../src/main/staff';

export interface TestTill {
  readonly core: Core;
  readonly storeId: string;
  readonly tillId: string;
  readonly dataDir: string;
  readonly session: string;
  /** Rings up and pays `count` cash sales of two lines. */
  sell(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTill(options: {
  central: CentralDb;
  storeId: string;
  tillId: string;
  /** Where the till reaches PostgreSQL (a fault proxy's port); default the server itself. */
  port?: number;
  pollMs?: number;
  queryTimeoutMs?: number;
  coinLeaseUnits?: number;
  /** Start the core with sync off (for queuing offline), pointing at the same database. */
  syncOff?: boolean;
  dataDir?: string;
}): Promise<TestTill> {
  const { central, storeId, tillId } = options;
  const added = await addTill(pgClientConfig({ databaseUrl: central.url }), { storeId, tillId });
  const url = new URL(central.urlAs(added.role));
  if (options.port) url.port = String(options.port);
  const databaseUrl = url.toString();
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `tillpoint-sync-${tillId}-`));
  const core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { mode: 'demo' },
    sync: options.syncOff
      ? { config: null }
      : {
          config: {
            databaseUrl,
            storeId,
            tillId,
            pollMs: options.pollMs ?? 50,
            coinLeaseUnits: options.coinLeaseUnits ?? 0,
          },
          worker: {
            clientConfig: pgClientConfig({
              databaseUrl,
              queryTimeoutMs: options.queryTimeoutMs ?? 3_000,
              connectTimeoutMs: 2_000,
            }),
            backoff: { baseMs: 20, maxMs: 400 },
            pullEveryMs: 500,
            leaseEveryMs: 500,
          },
        },
  });
  const { staff } = await core.call('staff.list', {});
  const manager = staff.find((member) => member.role === 'manager');
  if (!manager) throw new Error('the demo store has no manager');
  const { session } = await core.call('staff.login', { staffId: manager.staffId, pin: '1470' });
  const { shift } = await core.call('shifts.current', {}, session);
  if (!shift) {
    await core.call('shifts.open', { float: { amount: '100000' } }, session);
  }
  const { products } = await core.call('catalog.products', { limit: 50 }, session);
  const variants = products.flatMap((product) => product.variants.map((variant) => variant.id));
  let sold = 0;
  return {
    core,
    storeId,
    tillId,
    dataDir,
    session,
    async sell(count) {
      for (let i = 0; i < count; i += 1) {
        const sale = sold++;
        const { order } = await core.call('orders.create', {}, session);
        for (let line = 0; line < 2; line += 1) {
          const variantId = variants[(sale * 7 + line * 3) % variants.length] as string;
          await core.call(
            'orders.addLine',
            { orderId: order.id, variantId, quantity: 1 + (sale % 3) },
            session,
          );
        }
        const priced = (await core.call('orders.get', { orderId: order.id }, session)).order;
        await core.call('payments.cash', { orderId: order.id, tendered: priced.cashAmountDueMinor }, session);
      }
    },
    async close() {
      await core.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
