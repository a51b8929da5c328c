/**
 * Fuzzes every handler of the contract through the real host: inputs drawn from the handler's own
 * input schema (shaped, and with edge values at the leaves) and garbage, at least 500 calls per
 * handler, mostly with an owner's session (so calls get past permission), some with a cashier's or
 * none. Checks, for every call: no 5xx but the documented 503 (`unavailable`), no call over 5 s (a
 * bound on hangs, not a performance figure: calls over 1 s are only printed, since a shared machine
 * can be that slow), no row written by a refused call
 * (temporary triggers record every write of the core's connection; the refusals that must write are
 * listed below), no success for an input holding a lone surrogate; and the ledger's invariants after.
 * The handler list comes from the contract: a new handler is fuzzed without touching this file. A
 * domain that calls an outside service needs its simulator wired below (as Stripe's and Paystack's
 * are), or its calls wait on the network and count as hangs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlers, type ApiInput, type HandlerDef } from '../../src/shared/api';
import { startPaystackSimulator, type PaystackSimulator } from '../../src/main/card';
import { startStripeSimulator, type StripeSimulator } from '../../src/main/card/stripeSim';
import { createCore, type Core } from '../../src/main/core';
import { testPinHashParams } from '../../src/main/staff';
import { createLedger } from '../../src/main/ledger';
import { callsFor, holdsLoneSurrogate, type IdPool } from './fuzzInputs';
import { createHostServer } from '../../src/main/host/server';
import { loadOrCreateToken } from '../../src/main/host/token';

/** At least 500 in CI; FUZZ_CALLS raises it for a longer local run. */
const callsPerHandler = Math.max(500, Number(process.env.FUZZ_CALLS ?? 0) || 0);
const hangBoundMs = 5_000;
/** Printed, never failed on: a slow call on a busy machine is not a hang. */
const slowCallMs = 1_000;
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/**
 * Refusals that write on purpose: a wrong PIN is counted, audited and may lock the member out
 * (ending their sessions). Keyed by handler, then by the error codes that may write, with the tables.
 */
const refusalsThatWrite: Record<string, { codes: string[]; tables: string[] }> = {
  'staff.login': { codes: ['unauthorized', 'locked'], tables: ['staff', 'audit_log', 'staff_sessions'] },
  'staff.approve': {
    codes: ['unauthorized', 'locked', 'forbidden'],
    tables: ['staff', 'audit_log', 'staff_sessions'],
  },
  'staff.changeOwnPin': {
    codes: ['unauthorized', 'locked'],
    tables: ['staff', 'audit_log', 'staff_sessions'],
  },
};

interface Member {
  staffId: string;
  pin: string;
  session: string | null;
}

let dataDir: string;
let core: Core;
let token: string;
let baseUrl: string;
let closeHost: () => Promise<void>;
let stripeSim: StripeSimulator;
let paystackSim: PaystackSimulator;
const pool: IdPool = { ids: [], byField: {} };
let owner: Member;
let reserveOwner: Member;
let cashier: Member;
let openOrderId = '';
let fuzzVariantId = '';
/** The product sales are rung up with: saved again before each handler (a fuzzed call may archive it). */
let coffee: ApiInput<'catalog.saveProduct'>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-fuzz-'));
  // Outside services answer from their simulators: a fuzzed call must not wait on the network.
  stripeSim = await startStripeSimulator();
  paystackSim = await startPaystackSimulator();
  core = await createCore({
    dataDir,
    logger: pino({ level: 'silent' }),
    config: { door: 'host' },
    card: { stripeApi: stripeSim.clientOptions, paystackApi: paystackSim.baseUrl, env: {} },
    // Crypto: the simulated chains only (in this process) and the demo rates.
    crypto: { simulatedChains: true },
    // staff.create and staff.setPin hash each PIN they accept (a third of the run at production's cost).
    pinHashParams: testPinHashParams,
  });
  token = loadOrCreateToken(dataDir);
  const app = await createHostServer({ core, token, rendererDir: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  closeHost = async () => {
    await app.close();
    core.close();
  };
  await seedTill();
  installWriteRecorder();
});

