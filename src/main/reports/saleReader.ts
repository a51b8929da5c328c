/**
 * Reads paid orders from the raw rows into `SaleRecord`s (facts.ts): one order for the settle hook,
 * or chunks in id order for the rebuild. The reports domain is a read model: it reads the tables of
 * orders, payments, the catalog, staff and vendors directly, never writes them.
 */
import { type Db } from '../kernel';
import { type SaleLine, type SaleRecord } from './facts';

/** A crypto payment as a report needs it, in its own units and at the rate locked for it. */
export interface CryptoFact {
  readonly paymentId: string;
  readonly asset: string;
  readonly network: string;
  /** Decimal text in whole units of the asset ("0.00123456"). */
  readonly units: string;
  readonly amountMinor: bigint;
  /** Store currency per unit, decimal text. */
  readonly rate: string;
}

/**
 * What the crypto domain tells reports about one of its payments: asset, network, units received
 * (decimal text in whole units) and the locked rate. The default reads the crypto domain's
 * `crypto_invoices` row of the payment when that table exists (`paid_units`, else `amount_units`,
 * minor units with `decimals`; `chain_key`; `rate`), else the payment's details (`asset`, `chainKey`
 * or `network`, `amount` in whole units or `amountUnits` with `decimals`, `rate`).
 */
export type CryptoFactsPort = (payment: {
  id: string;
  details: Record<string, unknown>;
}) => { asset: string; network: string; units: string; rate: string } | null;

