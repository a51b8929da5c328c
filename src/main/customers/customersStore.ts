/** The customers tables: rows in and out, nothing else (customers, order_customers). */
import { nameKey } from '../../shared/api/bounds';
import { type Db } from '../kernel';

export interface CustomerRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly notes: string;
  readonly mergedInto: string | null;
  readonly erasedAt: string | null;
  readonly coinsActiveAt: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  phone: string;
  email: string;
  notes: string;
  merged_into: string | null;
  erased_at: string | null;
  coins_active_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

function fromRow(row: CustomerRow): CustomerRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    email: row.email,
    notes: row.notes,
    mergedInto: row.merged_into,
    erasedAt: row.erased_at,
    coinsActiveAt: row.coins_active_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The text every search reads: the name folded, the phone's digits, the e-mail in lower case, the code. */
export function searchTextOf(c: Pick<CustomerRecord, 'name' | 'phone' | 'email' | 'code'>): string {
  return [nameKey(c.name), c.phone.replace(/\D/g, ''), c.email.toLowerCase(), c.code.toLowerCase()].join(
    '\u0001',
  );
}

/** What a query looks for: its folded text, and its digits when it reads as a phone number. */
export function searchTermsOf(query: string): string[] {
  const terms = [nameKey(query)];
  const digits = query.replace(/\D/g, '');
  if (/^[+0-9 ()./-]+$/.test(query) && digits.length >= 3 && digits !== terms[0]) terms.push(digits);
  return terms;
}

export function getCustomerRow(db: Db, id: string): CustomerRecord | null {
  const row = db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerRow | undefined;
  return row ? fromRow(row) : null;
}

export function customerByCode(db: Db, code: string): CustomerRecord | null {
  const row = db.prepare('SELECT * FROM customers WHERE code = ?').get(code) as CustomerRow | undefined;
  return row ? fromRow(row) : null;
}

export function insertCustomer(db: Db, c: CustomerRecord): void {
  db.prepare(
    `INSERT INTO customers (id, code, name, phone, email, notes, search, merged_into, erased_at,
       coins_active_at, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?)`,
  ).run(
    c.id,
    c.code,
    c.name,
    c.phone,
    c.email,
    c.notes,
    searchTextOf(c),
    c.createdBy,
    c.createdAt,
    c.updatedAt,
  );
}

export function updateCustomerDetails(
  db: Db,
  id: string,
  fields: Pick<CustomerRecord, 'name' | 'phone' | 'email' | 'notes' | 'code'>,
  at: string,
): void {
  db.prepare(
    'UPDATE customers SET name = ?, phone = ?, email = ?, notes = ?, search = ?, updated_at = ? WHERE id = ?',
  ).run(fields.name, fields.phone, fields.email, fields.notes, searchTextOf(fields), at, id);
}

export function markMerged(db: Db, id: string, into: string, at: string): void {
  db.prepare('UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?').run(into, at, id);
}

export function markErased(db: Db, id: string, at: string): void {
  db.prepare(
    `UPDATE customers SET name = 'Erased customer', phone = '', email = '', notes = '', search = '',
       erased_at = ?, updated_at = ? WHERE id = ?`,
  ).run(at, at, id);
}

export function touchCoinsActive(db: Db, id: string, at: string): void {
  db.prepare('UPDATE customers SET coins_active_at = ? WHERE id = ?').run(at, id);
}

export function searchCustomers(db: Db, query: string, limit: number): CustomerRecord[] {
  const live = 'merged_into IS NULL AND erased_at IS NULL';
  if (query.trim() === '') {
    const rows = db
      .prepare(`SELECT * FROM customers WHERE ${live} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(limit) as CustomerRow[];
    return rows.map(fromRow);
  }
  const terms = searchTermsOf(query);
  const where = terms.map(() => 'instr(search, ?) > 0').join(' OR ');
  const rows = db
    .prepare(`SELECT * FROM customers WHERE ${live} AND (${where}) ORDER BY name, id LIMIT ?`)
    .all(...terms, limit) as CustomerRow[];
  return rows.map(fromRow);
}

export function customerOfOrder(db: Db, orderId: string): string | null {
  const row = db.prepare('SELECT customer_id FROM order_customers WHERE order_id = ?').get(orderId) as
    { customer_id: string } | undefined;
  return row?.customer_id ?? null;
}

export function setOrderCustomer(
  db: Db,
  orderId: string,
  customerId: string | null,
  staffId: string,
  at: string,
): void {
  if (customerId === null) {
    db.prepare('DELETE FROM order_customers WHERE order_id = ?').run(orderId);
    return;
  }
  db.prepare(
    `INSERT INTO order_customers (order_id, customer_id, set_by, set_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (order_id) DO UPDATE SET customer_id = excluded.customer_id, set_by = excluded.set_by,
       set_at = excluded.set_at`,
  ).run(orderId, customerId, staffId, at);
}

export function moveOrders(db: Db, fromId: string, toId: string): number {
  return db.prepare('UPDATE order_customers SET customer_id = ? WHERE customer_id = ?').run(toId, fromId)
    .changes;
}

export interface CustomerOrderRow {
  orderId: string;
  number: number;
  status: string;
  currency: string;
  totalMinor: string | null;
  createdAt: string;
}

/** The orders of a customer, newest first (read from the orders table the orders domain owns). */
export function ordersOfCustomer(db: Db, customerId: string, limit = 500): CustomerOrderRow[] {
  return db
    .prepare(
      `SELECT o.id AS orderId, o.number AS number, o.status AS status, o.currency AS currency,
         o.total AS totalMinor, o.created_at AS createdAt
       FROM order_customers oc JOIN orders o ON o.id = oc.order_id
       WHERE oc.customer_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ?`,
    )
    .all(customerId, limit) as CustomerOrderRow[];
}

export function orderStatusOf(db: Db, orderId: string): string | null {
  const row = db.prepare('SELECT status FROM orders WHERE id = ?').get(orderId) as
    { status: string } | undefined;
  return row?.status ?? null;
}
