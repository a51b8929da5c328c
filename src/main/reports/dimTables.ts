/**
 * The dimension tables of a period: tender, product, category, staff, vendor and tax rate, each the
 * rollups of its sales minus its refunds, sorted by net (or amount) descending.
 */
import { type ReportCell, type ReportTable } from '../../shared/api/reports';
import { type Db } from '../kernel';
import { type ReportDim } from './facts';
import { type RefundsOfPeriod } from './rawRefunds';
import { dimRows, type DimRow, type ReportPeriod } from './salesReport';
import { col, moneyCell, table } from './table';

interface Merged {
  key: string;
  label: string;
  sold: DimRow;
  back: { quantity: number; net: bigint; tax: bigint; amount: bigint };
}

function merged(
  db: Db,
  dim: ReportDim,
  period: ReportPeriod,
  currency: string,
  refunds: RefundsOfPeriod,
): Merged[] {
  const sold = dimRows(db, dim, period, currency);
  const back = refunds.dims.get(dim) ?? new Map();
  const keys = new Set([...sold.keys(), ...back.keys()]);
  return [...keys].map((key) => {
    const s = sold.get(key) ?? {
      key,
      label: back.get(key)?.label ?? key,
      count: 0,
      quantity: 0,
      net: 0n,
      tax: 0n,
      amount: 0n,
    };
    const b = back.get(key) ?? { quantity: 0, net: 0n, tax: 0n, amount: 0n };
    return { key, label: s.label, sold: s, back: b };
  });
}

const byNet = (a: Record<string, ReportCell>, b: Record<string, ReportCell>, key = 'net') => {
  const x = BigInt((a[key] as string) ?? '0');
  const y = BigInt((b[key] as string) ?? '0');
  return x === y ? 0 : x > y ? -1 : 1;
};

const kindLabels: Record<string, string> = {
  cash: 'Cash',
  card: 'Card',
  phone: 'Pay by phone',
  paystack: 'Paystack',
  coins: 'Store coins',
  crypto: 'Crypto',
  foreign_cash: 'Foreign cash',
};

export function tenderLabel(kind: string): string {
  return kindLabels[kind] ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export function dimensionTables(
  db: Db,
  period: ReportPeriod,
  currency: string,
  refunds: RefundsOfPeriod,
): ReportTable[] {
  const tender = merged(db, 'tender', period, currency, refunds)
    .map((m) => {
      const [kind, detail] = m.key.includes('|') ? (m.key.split('|', 2) as [string, string]) : [m.key, ''];
      return {
        tender: tenderLabel(kind),
        detail: detail,
        payments: m.sold.count,
        taken: moneyCell(m.sold.amount),
        refunded: moneyCell(m.back.amount),
        net: moneyCell(m.sold.amount - m.back.amount),
      };
    })
    .sort((a, b) => byNet(a, b));
  const product = merged(db, 'product', period, currency, refunds)
    .map((m) => ({
      product: m.label,
      quantity: m.sold.quantity,
      refundedQuantity: m.back.quantity,
      net: moneyCell(m.sold.net - m.back.net),
      tax: moneyCell(m.sold.tax - m.back.tax),
      margin: null,
    }))
    .sort((a, b) => byNet(a, b));
  const category = merged(db, 'category', period, currency, refunds)
    .map((m) => ({
      category: m.label,
      quantity: m.sold.quantity,
      refundedQuantity: m.back.quantity,
      net: moneyCell(m.sold.net - m.back.net),
      tax: moneyCell(m.sold.tax - m.back.tax),
    }))
    .sort((a, b) => byNet(a, b));
  const staff = merged(db, 'staff', period, currency, refunds)
    .map((m) => ({
      staff: m.label,
      orders: m.sold.count,
      net: moneyCell(m.sold.net - m.back.net),
      tax: moneyCell(m.sold.tax - m.back.tax),
      tips: moneyCell(m.sold.amount - m.back.amount),
    }))
    .sort((a, b) => byNet(a, b));
  const taxRows = merged(db, 'tax', period, currency, refunds);
  const tax = taxRows
    .map((m) => ({
      tax: m.label,
      taxable: moneyCell(m.sold.net),
      collected: moneyCell(m.sold.tax),
      refunded: moneyCell(m.back.tax),
      net: moneyCell(m.sold.tax - m.back.tax),
    }))
    .sort((a, b) => byNet(a, b));
  // Vendors: their lines' net, their share and the store's part; the store's own products make the
  // last row, so the table's net equals the summary's.
  const vendorRows = merged(db, 'vendor', period, currency, refunds).map((m) => {
    const net = m.sold.net - m.back.net;
    const share = m.sold.amount - m.back.amount;
    return {
      vendor: m.label,
      quantity: m.sold.quantity - m.back.quantity,
      net: moneyCell(net),
      vendorShare: moneyCell(share),
      storePart: moneyCell(net - share),
    };
  });
  const productNet = product.reduce((sum, row) => sum + BigInt(row.net), 0n);
  const vendorNet = vendorRows.reduce((sum, row) => sum + BigInt(row.net), 0n);
  const vendor = [
    ...vendorRows.sort((a, b) => byNet(a, b)),
    ...(vendorRows.length > 0 || productNet !== 0n
      ? [
          {
            vendor: 'The store’s own products',
            quantity: null,
            net: moneyCell(productNet - vendorNet),
            vendorShare: '0',
            storePart: moneyCell(productNet - vendorNet),
          },
        ]
      : []),
  ];
  return [
    table(
      'by_tender',
      'Sales by tender',
      [
        col('tender', 'Tender', 'text'),
        col('detail', 'Detail', 'text'),
        col('payments', 'Payments', 'count'),
        col('taken', 'Taken', 'money'),
        col('refunded', 'Refunded', 'money'),
        col('net', 'Net', 'money'),
      ],
      tender,
    ),
    table(
      'by_product',
      'Sales by product',
      [
        col('product', 'Product', 'text'),
        col('quantity', 'Sold', 'count'),
        col('refundedQuantity', 'Refunded', 'count'),
        col('net', 'Net sales', 'money'),
        col('tax', 'Tax', 'money'),
        col('margin', 'Margin', 'money'),
      ],
      product,
    ),
    table(
      'by_category',
      'Sales by category',
      [
        col('category', 'Category', 'text'),
        col('quantity', 'Sold', 'count'),
        col('refundedQuantity', 'Refunded', 'count'),
        col('net', 'Net sales', 'money'),
        col('tax', 'Tax', 'money'),
      ],
      category,
    ),
    table(
      'by_staff',
      'Sales by staff',
      [
        col('staff', 'Staff', 'text'),
        col('orders', 'Orders', 'count'),
        col('net', 'Net sales', 'money'),
        col('tax', 'Tax', 'money'),
        col('tips', 'Tips', 'money'),
      ],
      staff,
    ),
    table(
      'by_vendor',
      'Sales by vendor',
      [
        col('vendor', 'Vendor', 'text'),
        col('quantity', 'Quantity', 'count'),
        col('net', 'Net sales', 'money'),
        col('vendorShare', 'Vendor’s share', 'money'),
        col('storePart', 'Store’s part', 'money'),
      ],
      vendor,
    ),
    table(
      'tax_by_rate',
      'Tax by rate',
      [
        col('tax', 'Tax', 'text'),
        col('taxable', 'Taxable', 'money'),
        col('collected', 'Collected', 'money'),
        col('refunded', 'Refunded', 'money'),
        col('net', 'Net tax', 'money'),
      ],
      tax,
    ),
  ];
}
