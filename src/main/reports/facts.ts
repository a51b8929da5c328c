/**
 * What one paid order adds to the rollups, as a pure function: the hour row and one delta per
 * dimension key. The live path (the settle hook) and the rebuild from raw rows both go through it, so
 * they cannot disagree.
 */

export interface SaleRecord {
  readonly orderId: string;
  readonly paidAt: string;
  readonly tillId: string;
  readonly currency: string;
  readonly staffId: string;
  readonly staffName: string;
  /** Revenue after discounts, without tax and tip (the ledger's `sale` transfer). */
  readonly revenueMinor: bigint;
  readonly discountMinor: bigint;
  readonly taxMinor: bigint;
  readonly tipMinor: bigint;
  readonly lines: readonly SaleLine[];
  readonly taxes: readonly { taxId: string; label: string; baseMinor: bigint; amountMinor: bigint }[];
  readonly payments: readonly { kind: string; detail: string; amountMinor: bigint }[];
  readonly vendors: readonly {
    vendorId: string;
    label: string;
    quantity: number;
    netMinor: bigint;
    partMinor: bigint;
  }[];
}

export interface SaleLine {
  readonly productKey: string;
  readonly productLabel: string;
  readonly categoryKey: string;
  readonly categoryLabel: string;
  readonly quantity: number;
  readonly netMinor: bigint;
  readonly taxMinor: bigint;
}

export const reportDims = ['product', 'category', 'staff', 'tender', 'tax', 'vendor'] as const;
export type ReportDim = (typeof reportDims)[number];

export interface HourDelta {
  orders: number;
  gross: bigint;
  discounts: bigint;
  net: bigint;
  tax: bigint;
  tips: bigint;
  collected: bigint;
}

export interface DimDelta {
  readonly dim: ReportDim;
  readonly key: string;
  readonly label: string;
  count: number;
  quantity: number;
  net: bigint;
  tax: bigint;
  amount: bigint;
}

export interface SaleFacts {
  readonly hour: HourDelta;
  readonly dims: DimDelta[];
}

/** A tender's row key: the kind and its detail (card brand, asset@network), "card|visa". */
export function tenderKey(kind: string, detail: string): string {
  return detail ? `${kind}|${detail}` : kind;
}

export function saleFacts(sale: SaleRecord): SaleFacts {
  const collected = sale.payments.reduce((sum, p) => sum + p.amountMinor, 0n);
  const dims = new Map<string, DimDelta>();
  const add = (
    dim: ReportDim,
    key: string,
    label: string,
    delta: Partial<Omit<DimDelta, 'dim' | 'key' | 'label'>>,
  ) => {
    const id = `${dim}\u0000${key}`;
    let row = dims.get(id);
    if (!row) {
      row = { dim, key, label, count: 0, quantity: 0, net: 0n, tax: 0n, amount: 0n };
      dims.set(id, row);
    }
    row.count += delta.count ?? 0;
    row.quantity += delta.quantity ?? 0;
    row.net += delta.net ?? 0n;
    row.tax += delta.tax ?? 0n;
    row.amount += delta.amount ?? 0n;
  };
  const seenProduct = new Set<string>();
  const seenCategory = new Set<string>();
  for (const line of sale.lines) {
    add('product', line.productKey, line.productLabel, {
      count: seenProduct.has(line.productKey) ? 0 : 1,
      quantity: line.quantity,
      net: line.netMinor,
      tax: line.taxMinor,
    });
    seenProduct.add(line.productKey);
    add('category', line.categoryKey, line.categoryLabel, {
      count: seenCategory.has(line.categoryKey) ? 0 : 1,
      quantity: line.quantity,
      net: line.netMinor,
      tax: line.taxMinor,
    });
    seenCategory.add(line.categoryKey);
  }
  add('staff', sale.staffId, sale.staffName, {
    count: 1,
    net: sale.revenueMinor,
    tax: sale.taxMinor,
    amount: sale.tipMinor,
  });
  for (const payment of sale.payments) {
    add('tender', tenderKey(payment.kind, payment.detail), payment.detail || payment.kind, {
      count: 1,
      amount: payment.amountMinor,
    });
  }
  for (const tax of sale.taxes) {
    add('tax', tax.taxId, tax.label, { count: 1, net: tax.baseMinor, tax: tax.amountMinor });
  }
  for (const vendor of sale.vendors) {
    add('vendor', vendor.vendorId, vendor.label, {
      count: 1,
      quantity: vendor.quantity,
      net: vendor.netMinor,
      amount: vendor.partMinor,
    });
  }
  return {
    hour: {
      orders: 1,
      gross: sale.revenueMinor + sale.discountMinor,
      discounts: sale.discountMinor,
      net: sale.revenueMinor,
      tax: sale.taxMinor,
      tips: sale.tipMinor,
      collected,
    },
    dims: [...dims.values()],
  };
}