/** Minor units → whole units as exact decimal text: "123450000", 8 → "1.2345". */
export function unitsToWhole(units: string, decimals: number): string | null {
  if (!/^-?\d+$/.test(units) || !Number.isInteger(decimals) || decimals < 0 || decimals > 36) return null;
  const negative = units.startsWith('-');
  const digits = (negative ? units.slice(1) : units).padStart(decimals + 1, '0');
  const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fraction = decimals === 0 ? '' : digits.slice(-decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole.replace(/^0+(?=\d)/, '')}${fraction ? `.${fraction}` : ''}`;
}

export interface SaleWithCrypto {
  readonly sale: SaleRecord;
  readonly crypto: readonly CryptoFact[];
}

interface OrderRow {
  id: string;
  paid_at: string;
  till_id: string | null;
  currency: string;
  created_by: string;
  revenue: string | null;
  discount_total: string | null;
  tax_total: string | null;
  tip_total: string | null;
  pricing: string | null;
}

interface LineRow {
  id: string;
  order_id: string;
  variant_id: string | null;
  name: string;
}

interface PaymentRow {
  id: string;
  order_id: string;
  kind: string;
  amount: string;
  details: string;
}

interface PricingJson {
  result?: {
    lines?: { lineId: string; quantity: number; totalMinor: string; taxMinor: string }[];
    taxes?: { taxId: string; name: string; ratePercent: string; baseMinor: string; amountMinor: string }[];
  };
}

const takenStatuses = "('succeeded', 'partially_refunded', 'refunded')";

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null;
}

function big(text: string | null | undefined): bigint {
  if (!text) return 0n;
  try {
    return BigInt(text);
  } catch {
    return 0n;
  }
}

export function tenderDetailOf(kind: string, details: Record<string, unknown>): string {
  const brand = str(details.brand);
  if (brand) return brand.toLowerCase();
  const asset = str(details.asset);
  const network = str(details.network) ?? str(details.chainKey) ?? str(details.chain);
  if (asset) return network ? `${asset}@${network}` : asset;
  if (kind === 'foreign_cash') return str(details.currency) ?? '';
  return '';
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export interface SaleReader {
  one(orderId: string): SaleWithCrypto | null;
  /** Paid orders with an id after `afterId`, in id order. */
  chunk(afterId: string, limit: number): SaleWithCrypto[];
}

export function createSaleReader(db: Db, cryptoPort?: CryptoFactsPort): SaleReader {
  const hasTable = (name: string) =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  const invoiceOf = hasTable('crypto_invoices')
    ? db.prepare<
        [string],
        {
          asset: string;
          chain_key: string;
          decimals: number;
          amount_units: string;
          paid_units: string;
          rate: string;
        }
      >(
        'SELECT asset, chain_key, decimals, amount_units, paid_units, rate FROM crypto_invoices WHERE payment_id = ?',
      )
    : null;
  const defaultCrypto: CryptoFactsPort = (payment) => {
    const invoice = invoiceOf?.get(payment.id);
    if (invoice) {
      const paid =
        invoice.paid_units && invoice.paid_units !== '0' ? invoice.paid_units : invoice.amount_units;
      const units = unitsToWhole(paid, invoice.decimals);
      if (units) return { asset: invoice.asset, network: invoice.chain_key, units, rate: invoice.rate };
    }
    const d = payment.details;
    const asset = str(d.asset);
    const rate = str(d.rate);
    const decimals = typeof d.decimals === 'number' ? d.decimals : null;
    const minor = str(d.amountUnits);
    const units = str(d.amount) ?? (minor && decimals !== null ? unitsToWhole(minor, decimals) : null);
    if (!asset || !units || !rate) return null;
    return { asset, network: str(d.chainKey) ?? str(d.network) ?? '', units, rate };
  };
  const crypto = cryptoPort ?? defaultCrypto;

  const orderCols = `o.id, o.paid_at, s.till_id, o.currency, o.created_by, o.revenue, o.discount_total,
    o.tax_total, o.tip_total, o.pricing FROM orders o LEFT JOIN shifts s ON s.id = COALESCE(o.paid_shift_id, o.shift_id)`;
  const oneOrder = db.prepare<[string], OrderRow>(
    `SELECT ${orderCols} WHERE o.id = ? AND o.paid_at IS NOT NULL AND o.status <> 'voided'`,
  );
  const orderChunk = db.prepare<[string, number], OrderRow>(
    `SELECT ${orderCols} WHERE o.id > ? AND o.paid_at IS NOT NULL AND o.status <> 'voided' ORDER BY o.id LIMIT ?`,
  );
  const linesOf = db.prepare<[string, string], LineRow>(
    'SELECT id, order_id, variant_id, name FROM order_lines WHERE order_id >= ? AND order_id <= ?',
  );
  const paymentsOf = db.prepare<[string, string], PaymentRow>(
    `SELECT id, order_id, kind, amount, details FROM payments
     WHERE order_id >= ? AND order_id <= ? AND status IN ${takenStatuses} ORDER BY order_id, created_at`,
  );
  const categoryOf = db.prepare<[string], { category_id: string | null; category: string | null }>(
    `SELECT p.category_id, c.name AS category FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id
     LEFT JOIN catalog_categories c ON c.id = p.category_id WHERE v.id = ?`,
  );
  const staffName = db.prepare<[string], { name: string }>('SELECT name FROM staff WHERE id = ?');
  const vendorLines = hasTable('vendor_sales')
    ? db.prepare<
        [string, string],
        {
          order_id: string;
          vendor_id: string;
          name: string | null;
          quantity: number;
          net: string;
          vendor_part: string;
        }
      >(
        `SELECT vs.order_id, vs.vendor_id, v.name, vs.quantity, vs.net, vs.vendor_part FROM vendor_sales vs
         LEFT JOIN vendors v ON v.id = vs.vendor_id WHERE vs.line_id IN (SELECT id FROM order_lines WHERE order_id >= ? AND order_id <= ?)`,
      )
    : null;

  const categories = new Map<string, { key: string; label: string }>();
  const staffNames = new Map<string, string>();
  const categoryFor = (variantId: string | null) => {
    if (variantId === null) return { key: '', label: 'Custom items' };
    let found = categories.get(variantId);
    if (!found) {
      const row = categoryOf.get(variantId);
      found = row?.category_id
        ? { key: row.category_id, label: row.category ?? 'Uncategorised' }
        : { key: '', label: 'Uncategorised' };
      if (categories.size > 100_000) categories.clear();
      categories.set(variantId, found);
    }
    return found;
  };
  const nameOf = (staffId: string) => {
    let name = staffNames.get(staffId);
    if (name === undefined) {
      name = staffName.get(staffId)?.name ?? 'A former member';
      staffNames.set(staffId, name);
    }
    return name;
  };

  const build = (orders: OrderRow[]): SaleWithCrypto[] => {
    if (orders.length === 0) return [];
    const first = orders[0]!.id;
    const last = orders[orders.length - 1]!.id;
    const lines = new Map<string, LineRow>();
    for (const line of linesOf.all(first, last)) lines.set(line.id, line);
    const payments = new Map<string, PaymentRow[]>();
    for (const payment of paymentsOf.all(first, last)) {
      const list = payments.get(payment.order_id) ?? [];
      list.push(payment);
      payments.set(payment.order_id, list);
    }
    const vendors = new Map<string, SaleRecord['vendors'][number][]>();
    for (const row of vendorLines?.all(first, last) ?? []) {
      const list = vendors.get(row.order_id) ?? [];
      const existing = list.find((v) => v.vendorId === row.vendor_id);
      const entry = {
        vendorId: row.vendor_id,
        label: row.name ?? row.vendor_id,
        quantity: row.quantity + (existing?.quantity ?? 0),
        netMinor: big(row.net) + (existing?.netMinor ?? 0n),
        partMinor: big(row.vendor_part) + (existing?.partMinor ?? 0n),
      };
      vendors.set(row.order_id, [...list.filter((v) => v !== existing), entry]);
    }
    return orders.map((order) => {
      const pricing = (order.pricing ? JSON.parse(order.pricing) : {}) as PricingJson;
      const saleLines: SaleLine[] = (pricing.result?.lines ?? []).map((priced) => {
        const row = lines.get(priced.lineId);
        const name = row?.name ?? 'Item';
        const variantId = row?.variant_id ?? null;
        const category = categoryFor(variantId);
        const taxMinor = big(priced.taxMinor);
        return {
          productKey: variantId ?? `custom:${name}`,
          productLabel: name,
          categoryKey: category.key,
          categoryLabel: category.label,
          quantity: priced.quantity,
          netMinor: big(priced.totalMinor) - taxMinor,
          taxMinor,
        };
      });
      const cryptoFacts: CryptoFact[] = [];
      const orderPayments = (payments.get(order.id) ?? []).map((payment) => {
        const details = parseDetails(payment.details);
        const amountMinor = big(payment.amount);
        if (payment.kind === 'crypto') {
          const fact = crypto({ id: payment.id, details });
          if (fact) cryptoFacts.push({ paymentId: payment.id, amountMinor, ...fact });
          return {
            kind: payment.kind,
            detail: fact
              ? fact.network
                ? `${fact.asset}@${fact.network}`
                : fact.asset
              : tenderDetailOf(payment.kind, details),
            amountMinor,
          };
        }
        return { kind: payment.kind, detail: tenderDetailOf(payment.kind, details), amountMinor };
      });
      const sale: SaleRecord = {
        orderId: order.id,
        paidAt: order.paid_at,
        tillId: order.till_id ?? '',
        currency: order.currency,
        staffId: order.created_by,
        staffName: nameOf(order.created_by),
        revenueMinor: big(order.revenue),
        discountMinor: big(order.discount_total),
        taxMinor: big(order.tax_total),
        tipMinor: big(order.tip_total),
        lines: saleLines,
        taxes: (pricing.result?.taxes ?? []).map((tax) => ({
          taxId: tax.taxId,
          label: `${tax.name} ${tax.ratePercent}%`,
          baseMinor: big(tax.baseMinor),
          amountMinor: big(tax.amountMinor),
        })),
        payments: orderPayments,
        vendors: vendors.get(order.id) ?? [],
      };
      return { sale, crypto: cryptoFacts };
    });
  };

  return {
    one(orderId) {
      const order = oneOrder.get(orderId);
      return order ? (build([order])[0] ?? null) : null;
    },
    chunk(afterId, limit) {
      return build(orderChunk.all(afterId, limit));
    },
  };
}