afterAll(async () => {
  await closeHost?.();
  await stripeSim?.close();
  await paystackSim?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** An owner (kept out of the id pool, so fuzzing never locks or demotes them), staff, a catalog, a shift, orders. */
async function seedTill(): Promise<void> {
  const setup = await core.call('staff.setupOwner', { name: 'Fuzz Owner', pin: '48271593' });
  owner = { staffId: setup.staff.staffId, pin: '48271593', session: setup.session };
  const s = owner.session;
  const reserve = await core.call(
    'staff.create',
    { name: 'Reserve Owner', role: 'owner', pin: '92748163' },
    s,
  );
  reserveOwner = { staffId: reserve.staffId, pin: '92748163', session: null };
  const manager = await core.call(
    'staff.create',
    { name: 'Mia Manager', role: 'manager', pin: '73916452' },
    s,
  );
  const carl = await core.call('staff.create', { name: 'Carl Cashier', role: 'cashier', pin: '61592837' }, s);
  cashier = { staffId: carl.staffId, pin: '61592837', session: null };
  const taxClass = await core.call(
    'catalog.saveTaxClass',
    { name: 'Standard', rates: [{ taxId: 'vat', name: 'VAT', ratePercent: '8.875' }] },
    s,
  );
  const category = await core.call('catalog.saveCategory', { name: 'Drinks' }, s);
  coffee = {
    name: 'Coffee',
    taxClassId: taxClass.taxClass.id,
    categoryId: category.category.id,
    variants: [{ sku: 'COF-1', barcodes: ['4006381333931'], prices: [{ currency: 'USD', amount: '350' }] }],
  };
  const product = await core.call('catalog.saveProduct', coffee, s);
  coffee = { ...coffee, id: product.product.id };
  const variantId = product.product.variants[0]?.id ?? '';
  fuzzVariantId = variantId;
  remember('staffId', manager.staffId, carl.staffId);
  remember('taxClassId', taxClass.taxClass.id);
  remember('categoryId', category.category.id);
  remember('productId', product.product.id);
  remember('variantId', variantId);
  await ensureState();
  // A paid order, for refunds and receipts.
  const paid = await core.call('orders.create', {}, s);
  await core.call('orders.addLine', { orderId: paid.order.id, variantId, quantity: 2 }, s);
  const payment = await core.call('payments.cash', { orderId: paid.order.id, tendered: '100000' }, s);
  hint('currency', 'USD', 'EUR', 'JPY', 'ETH', 'usd');
  hint('asset', 'USD', 'BTC', 'COIN');
  hint('code', '4006381333931', 'COF-1', 'cof-1');
  hint('barcode', '4006381333931', 'COF-1');
  hint('tender', 'cash', 'card', 'nope');
  const { accounts } = await core.call('ledger.accounts', {}, s);
  remember('accountId', ...accounts.map((account) => account.id));
  remember('orderId', paid.order.id);
  remember('paymentId', payment.payment.id);
  remember('lineId', ...payment.order.lines.map((line) => line.id));
}

/** Values a field takes that a pattern does not tell (known currencies, codes, tenders): drawn often. */
function hint(field: string, ...values: string[]): void {
  (pool.byField[field] ??= []).push(...values);
}

/** Ids the fuzzer draws from, by the field that takes them. */
function remember(field: string, ...ids: string[]): void {
  for (const id of ids) {
    if (pool.ids.includes(id)) continue;
    pool.ids.push(id);
    (pool.byField[field] ??= []).push(id);
  }
}

/** Before each handler's calls: the owner logged in, a cashier session, an open shift and an open order with a line. */
async function ensureState(): Promise<void> {
  const me = await core.invoke('staff.me', {}, owner.session);
  if (!me.ok) {
    // Wrong PINs typed by the fuzzer (staff.changeOwnPin) may have locked the owner out: the reserve
    // owner, never fuzzed with, sets the same PIN again, which lifts the lockout.
    const reserve = await core.call('staff.login', { staffId: reserveOwner.staffId, pin: reserveOwner.pin });
    await core.call('staff.setPin', { staffId: owner.staffId, pin: owner.pin }, reserve.session);
    const login = await core.call('staff.login', { staffId: owner.staffId, pin: owner.pin });
    owner.session = login.session;
  }
  const s = owner.session;
  if (!(await core.invoke('staff.me', {}, cashier.session)).ok) {
    const login = await core.invoke('staff.login', { staffId: cashier.staffId, pin: cashier.pin });
    cashier.session = login.ok ? (login.data as { session: string }).session : null;
  }
  if (coffee.id) await core.invoke('catalog.saveProduct', { ...coffee, active: true }, s);
  const current = await core.call('shifts.current', {}, s);
  if (current.shift === null) await core.call('shifts.open', { float: { amount: '10000' } }, s);
  else if (current.shift.status === 'closing') await core.call('shifts.cancelClose', {}, s);
  const shift = await core.call('shifts.current', {}, s);
  if (shift.shift) remember('shiftId', shift.shift.id);
  const order = openOrderId ? await core.invoke('orders.get', { orderId: openOrderId }, s) : null;
  const status = order?.ok ? (order.data as { order: { status: string } }).order.status : null;
  if (status !== 'open') {
    const created = await core.invoke('orders.create', {}, s);
    if (created.ok) {
      const id = (created.data as { order: { id: string } }).order.id;
      const added = await core.invoke('orders.addLine', { orderId: id, variantId: fuzzVariantId }, s);
      openOrderId = id;
      remember('orderId', id);
      if (added.ok) {
        const { lines } = (added.data as { order: { lines: { id: string }[] } }).order;
        remember('lineId', ...lines.map((line) => line.id));
      }
    }
  }
}

/** Temporary triggers on every table of the core's connection: each write leaves its table's name. */
function installWriteRecorder(): void {
  const db = core.db;
  db.exec('CREATE TEMP TABLE fuzz_writes (tbl TEXT NOT NULL)');
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string | null }[];
  for (const { name, sql } of tables) {
    if (sql?.toUpperCase().startsWith('CREATE VIRTUAL')) continue;
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const literal = `'${name.replace(/'/g, "''")}'`;
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      // A session's "last seen" is bookkeeping of reading it, not a write of the call.
      const when =
        name === 'staff_sessions' && event === 'UPDATE' ? 'WHEN NEW.ended_at IS NOT OLD.ended_at' : '';
      try {
        db.exec(
          `CREATE TEMP TRIGGER "fuzz_${name}_${event}" AFTER ${event} ON main.${quoted} ${when}
           BEGIN INSERT INTO temp.fuzz_writes (tbl) VALUES (${literal}); END`,
        );
      } catch {
        // A table that takes no triggers (a full-text index's own tables): its writes go with another's.
      }
    }
  }
}

