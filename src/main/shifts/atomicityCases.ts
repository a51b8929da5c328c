/**
 * The late failures of src/main/shifts/atomicity.test.ts: for every state-changing handler of the
 * contract under orders, receipts, shifts, drawer, staff, catalog and settings, an input that passes
 * its schema and the fault that makes it fail late. Used by that test only.
 */
import { type Member, type SalesTill } from '../orders/salesTestKit';

export const domains = ['orders.', 'receipts.', 'shifts.', 'drawer.', 'staff.', 'catalog.', 'settings.'];

/** Handlers that only read: nothing to undo. */
export const readOnly = new Set<string>([
  'orders.get',
  'orders.list',
  'orders.refundQuote',
  'receipts.render',
  'receipts.print',
  'shifts.current',
  'shifts.checkCount',
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
export const coveredElsewhere: Record<string, string> = {
  'shifts.carryPayments': 'needs a payment in flight (a reader, a chain): src/main/payments',
};

/** Where the late failure comes from: a trigger refusing a write (`BEFORE INSERT ON audit_log`), or the ledger. */
export type Fault = { trigger: string } | { ledger: 'balance' };
export const lastAudit: Fault = { trigger: 'BEFORE INSERT ON audit_log' };

export type ShiftState = 'open' | 'closing' | 'none';

export interface Fixture {
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

export interface LateFailure {
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

export const cases: LateFailure[] = [
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
    handler: 'orders.setCustomer',
    fault: lastAudit,
    who: 'cashier',
    shift: 'open',
    input: (f) => ({ orderId: f.orderId, customerId: null }),
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
