/**
 * The sample store of demo mode: a café in New York, "Harbor Street Coffee". Pure data, plus the
 * EAN-13 barcodes of its products (in-store numbers with the GS1 prefix 200, which is reserved for
 * restricted circulation, so they never clash with a real product's barcode).
 *
 * Demo staff and their PINs (easy on purpose, allowed only because this is a demo):
 * - Olivia Owner, owner, PIN 2580
 * - Marco Manager, manager, PIN 1470
 * - Casey Cashier, cashier, PIN 3690
 */
import { type Role } from '../../shared/api';
import { type StoreSettingsPatch } from '../../shared/api/settings';
import { gs1CheckDigit } from '../catalog';

export const demoSettings: StoreSettingsPatch = {
  storeName: 'Harbor Street Coffee',
  addressLines: ['41 Harbor Street', 'New York, NY 10004'],
  phone: '(212) 555-0142',
  currency: 'USD',
  locale: 'en-US',
  timeZone: 'America/New_York',
  taxMode: 'exclusive',
  taxRounding: 'per_line',
  roundingMode: 'half_up',
  cashRoundingIncrementMinor: '0',
  discountLimitPercent: '10',
  tipsEnabled: true,
  tipPresetsPercent: ['15', '18', '20'],
  receiptFooter: 'Thanks for stopping by Harbor Street Coffee!',
  receiptLayout: 'thermal80',
};

export interface DemoStaffMember {
  readonly name: string;
  readonly role: Role;
  readonly pin: string;
}

export const demoStaff: readonly DemoStaffMember[] = [
  { name: 'Olivia Owner', role: 'owner', pin: '2580' },
  { name: 'Marco Manager', role: 'manager', pin: '1470' },
  { name: 'Casey Cashier', role: 'cashier', pin: '3690' },
];

export const demoTaxClasses = {
  standard: {
    name: 'Standard',
    rates: [{ taxId: 'nyc_sales_tax', name: 'NYC sales tax', ratePercent: '8.875' }],
  },
  zeroRated: { name: 'Zero-rated', rates: [{ taxId: 'zero_rated', name: 'Zero-rated', ratePercent: '0' }] },
} as const;

export type DemoTaxClassKey = keyof typeof demoTaxClasses;

export const demoCategories = [
  { name: 'Coffee', color: '#6f4e37', sortOrder: 1 },
  { name: 'Tea', color: '#4f7942', sortOrder: 2 },
  { name: 'Bakery', color: '#d2a24c', sortOrder: 3 },
  { name: 'Merch', color: '#2f5d8a', sortOrder: 4 },
] as const;

export type DemoCategoryName = (typeof demoCategories)[number]['name'];

export interface DemoVariant {
  /** '' for a product with one variant. */
  readonly name: string;
  readonly sku: string;
  /** USD cents. */
  readonly priceMinor: bigint;
  /** Units received into stock when the demo is seeded; absent when stock is not tracked. */
  readonly stock?: number;
}

export interface DemoProduct {
  readonly name: string;
  readonly category: DemoCategoryName;
  readonly taxClass: DemoTaxClassKey;
  readonly description: string;
  readonly variants: readonly DemoVariant[];
}

const one = (sku: string, priceMinor: bigint, stock?: number): DemoVariant[] => [
  { name: '', sku, priceMinor, ...(stock !== undefined ? { stock } : {}) },
];
const sizes = (sku: string, smallMinor: bigint, largeMinor: bigint): DemoVariant[] => [
  { name: 'Small', sku: `${sku}-S`, priceMinor: smallMinor },
  { name: 'Large', sku: `${sku}-L`, priceMinor: largeMinor },
];

export const demoProducts: readonly DemoProduct[] = [
  {
    name: 'Espresso',
    category: 'Coffee',
    taxClass: 'standard',
    description: 'A double shot.',
    variants: one('COF-ESP', 325n),
  },
  {
    name: 'Americano',
    category: 'Coffee',
    taxClass: 'standard',
    description: '',
    variants: sizes('COF-AME', 350n, 425n),
  },
  {
    name: 'Latte',
    category: 'Coffee',
    taxClass: 'standard',
    description: '',
    variants: sizes('COF-LAT', 450n, 525n),
  },
  {
    name: 'Cappuccino',
    category: 'Coffee',
    taxClass: 'standard',
    description: '',
    variants: sizes('COF-CAP', 425n, 500n),
  },
  {
    name: 'Mocha',
    category: 'Coffee',
    taxClass: 'standard',
    description: '',
    variants: sizes('COF-MOC', 495n, 575n),
  },
  {
    name: 'Cold Brew',
    category: 'Coffee',
    taxClass: 'standard',
    description: 'Steeped 18 hours.',
    variants: one('COF-CBR', 475n),
  },
  {
    name: 'Earl Grey',
    category: 'Tea',
    taxClass: 'standard',
    description: '',
    variants: one('TEA-EGR', 300n),
  },
  {
    name: 'Chai Latte',
    category: 'Tea',
    taxClass: 'standard',
    description: '',
    variants: sizes('TEA-CHA', 450n, 525n),
  },
  {
    name: 'Matcha Latte',
    category: 'Tea',
    taxClass: 'standard',
    description: '',
    variants: sizes('TEA-MAT', 500n, 575n),
  },
  {
    name: 'Croissant',
    category: 'Bakery',
    taxClass: 'standard',
    description: 'Butter croissant.',
    variants: one('BAK-CRO', 375n),
  },
  {
    name: 'Everything Bagel',
    category: 'Bakery',
    taxClass: 'standard',
    description: 'With cream cheese.',
    variants: one('BAK-BAG', 425n),
  },
  {
    name: 'Blueberry Muffin',
    category: 'Bakery',
    taxClass: 'standard',
    description: '',
    variants: one('BAK-MUF', 350n),
  },
  {
    name: 'Chocolate Chip Cookie',
    category: 'Bakery',
    taxClass: 'standard',
    description: '',
    variants: one('BAK-COO', 275n),
  },
  {
    name: 'Granola Bar',
    category: 'Bakery',
    taxClass: 'zeroRated',
    description: 'Packaged, to take away.',
    variants: one('BAK-GRA', 250n, 48),
  },
  {
    name: 'Tote Bag',
    category: 'Merch',
    taxClass: 'standard',
    description: 'Canvas, with the harbor logo.',
    variants: one('MER-TOT', 1800n, 24),
  },
  {
    name: 'Mug',
    category: 'Merch',
    taxClass: 'standard',
    description: '12 oz stoneware.',
    variants: one('MER-MUG', 1400n, 36),
  },
  {
    name: 'Whole Bean Coffee 12 oz',
    category: 'Merch',
    taxClass: 'zeroRated',
    description: 'House blend, packaged.',
    variants: one('MER-BEA', 1600n, 40),
  },
];

/** The 13-digit EAN of the `index`-th demo variant: prefix 200, a 9-digit item number, the GS1 check digit. */
export function demoEan13(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0 || index > 999_999_999) {
    throw new Error(`A demo item number is 0 to 999999999, got ${index}.`);
  }
  const first12 = `200${String(index).padStart(9, '0')}`;
  return `${first12}${gs1CheckDigit(first12)}`;
}