function takeWrites(): string[] {
  const rows = core.db.prepare('SELECT DISTINCT tbl FROM temp.fuzz_writes').pluck().all() as string[];
  core.db.exec('DELETE FROM temp.fuzz_writes');
  return rows;
}

interface Outcome {
  status: number;
  code: string | null;
  ms: number;
}

async function post(name: string, body: string, session: string | null): Promise<Outcome> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  };
  if (session) headers['x-tillpoint-session'] = session;
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/${name}`, { method: 'POST', headers, body });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, code: errorCodeOf(text), ms };
}

function errorCodeOf(text: string): string | null {
  try {
    return (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

describe('fuzzing every handler of the contract through the host', () => {
  it(`answers ${callsPerHandler} drawn and garbage calls per handler: no 500, no hang, no write when refused`, async () => {
    // FUZZ_ONLY=<regex> narrows a local run to some handlers; CI runs them all.
    const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
    const names = Object.keys(handlers)
      .sort()
      .filter((name) => only === null || only.test(name));
    // The recorder sees the core's writes: a call that writes leaves its tables.
    takeWrites();
    expect((await post('orders.create', '{}', owner.session)).status).toBe(200);
    expect(takeWrites()).toContain('orders');
    const byStatus = new Map<number, number>();
    const serverErrors: string[] = [];
    const hangs: string[] = [];
    const slowCalls: string[] = [];
    const refusedWrites: string[] = [];
    const acceptedSurrogates: string[] = [];
    const okByHandler: string[] = [];
    let calls = 0;
    let handlerIndex = 0;
    for (const name of names) {
      const def = handlers[name as keyof typeof handlers] as HandlerDef;
      const handlerStarted = performance.now();
      await ensureState();
      takeWrites();
      let ok = 0;
      let relogins = 0;
      const refusals: Record<string, number> = {};
      for (const call of callsFor(def, { seed: seed + handlerIndex * 7, count: callsPerHandler, pool })) {
        const session =
          call.who === 'owner' ? owner.session : call.who === 'cashier' ? cashier.session : null;
        const outcome = await post(name, call.body, session);
        const writes = takeWrites();
        calls += 1;
        byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
        const shown = `${name} ${outcome.status} ${outcome.code ?? ''} ${call.body.slice(0, 160)}`;
        if (outcome.status >= 500 && !(outcome.status === 503 && outcome.code === 'unavailable'))
          serverErrors.push(shown);
        if (outcome.ms > hangBoundMs) hangs.push(`${shown} (${Math.round(outcome.ms)} ms)`);
        else if (outcome.ms > slowCallMs) slowCalls.push(`${shown} (${Math.round(outcome.ms)} ms)`);
        if (outcome.status >= 400 && writes.length > 0) {
          const allowed = refusalsThatWrite[name];
          const excused =
            allowed &&
            outcome.code !== null &&
            allowed.codes.includes(outcome.code) &&
            writes.every((t) => allowed.tables.includes(t));
          if (!excused) refusedWrites.push(`${shown} wrote ${writes.join(', ')}`);
        }
        if (outcome.status >= 300) {
          const key = `${outcome.status} ${outcome.code ?? ''}`;
          refusals[key] = (refusals[key] ?? 0) + 1;
        }
        if (outcome.status < 300) {
          ok += 1;
          if (holdsLoneSurrogate(call.value)) acceptedSurrogates.push(shown);
        }
        // A call that ended the owner's session (staff.logout, staff.lock): log in again a few times
        // (each login hashes a PIN); after that the dead session still has its input checked first.
        const endedSession =
          outcome.status < 300 && call.who === 'owner' && (name === 'staff.logout' || name === 'staff.lock');
        if (endedSession && relogins < 5) {
          relogins += 1;
          await ensureState();
          takeWrites();
        }
      }
      okByHandler.push(`${name} ${ok}`);
      if (process.env.FUZZ_VERBOSE) {
        const ms = Math.round(performance.now() - handlerStarted);
        console.log(`${name}: ${ok} accepted in ${ms} ms; refusals ${JSON.stringify(refusals)}`);
      }
      handlerIndex += 1;
    }

    const invariants = createLedger(core.db, {}).checkInvariants();
    const statuses = [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`);
    console.log(
      `fuzz (seed ${seed}): ${calls} calls over ${names.length} handlers; by status ${statuses.join(', ')}; ` +
        `over ${hangBoundMs} ms: ${hangs.length}; over ${slowCallMs} ms: ${slowCalls.length}` +
        `${slowCalls.length > 0 ? ` (${slowCalls.slice(0, 5).join('; ')})` : ''}` +
        `\naccepted per handler: ${okByHandler.join(', ')}`,
    );
    expect(calls).toBeGreaterThanOrEqual(names.length * callsPerHandler);
    expect(serverErrors, serverErrors.slice(0, 20).join('\n')).toEqual([]);
    expect(hangs, hangs.slice(0, 20).join('\n')).toEqual([]);
    expect(refusedWrites, refusedWrites.slice(0, 20).join('\n')).toEqual([]);
    expect(acceptedSurrogates, acceptedSurrogates.slice(0, 20).join('\n')).toEqual([]);
    expect(invariants.problems).toEqual([]);
  }, 600_000);
});
