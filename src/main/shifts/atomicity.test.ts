/**
 * Atomic state changes: a handler that fails writes nothing. Every state-changing handler of the
 * contract under orders, receipts, shifts, drawer, staff, catalog and settings runs here with an input
 * that passes its schema but fails late, inside the handler: at its last write (a trigger refuses
 * the audit entry, or the row it changes last), or where it reads the drawer's balance (the ledger
 * refuses it, as it did past 1,000 movements). The whole database is dumped before and after and
 * must be the same. A new handler in those domains fails the first test until it has a case (atomicityCases.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handlers, TillpointError, type HandlerName } from '../../shared/api';
import { type Db } from '../kernel';
import type * as LedgerModule from '../ledger/ledger';
import { openSalesTill, type SalesTill } from '../orders/salesTestKit';
import { cases, coveredElsewhere, domains, readOnly, type Fixture, type ShiftState } from './atomicityCases';

/** Faults the ledger can be told to have: `balance` refuses every balance read. */
const faults = vi.hoisted(() => ({ balance: false }));

vi.mock('../ledger/ledger', async (importOriginal) => {
  const real = await importOriginal<typeof LedgerModule>();
  return {
    ...real,
    createLedger: (...args: Parameters<typeof real.createLedger>) => {
      const ledger = real.createLedger(...args);
      return new Proxy(ledger, {
        get(target, key, receiver) {
          const value: unknown = Reflect.get(target, key, receiver);
          if (key !== 'balance' || typeof value !== 'function') return value;
          return (...callArgs: unknown[]) => {
            if (faults.balance) {
              throw new TillpointError('bad_input', 'The ledger cannot read this balance (injected).');
            }
            return (value as (...a: unknown[]) => unknown).apply(target, callArgs);
          };
        },
      });
    },
  };
});

/** Every table's rows, sorted; a session's last_seen_at is the dispatcher's, not the handler's. */
function dumpDatabase(db: Db): Record<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    dump[table] = rows
      .map((row) => JSON.stringify(table === 'staff_sessions' ? { ...row, last_seen_at: null } : row))
      .sort();
  }
  return dump;
}

let fixture: Fixture;

async function shiftState(till: SalesTill): Promise<ShiftState> {
  const { shift } = await till.core.call('shifts.current', {}, till.manager.session);
  return shift === null ? 'none' : shift.status === 'closing' ? 'closing' : 'open';
}

async function bringShiftTo(till: SalesTill, wanted: ShiftState): Promise<void> {
  const now = await shiftState(till);
  if (now === wanted) return;
  if (now === 'closing') await till.core.call('shifts.cancelClose', {}, till.manager.session);
  if (wanted === 'closing') {
    if (now === 'none') await till.openShift();
    await till.core.call('shifts.startClose', {}, till.manager.session);
  } else if (wanted === 'none') {
    await till.closeShift();
  } else if (now === 'none') {
    await till.openShift();
  }
}

beforeAll(async () => {
  const till = await openSalesTill();
  await till.openShift();
  const created = await till.core.call(
    'staff.create',
    { name: 'Sam Spare', role: 'cashier', pin: '517394' },
    till.owner.session,
  );
  const login = await till.core.call('staff.login', { staffId: created.staffId, pin: '517394' });
  const orderId = await till.newOrder();
  const cart = await till.add(orderId, till.coffee, 2);
  const paidOrderId = await till.newOrder();
  const paid = await till.add(paidOrderId, till.muffin, 2);
  await till.payCash(paidOrderId, 1000n);
  const { category } = await till.core.call('catalog.saveCategory', { name: 'Drinks' }, till.owner.session);
  const products = await till.core.call('catalog.products', {}, till.owner.session);
  fixture = {
    till,
    spare: { staffId: created.staffId, session: login.session, pin: '517394' },
    orderId,
    lineId: cart.lines[0]?.id ?? '',
    paidOrderId,
    paidLineId: paid.lines[0]?.id ?? '',
    productId: products.products[0]?.id ?? '',
    categoryId: category.id,
  };
});
afterAll(() => fixture.till.close());

describe('atomic state changes: a handler that fails writes nothing', () => {
  it('every state-changing handler of these domains has a late failure here', () => {
    const names = (Object.keys(handlers) as HandlerName[]).filter((name) =>
      domains.some((prefix) => name.startsWith(prefix)),
    );
    const covered = new Set(cases.map((c) => c.handler));
    const missing = names.filter(
      (name) => !readOnly.has(name) && !covered.has(name) && !(name in coveredElsewhere),
    );
    expect(missing).toEqual([]);
  });

  it.each(
    cases.map(
      (c) =>
        [`${c.handler} (${'trigger' in c.fault ? c.fault.trigger : `ledger ${c.fault.ledger}`})`, c] as const,
    ),
  )('%s that fails late writes nothing', async (_name, c) => {
    const { till } = fixture;
    await bringShiftTo(till, c.shift);
    const session = c.who === null ? null : c.who === 'spare' ? fixture.spare.session : till[c.who].session;
    const input = c.input(fixture);
    const db = till.core.db;
    const before = dumpDatabase(db);
    if ('trigger' in c.fault) {
      db.exec(
        `CREATE TEMP TRIGGER fail_late ${c.fault.trigger} BEGIN SELECT RAISE(ABORT, 'injected late failure'); END`,
      );
    } else {
      faults.balance = true;
    }
    let outcome: unknown;
    try {
      outcome = await till.core.call(c.handler as HandlerName, input as never, session).then(
        () => 'passed',
        (error: unknown) => error,
      );
    } finally {
      db.exec('DROP TRIGGER IF EXISTS temp.fail_late');
      faults.balance = false;
    }
    expect(outcome, `${c.handler} should have failed`).not.toBe('passed');
    const expected = c.code ?? ('trigger' in c.fault ? 'internal' : 'bad_input');
    expect((outcome as { code?: string }).code, String(outcome)).toBe(expected);
    const after = dumpDatabase(db);
    for (const table of Object.keys(before)) {
      expect(after[table], `${c.handler} changed ${table}`).toEqual(before[table]);
    }
  });

  it('startClose that fails leaves the shift open', async () => {
    const { till } = fixture;
    await bringShiftTo(till, 'open');
    faults.balance = true;
    try {
      const refused = await till.core.call('shifts.startClose', {}, till.manager.session).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: 'bad_input' });
    } finally {
      faults.balance = false;
    }
    expect(await shiftState(till)).toBe('open');
    // The till still sells: the shift was never left closing.
    const orderId = await till.newOrder();
    await till.add(orderId, till.gift);
    expect((await till.payCash(orderId, 2500n)).order.status).toBe('paid');
  });
});
