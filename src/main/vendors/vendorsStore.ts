/** The vendors tables: rows in and out. */
import { type Db } from '../kernel';
import { type VendorTerms } from './rules';

export interface VendorRecord {
  readonly id: string;
  readonly name: string;
  readonly contact: string;
  readonly terms: VendorTerms;
  readonly active: boolean;
}

interface VendorRow {
  id: string;
  name: string;
  contact: string;
  terms_kind: 'share' | 'commission';
  share_percent: string | null;
  commission_minor: string | null;
  active: number;
}

function vendorOf(row: VendorRow): VendorRecord {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    terms:
      row.terms_kind === 'share'
        ? { kind: 'share', percent: row.share_percent ?? '0' }
        : { kind: 'commission', commissionMinor: BigInt(row.commission_minor ?? '0') },
    active: row.active === 1,
  };
}

export function getVendor(db: Db, id: string): VendorRecord | null {
  const row = db.prepare('SELECT * FROM vendors WHERE id = ?').get(id) as VendorRow | undefined;
  return row ? vendorOf(row) : null;
}

export function listVendors(db: Db): VendorRecord[] {
  return (db.prepare('SELECT * FROM vendors ORDER BY name, id').all() as VendorRow[]).map(vendorOf);
}

export function saveVendorRow(db: Db, v: VendorRecord, at: string): void {
  db.prepare(
    `INSERT INTO vendors (id, name, contact, terms_kind, share_percent, commission_minor, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, contact = excluded.contact,
       terms_kind = excluded.terms_kind, share_percent = excluded.share_percent,
       commission_minor = excluded.commission_minor, active = excluded.active, updated_at = excluded.updated_at`,
  ).run(
    v.id,
    v.name,
    v.contact,
    v.terms.kind,
    v.terms.kind === 'share' ? v.terms.percent : null,
    v.terms.kind === 'commission' ? v.terms.commissionMinor.toString() : null,
    v.active ? 1 : 0,
    at,
    at,
  );
}

export function productExists(db: Db, productId: string): boolean {
  return db.prepare('SELECT 1 FROM catalog_products WHERE id = ?').get(productId) !== undefined;
}

export function assignProduct(db: Db, productId: string, vendorId: string | null, at: string): void {
  if (vendorId === null) {
    db.prepare('DELETE FROM vendor_products WHERE product_id = ?').run(productId);
    return;
  }
  db.prepare(
    `INSERT INTO vendor_products (product_id, vendor_id, set_at) VALUES (?, ?, ?)
     ON CONFLICT (product_id) DO UPDATE SET vendor_id = excluded.vendor_id, set_at = excluded.set_at`,
  ).run(productId, vendorId, at);
}

/** The vendor of an order line's product (through its variant), or null. */
export function vendorOfLine(db: Db, lineId: string): string | null {
  const row = db
    .prepare(
      `SELECT vp.vendor_id AS vendorId FROM order_lines ol
       JOIN catalog_variants cv ON cv.id = ol.variant_id
       JOIN vendor_products vp ON vp.product_id = cv.product_id
       WHERE ol.id = ?`,
    )
    .get(lineId) as { vendorId: string } | undefined;
  return row?.vendorId ?? null;
}

export interface VendorSaleRecord {
  readonly lineId: string;
  readonly orderId: string;
  readonly vendorId: string;
  readonly quantity: number;
  readonly netMinor: bigint;
  readonly vendorPartMinor: bigint;
}

export function insertVendorSale(db: Db, s: VendorSaleRecord, currency: string, at: string): void {
  db.prepare(
    `INSERT INTO vendor_sales (line_id, order_id, vendor_id, currency, quantity, net, vendor_part, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.lineId,
    s.orderId,
    s.vendorId,
    currency,
    s.quantity,
    s.netMinor.toString(),
    s.vendorPartMinor.toString(),
    at,
  );
}

export function vendorSalesOfOrder(db: Db, orderId: string): VendorSaleRecord[] {
  const rows = db.prepare('SELECT * FROM vendor_sales WHERE order_id = ?').all(orderId) as {
    line_id: string;
    order_id: string;
    vendor_id: string;
    quantity: number;
    net: string;
    vendor_part: string;
  }[];
  return rows.map((r) => ({
    lineId: r.line_id,
    orderId: r.order_id,
    vendorId: r.vendor_id,
    quantity: r.quantity,
    netMinor: BigInt(r.net),
    vendorPartMinor: BigInt(r.vendor_part),
  }));
}

/** What earlier refunds that did not fail took back of a line: units and vendor part. */
export function refundedOfLine(db: Db, lineId: string): { quantity: number; vendorPartMinor: bigint } {
  const rows = db
    .prepare(
      `SELECT vr.quantity AS quantity, vr.vendor_part AS part FROM vendor_refunds vr
       JOIN refunds r ON r.id = vr.refund_id
       WHERE vr.line_id = ? AND r.status <> 'failed'`,
    )
    .all(lineId) as { quantity: number; part: string }[];
  return rows.reduce(
    (sum, r) => ({
      quantity: sum.quantity + r.quantity,
      vendorPartMinor: sum.vendorPartMinor + BigInt(r.part),
    }),
    { quantity: 0, vendorPartMinor: 0n },
  );
}

export function insertVendorRefund(
  db: Db,
  refundId: string,
  lineId: string,
  quantity: number,
  part: bigint,
): void {
  db.prepare(
    'INSERT INTO vendor_refunds (refund_id, line_id, quantity, vendor_part) VALUES (?, ?, ?, ?)',
  ).run(refundId, lineId, quantity, part.toString());
}

export function insertPayout(
  db: Db,
  p: {
    id: string;
    vendorId: string;
    currency: string;
    amountMinor: bigint;
    method: string;
    reference: string;
    transferId: string;
    staffId: string;
  },
  at: string,
): void {
  db.prepare(
    `INSERT INTO vendor_payouts (id, vendor_id, currency, amount, method, reference, transfer_id, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    p.id,
    p.vendorId,
    p.currency,
    p.amountMinor.toString(),
    p.method,
    p.reference,
    p.transferId,
    p.staffId,
    at,
  );
}
