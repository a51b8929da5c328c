/**
 * Atomic state changes: a handler that fails writes nothing. Every state-changing handler of the
 * contract under orders, receipts, shifts, drawer, staff, catalog and settings runs here with an input
 * that passes its schema but fails late, inside the handler: at its last write (a trigger refuses
 * the audit entry, or the row it changes last), or where it reads the drawer's balance (the ledger
 * refuses it, as it did past 1,000 movements). The whole database is dumped before and after and
 * must be the same. A new handler in those domains fails the first test until it has a case here.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handlers, TillpointError, type HandlerName } from '../../shared/api';
import { type Db } from '../core/db';
import type * as LedgerModule from '../ledger/ledger';
import { openSalesTill, type Member, type SalesTill } from '../orders/salesTestKit';

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

const domains = ['orders.', 'receipts.', 'shifts.', 'drawer.', 'staff.', 'catalog.', 'settings.'];

/** Handlers that only read: nothing to undo. */
const readOnly = new Set<string>([
  'orders.get',
  'orders.list',
  'receipts.render',
  'receipts.print',
  'shifts.current',
  'shifts.zReport',
  'shifts.list',
  'shifts.denominations',
  'staff.status',
  'staff.list',
  'staff.me',
  'staff.listAll',
  'catalog.categories',
  'catalog.taxClasses',
  'catalog.products',
  'catalog.product',
  'catalog.lookupBarcode',
  'catalog.stockMovements',
  'catalog.lowStock',
  'catalog.image',
  'catalog.exportCsv',
  'settings.get',
]);

/** State-changing handlers that cannot fail late here, and where they are covered instead. */
const coveredElsewhere: Record<string, string> = {
  'shifts.carryPayments': 'needs a payment in flight (a reader, a chain): src/main/payments',
};

/** Where the late failure comes from: a trigger refusing a write (`BEFORE INSERT ON audit_log`), or the ledger. */
type Fault = { trigger: string } | { ledger: 'balance' };
const lastAudit: Fault = { trigger: 'BEFORE INSERT ON audit_log' };

type ShiftState = 'open' | 'closing' | 'none';

interface Fixture {
  till: SalesTill;
  /** A member whose session a case may end (logout, lock). */
  spare: Member;
  orderId: string;
  lineId: string;
  paidOrderId: string;
  paidLineId: string;
  productId: string;
  categoryId: string;
}

interface LateFailure {
  handler: string;
  fault: Fault;
  who: 'cashier' | 'manager' | 'owner' | 'spare' | null;
  shift: ShiftState;
  input: (f: Fixture) => unknown;
  /** The error expected: `internal` for a refused write, `bad_input` for the ledger, else as given. */
  code?: string;
}

const onePixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const cases: LateFailure[] = [
  {
    handler: 'orders.create',
    fault: { trigger: 'BEFORE INSERT ON orders' },
    who: 'cashier',
    shift: 'open',
    input: () => ({}),
  },
  {
    handler: 'orders.addLine',
    fault: { trigger: 'BEFORE UPDATE ON orders' },
    who: 'cashier',
    shift: 'open',
    input: (f) => ({ orderId: f.orderId, variantId: f.till.gift, quantity: 2 }),
  },
  {
    handler: 'orders.updateLine',
    fault: { trigger: 'BEFORE UPDATE ON orders' },
    who: 'cashier',
    shift: 'open',
    input: (f) => ({ orderId: f.orderId, lineId: f.lineId, quantity: 3 }),
  },
  {
    handler: 'orders.updateLine',
    fault: lastAudit,
    who: 'manager',
    shift: 'open',
    input: (f) => ({ orderId: f.orderId, lineId: f.lineId, discount: { kind: 'percent', percent: '50' } }),
  },
  {
    handler: 'orders.removeLine',
    fault: { trigger: 'BEFORE UPDATE ON orders' },
    who: 'cashier',
    shift: 'open',
    input: (f) => ({ orderId: f.orderId, lineId: f.lineId }),
  },
  {
    handler: 'orders.setDiscount',
    fault: lastAudit,
    who: 'manager',
    shift: 'open',
    input: (f) => ({ orderId: f.orderId, discount: { kind: 'percent', percent: '40' } }),
  },
  {
    handler: 'orders.setTip',
    fault: { trigger: 'BEFORE UPDATE ON orders' },
    who: 'cashier',
    shift: 'open',
    input: (f) => ({ orderId: f.orderId, tip: null }),
  },
  {
    handler: 'orders.void',
    fault: lastAudit,
    who: 'manager',
    shift: 'open',
    input: (f) => ({ orderId: f.orderId, reason: 'Rung up twice' }),
  },
  {
    handler: 'orders.refund',
    fault: lastAudit,
    who: 'manager',
    shift: 'open',
    input: (f) => ({
      orderId: f.paidOrderId,
      lines: [{ lineId: f.paidLineId, quantity: 1 }],
      reason: 'Damaged',
    }),
  },
  {
    handler: 'shifts.open',
    fault: lastAudit,
    who: 'manager',
    shift: 'none',
    input: () => ({ float: { amount: '5000' } }),
  },
  {
    handler: 'shifts.startClose',
    fault: { ledger: 'balance' },
    who: 'manager',
    shift: 'open',
    input: () => ({}),
  },
  { handler: 'shifts.startClose', fault: lastAudit, who: 'manager', shift: 'open', input: () => ({}) },
  { handler: 'shifts.cancelClose', fault: lastAudit, who: 'manager', shift: 'closing', input: () => ({}) },
  {
    handler: 'shifts.close',
    fault: lastAudit,
    who: 'manager',
    shift: 'closing',
    input: () => ({ counts: [{ denominationMinor: '100', count: 3 }] }),
  },
  {
    handler: 'shifts.close',
    fault: { ledger: 'balance' },
    who: 'manager',
    shift: 'closing',
    input: () => ({ counts: [{ denominationMinor: '100', count: 3 }] }),
  },
  {
    handler: 'shifts.cashMovement',
    fault: lastAudit,
    who: 'manager',
    shift: 'open',
    input: () => ({ kind: 'pay_in', amount: '1000', reason: 'Change from the bank' }),
  },
  {
    handler: 'drawer.noSale',
    fault: lastAudit,
    who: 'manager',
    shift: 'open',
    input: () => ({ reason: 'Check the float' }),
  },
  // An owner exists: refused inside the handler, after its input passed.
  {
    handler: 'staff.setupOwner',
    fault: lastAudit,
    who: null,
    shift: 'open',
    code: 'conflict',
    input: () => ({ name: 'Second Owner', pin: '905172' }),
  },
  {
    handler: 'staff.login',
    fault: lastAudit,
    who: null,
    shift: 'open',
    input: (f) => ({ staffId: f.spare.staffId, pin: f.spare.pin }),
  },
  { handler: 'staff.logout', fault: lastAudit, who: 'spare', shift: 'open', input: () => ({}) },
  { handler: 'staff.lock', fault: lastAudit, who: 'spare', shift: 'open', input: () => ({}) },
  {
    handler: 'staff.create',
    fault: lastAudit,
    who: 'owner',
    shift: 'open',
    input: () => ({ name: 'Nina New', role: 'cashier', pin: '830517' }),
  },
  {
    handler: 'staff.update',
    fault: lastAudit,
    who: 'owner',
    shift: 'open',
    input: (f) => ({ staffId: f.spare.staffId, name: 'Renamed', active: false }),
  },
  {
    handler: 'staff.setPin',
    fault: lastAudit,
    who: 'owner',
    shift: 'open',
    input: (f) => ({ staffId: f.spare.staffId, pin: '604918' }),
  },
  {
    handler: 'staff.changeOwnPin',
    fault: lastAudit,
    who: 'spare',
    shift: 'open',
    input: (f) => ({ currentPin: f.spare.pin, newPin: '708193' }),
  },
  {
    handler: 'staff.approve',
    fault: lastAudit,
    who: 'cashier',
    shift: 'open',
    input: (f) => ({
      staffId: f.till.manager.staffId,
      pin: f.till.manager.pin,
      action: 'void',
      ref: f.orderId,
    }),
  },
  {
    handler: 'catalog.saveCategory',
    fault: { trigger: 'BEFORE INSERT ON catalog_categories' },
    who: 'owner',
    shift: 'open',
    input: () => ({ name: 'Pastries' }),
  },
  {
    handler: 'catalog.saveTaxClass',
    fault: { trigger: 'BEFORE INSERT ON catalog_tax_rates' },
    who: 'owner',
    shift: 'open',
    input: () => ({ name: 'Reduced', rates: [{ taxId: 'reduced', name: 'Reduced', ratePercent: '5' }] }),
  },
  {
    handler: 'catalog.saveProduct',
    fault: { trigger: 'BEFORE INSERT ON catalog_barcodes' },
    who: 'owner',
    shift: 'open',
    input: (f) => ({
      name: 'Tea',
      categoryId: f.categoryId,
      taxClassId: f.till.taxClassId,
      variants: [
        {
          sku: 'TEA-1',
          barcodes: ['4006381333948'],
          prices: [{ currency: 'USD', amount: '300' }],
          trackStock: true,
        },
      ],
    }),
  },
  {
    handler: 'catalog.archiveProduct',
    fault: { trigger: 'BEFORE UPDATE ON catalog_products' },
    who: 'owner',
    shift: 'open',
    input: (f) => ({ productId: f.productId }),
  },
  {
    handler: 'catalog.adjustStock',
    fault: { trigger: 'BEFORE UPDATE ON catalog_variants' },
    who: 'owner',
    shift: 'open',
    input: (f) => ({ variantId: f.till.muffin, reason: 'receive', delta: 12 }),
  },
  {
    handler: 'catalog.setImage',
    fault: { trigger: 'BEFORE UPDATE ON catalog_products' },
    who: 'owner',
    shift: 'open',
    input: (f) => ({ productId: f.productId, mimeType: 'image/png', dataBase64: onePixelPng }),
  },
  {
    handler: 'catalog.importCsv',
    fault: { trigger: 'BEFORE INSERT ON catalog_prices' },
    who: 'owner',
    shift: 'open',
    input: () => ({
      csv:
        'sku,barcodes,product,variant,category,tax_class,price,track_stock,stock,description,active\n' +
        'SCN-1,,Scone,,Bakery,Standard,2.95,yes,20,,\n',
      currency: 'USD',
    }),
  },
  {
    handler: 'settings.update',
    fault: lastAudit,
    who: 'owner',
    shift: 'open',
    input: () => ({ discountLimitPercent: '20', priceOverrideThresholdMinor: '5000' }),
  },
];

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
