/**
 * For the tests of orders and payments: a real core on a temp folder with an owner, a manager and a
 * cashier logged in, a small catalog (a taxed coffee, a tracked muffin, a tax-free gift card), a ledger
 * on the same database to read balances, and short ways to open and close shifts, ring up sales and
 * get a manager's approval. Used by tests only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { expect } from 'vitest';
import { ApiCallError, type ApiInput, type ApiOutput, type ErrorCode } from '../../shared/api';
import { type ApprovalAction } from '../../shared/api/staff';
import { createCore, type Core } from '../core';
import { type ReceiptPrinter } from '../kernel';
import { createLedger, type Ledger } from '../ledger';
import { type TenderAdapter } from '../payments';
import { testPinHashParams } from '../staff';

export interface Member {
  readonly staffId: string;
  readonly session: string;
  readonly pin: string;
}

export type OrderView = ApiOutput<'orders.get'>['order'];

export interface SalesTill {
  readonly core: Core;
  readonly dir: string;
  readonly ledger: Ledger;
  readonly owner: Member;
  readonly manager: Member;
  readonly cashier: Member;
  /** Variant ids: coffee $3.50 (8.875 % tax, barcode), muffin $2.25 (tax, stock tracked), gift $25.00 (no tax). */
  readonly coffee: string;
  readonly muffin: string;
  readonly gift: string;
  readonly coffeeBarcode: string;
  readonly taxClassId: string;
  openShift(floatMinor?: bigint): Promise<string>;
  /** Starts closing and closes the open shift, counting exactly `countedMinor` (default: what is expected). */
  closeShift(countedMinor?: bigint): Promise<ApiOutput<'shifts.close'>>;
  newOrder(session?: string): Promise<string>;
  add(orderId: string, variantId: string, quantity?: number, session?: string): Promise<OrderView>;
  payCash(
    orderId: string,
    tenderedMinor: bigint,
    amountMinor?: bigint,
    session?: string,
  ): Promise<ApiOutput<'payments.cash'>>;
  /** The manager approves `action` for the cashier (or `requester`). */
  approve(action: ApprovalAction, ref: string, requester?: Member): Promise<string>;
  /** Posted net (debits − credits) of an account, 0 when it does not exist yet. */
  balance(code: string, ref?: string): bigint;
  /** The sum of the accounts_receivable movements of an order, its payments and its refunds. */
  receivableOfOrder(orderId: string): bigint;
  onHand(variantId: string): number;
  close(): Promise<void>;
}

let clockStartMs = Date.parse('2026-11-21T09:00:00.000Z');

