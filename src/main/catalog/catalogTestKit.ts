/**
 * Helpers for the catalog tests: a real core on a temp folder with an owner logged in, a catalog
 * context on the same database for calling the rules directly, and short ways to make products.
 * Used by tests only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { expect } from 'vitest';
import { ApiCallError, type ApiInput, type ErrorCode } from '../../shared/api';
import { type Product, type TaxClass } from '../../shared/api/catalog';
import { createCore, type Core } from '../core';
import { type CoreDeps } from '../kernel';
import { type CatalogContext, createCatalogContext } from './context';
import { createCatalogModule, type CatalogService } from '.';
import { testPinHashParams } from '../staff';

export interface CatalogTill {
  readonly core: Core;
  readonly dir: string;
  /** The owner's session: may do everything. */
  readonly session: string;
  readonly ownerId: string;
  /** The catalog rules on the core's database, for tests that call them directly. */
  readonly ctx: CatalogContext;
  readonly service: CatalogService;
  /** Every catalog.updated payload seen, oldest first. */
  readonly announced: string[][];
  /** A tax class "Standard" at 8.875%, made on opening. */
  readonly standard: TaxClass;
  saveProduct(
    input: Omit<ApiInput<'catalog.saveProduct'>, 'taxClassId'> & { taxClassId?: string },
  ): Promise<Product>;
  cashierSession(): Promise<string>;
  close(): Promise<void>;
}

export const ownerPin = '4826';

/** A product with two variants, barcodes, and prices in USD and EUR. */
export const coffee: Omit<ApiInput<'catalog.saveProduct'>, 'taxClassId'> = {
  name: 'Coffee',
  description: 'Fresh drip coffee',
  variants: [
    {
      name: 'Small',
      sku: 'COF-S',
      barcodes: ['4006381333931'],
      prices: [
        { currency: 'USD', amount: '250' },
        { currency: 'EUR', amount: '230' },
      ],
      trackStock: true,
    },
    {
      name: 'Large',
      sku: 'COF-L',
      barcodes: ['036000291452', 'COF-LARGE'],
      prices: [{ currency: 'USD', amount: '375' }],
    },
  ],
};

export async function openCatalogTill(): Promise<CatalogTill> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-catalog-'));
  let clockMs = Date.parse('2026-11-21T09:00:00.000Z');
  // Each reading of the clock moves it by a millisecond, so timestamps are distinct and ordered.
  const now = () => new Date((clockMs += 1));
  const core = await createCore({
    pinHashParams: testPinHashParams,
    dataDir: dir,
    logger: pino({ level: 'silent' }),
    now,
  });
  const announced: string[][] = [];
  core.events.on('catalog.updated', (payload) => announced.push(payload.productIds));
  const owner = await core.call('staff.setupOwner', { name: 'Olive Owner', pin: ownerPin });
  const deps: CoreDeps = {
    db: core.db,
    dataDir: dir,
    config: core.config,
    events: core.events,
    logger: core.logger,
    now,
    startedAt: now(),
    serviceHealth: () => [],
  };
  const ctx = createCatalogContext(deps);
  const { service } = createCatalogModule(deps);
  const { taxClass: standard } = await core.call(
    'catalog.saveTaxClass',
    { name: 'Standard', rates: [{ taxId: 'sales_tax', name: 'Sales tax', ratePercent: '8.875' }] },
    owner.session,
  );
  return {
    core,
    dir,
    session: owner.session,
    ownerId: owner.staff.staffId,
    ctx,
    service,
    announced,
    standard,
    async saveProduct(input) {
      const result = await core.call(
        'catalog.saveProduct',
        { ...input, taxClassId: input.taxClassId ?? standard.id },
        owner.session,
      );
      return result.product;
    },
    async cashierSession() {
      const cashier = await core.call(
        'staff.create',
        { name: 'Cass Cashier', role: 'cashier', pin: '5937' },
        owner.session,
      );
      const login = await core.call('staff.login', { staffId: cashier.staffId, pin: '5937' });
      return login.session;
    },
    async close() {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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

/** Sums every stock movement per variant, straight from the table. */
export function movementSums(core: Core): Map<string, number> {
  const rows = core.db
    .prepare('SELECT variant_id, sum(delta) AS total FROM catalog_stock_movements GROUP BY variant_id')
    .all() as { variant_id: string; total: number }[];
  return new Map(rows.map((r) => [r.variant_id, r.total]));
}

/** Every row of every catalog table as text, to show that a failed change wrote nothing. */
export function catalogFingerprint(core: Core): string {
  const tables = [
    'catalog_categories',
    'catalog_tax_classes',
    'catalog_tax_rates',
    'catalog_products',
    'catalog_variants',
    'catalog_barcodes',
    'catalog_prices',
    'catalog_stock_movements',
  ];
  return tables
    .map(
      (table) => `${table}:${JSON.stringify(core.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all())}`,
    )
    .join('\n');
}