export async function openSalesTill(
  options: { printer?: ReceiptPrinter; tenders?: readonly TenderAdapter[]; dataDir?: string } = {},
): Promise<SalesTill> {
  const dir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-sales-'));
  let clockMs = (clockStartMs += 86_400_000);
  // Each reading of the clock moves it by a millisecond, so timestamps are distinct and ordered.
  const now = () => new Date((clockMs += 1));
  const core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: process.env.TP_LOG ?? 'silent' }),
    now,
    ...(options.printer ? { printer: options.printer } : {}),
    ...(options.tenders ? { tenders: options.tenders } : {}),
  });
  const setup = await core.call('staff.setupOwner', { name: 'Olga Owner', pin: '482715' });
  const owner: Member = { staffId: setup.staff.staffId, session: setup.session, pin: '482715' };
  const member = async (name: string, role: 'manager' | 'cashier', pin: string): Promise<Member> => {
    const created = await core.call('staff.create', { name, role, pin }, owner.session);
    const login = await core.call('staff.login', { staffId: created.staffId, pin });
    return { staffId: created.staffId, session: login.session, pin };
  };
  const manager = await member('Mona Manager', 'manager', '739164');
  const cashier = await member('Carl Cashier', 'cashier', '615928');
  const { taxClass } = await core.call(
    'catalog.saveTaxClass',
    { name: 'Standard', rates: [{ taxId: 'sales_tax', name: 'Sales tax', ratePercent: '8.875' }] },
    owner.session,
  );
  const { taxClass: exempt } = await core.call(
    'catalog.saveTaxClass',
    { name: 'Exempt', rates: [{ taxId: 'exempt', name: 'No tax', ratePercent: '0' }] },
    owner.session,
  );
  const product = async (
    name: string,
    sku: string,
    price: string,
    trackStock: boolean,
    barcodes: string[] = [],
    taxClassId = taxClass.id,
  ) => {
    const saved = await core.call(
      'catalog.saveProduct',
      {
        name,
        taxClassId,
        variants: [{ sku, barcodes, prices: [{ currency: 'USD', amount: price }], trackStock }],
      },
      owner.session,
    );
    const variant = saved.product.variants[0];
    if (!variant) throw new Error(`Product ${name} has no variant.`);
    return variant.id;
  };
  const coffeeBarcode = '4006381333931';
  const coffee = await product('Coffee', 'COF-1', '350', false, [coffeeBarcode]);
  const muffin = await product('Muffin', 'MUF-1', '225', true);
  const gift = await product('Gift card', 'GIFT-25', '2500', false, [], exempt.id);
  await core.call(
    'catalog.adjustStock',
    { variantId: muffin, reason: 'receive', delta: 100, note: 'delivery' },
    owner.session,
  );
  const ledger = createLedger(core.db, { now });

  const currentShift = async () => (await core.call('shifts.current', {}, manager.session)).shift;

  const till: SalesTill = {
    core,
    dir,
    ledger,
    owner,
    manager,
    cashier,
    coffee,
    muffin,
    gift,
    coffeeBarcode,
    taxClassId: taxClass.id,
    async openShift(floatMinor = 10000n) {
      const { shift } = await core.call(
        'shifts.open',
        { float: { amount: floatMinor.toString() } },
        manager.session,
      );
      return shift.id;
    },
    async closeShift(countedMinor) {
      const shift = await currentShift();
      if (!shift) throw new Error('No shift to close.');
      const { xReport } = await core.call('shifts.startClose', {}, manager.session);
      if (!xReport.cash) throw new Error('The X report holds its figures back (blind count).');
      const counted = countedMinor ?? BigInt(xReport.cash.expectedMinor);
      // Dollar notes and cents: any amount of USD in two denominations.
      const counts = [
        { denominationMinor: '100', count: Number(counted / 100n) },
        { denominationMinor: '1', count: Number(counted % 100n) },
      ];
      return core.call('shifts.close', { counts }, manager.session);
    },
    async newOrder(session = cashier.session) {
      return (await core.call('orders.create', {}, session)).order.id;
    },
    async add(orderId, variantId, quantity = 1, session = cashier.session) {
      return (await core.call('orders.addLine', { orderId, variantId, quantity }, session)).order;
    },
    payCash(orderId, tenderedMinor, amountMinor, session = cashier.session) {
      const input: ApiInput<'payments.cash'> = {
        orderId,
        tendered: tenderedMinor.toString(),
        ...(amountMinor !== undefined ? { amount: amountMinor.toString() } : {}),
      };
      return core.call('payments.cash', input, session);
    },
    async approve(action, ref, requester = cashier) {
      const granted = await core.call(
        'staff.approve',
        { staffId: manager.staffId, pin: manager.pin, action, ref },
        requester.session,
      );
      return granted.approval;
    },
    balance(code, ref = '') {
      const account = ledger.findAccount('USD', code, ref);
      return account ? ledger.balance(account.id).net : 0n;
    },
    receivableOfOrder(orderId) {
      const receivable = ledger.findAccount('USD', 'accounts_receivable', '');
      if (!receivable) return 0n;
      const refs = [
        `order:${orderId}`,
        ...(
          core.db.prepare('SELECT id FROM payments WHERE order_id = ?').pluck().all(orderId) as string[]
        ).map((id) => `payment:${id}`),
        ...(
          core.db.prepare('SELECT id FROM refunds WHERE order_id = ?').pluck().all(orderId) as string[]
        ).map((id) => `refund:${id}`),
      ];
      let net = 0n;
      for (const ref of refs) {
        for (const transfer of ledger.transfersByRef(ref)) {
          // Posted movements only: a pending transfer moves nothing until its post (which repeats its accounts).
          if (transfer.kind !== 'single' && transfer.kind !== 'post_pending') continue;
          if (transfer.debitAccountId === receivable.id) net += transfer.amount;
          if (transfer.creditAccountId === receivable.id) net -= transfer.amount;
        }
      }
      return net;
    },
    onHand(variantId) {
      return core.db
        .prepare('SELECT on_hand FROM catalog_variants WHERE id = ?')
        .pluck()
        .get(variantId) as number;
    },
    async close() {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return till;
}

/** Awaits a call that must fail, checks its code, and returns the error for more checks. */
export async function expectApiError(promise: Promise<unknown>, code: ErrorCode): Promise<ApiCallError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiCallError);
  expect((error as ApiCallError).code).toBe(code);
  return error as ApiCallError;
}
