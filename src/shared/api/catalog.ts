/**
 * The `catalog.*` handlers and events: categories, tax classes, products and their variants
 * (SKU, barcodes, a price per store currency), stock on hand and its movements, product images,
 * and CSV import/export. Reads need a staff session; changes need `catalog.edit`.
 */
import { z } from 'zod';
import { assetAmountSchema, assetCodeSchema, minorAmountSchema } from '../money';
import { bodyLimits, percentText, text, ulidText } from './bounds';
import { defineEvent, defineHandler } from './define';

export const stockReasons = ['sale', 'refund', 'adjustment', 'receive', 'import', 'count'] as const;
export type StockReason = (typeof stockReasons)[number];

export const imageMimeTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageMimeType = (typeof imageMimeTypes)[number];

/** Largest product image, in bytes after base64 decoding. */
export const imageMaxBytes = 2 * 1024 * 1024;

const catalogIdSchema = ulidText();

export const currencySchema = assetCodeSchema;

/** Stock quantities are whole units; a catalog never counts fractions of an item. */
const quantitySchema = z.number().int().min(-1_000_000_000).max(1_000_000_000);

export const skuSchema = text({
  max: 64,
  maxMessage: 'a SKU has at most 64 characters',
  min: 1,
  minMessage: 'a SKU cannot be empty',
  // eslint-disable-next-line no-control-regex
  pattern: /^[^\u0000-\u001f\u007f|]+$/,
  patternMessage: 'a SKU cannot contain control characters or "|"',
});

export const ratePercentSchema = percentText({ maxDecimals: 6, example: '"8.875"' });

export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().describe('"#rrggbb", or "" for none'),
  sortOrder: z.number().int(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const taxRateSchema = z.object({
  taxId: text({
    max: 40,
    pattern: /^[a-z0-9][a-z0-9_.-]{0,39}$/,
    patternMessage: 'must be a short id of lower-case letters, digits, "_", "." or "-"',
  }),
  name: text({ max: 80, min: 1 }),
  ratePercent: ratePercentSchema,
});

export const taxClassSchema = z.object({
  id: z.string(),
  name: z.string(),
  rates: z.array(taxRateSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const priceSchema = z.object({ currency: z.string(), amount: minorAmountSchema });

export const variantSchema = z.object({
  id: z.string(),
  productId: z.string(),
  name: z.string().describe('"" for the default variant'),
  sku: z.string(),
  barcodes: z.array(z.string()),
  prices: z.array(priceSchema),
  trackStock: z.boolean(),
  onHand: z.number().int(),
});

export const productSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  categoryId: z.string().nullable(),
  taxClassId: z.string(),
  vendorId: z.string().nullable(),
  active: z.boolean().describe('false once archived'),
  archivedAt: z.iso.datetime().nullable(),
  image: z.object({ sha256: z.string(), mimeType: z.enum(imageMimeTypes) }).nullable(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().nullable(),
  variants: z.array(variantSchema),
});

export const stockMovementSchema = z.object({
  id: z.string(),
  variantId: z.string(),
  delta: z.number().int(),
  reason: z.enum(stockReasons),
  ref: z.string(),
  note: z.string(),
  staffId: z.string().nullable(),
  onHandAfter: z.number().int(),
  at: z.iso.datetime(),
});

export const saveCategoryInputSchema = z
  .object({
    id: catalogIdSchema.optional(),
    name: text({ max: 80, min: 1, minMessage: 'a category needs a name' }),
    color: text({
      max: 7,
      pattern: /^(#[0-9a-fA-F]{6})?$/,
      patternMessage: 'must be "#rrggbb" or empty',
    }).default(''),
    sortOrder: z.number().int().min(-1_000_000).max(1_000_000).default(0),
    active: z.boolean().default(true),
  })
  .strict();

export const saveTaxClassInputSchema = z
  .object({
    id: catalogIdSchema.optional(),
    name: text({ max: 80, min: 1, minMessage: 'a tax class needs a name' }),
    rates: z
      .array(taxRateSchema)
      .min(1, 'a tax class needs at least one rate (use 0 for a zero-rated class)')
      .max(10),
  })
  .strict();

/** A price in one currency, at most that currency's maximum (see shared/money/schemas.ts). */
export const priceInputSchema = assetAmountSchema('amount', 'currency', 'nonNegative').strict();

export const variantInputSchema = z
  .object({
    id: catalogIdSchema.optional(),
    name: text({ max: 100 }).default(''),
    sku: skuSchema,
    barcodes: z
      .array(text({ max: 200, trim: false }))
      .max(20)
      .default([]),
    prices: z.array(priceInputSchema).max(20).default([]),
    trackStock: z.boolean().default(false),
  })
  .strict();

export const saveProductInputSchema = z
  .object({
    id: catalogIdSchema.optional(),
    name: text({ max: 200, min: 1, minMessage: 'a product needs a name' }),
    description: text({ max: 4000 }).default(''),
    categoryId: catalogIdSchema.nullable().default(null),
    taxClassId: catalogIdSchema,
    vendorId: text({ max: 64, min: 1 }).nullable().default(null),
    active: z.boolean().default(true),
    variants: z.array(variantInputSchema).min(1, 'a product needs at least one variant').max(200),
  })
  .strict();

export type SaveCategoryInput = z.input<typeof saveCategoryInputSchema>;
export type SaveTaxClassInput = z.input<typeof saveTaxClassInputSchema>;
export type SaveProductInput = z.input<typeof saveProductInputSchema>;
export type Category = z.output<typeof categorySchema>;
export type TaxClass = z.output<typeof taxClassSchema>;
export type TaxRate = z.output<typeof taxRateSchema>;
export type Product = z.output<typeof productSchema>;
export type Variant = z.output<typeof variantSchema>;
export type StockMovement = z.output<typeof stockMovementSchema>;

const productIdInput = z.object({ productId: catalogIdSchema }).strict();

export const catalogHandlers = [
  defineHandler({
    name: 'catalog.categories',
    summary: 'Categories, by sort order then name.',
    permission: 'session',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.object({ categories: z.array(categorySchema) }),
  }),
  defineHandler({
    name: 'catalog.saveCategory',
    summary: 'Creates a category, or updates the one with this id. Names are unique (ignoring case).',
    permission: 'catalog.edit',
    input: saveCategoryInputSchema,
    output: z.object({ category: categorySchema }),
  }),
  defineHandler({
    name: 'catalog.taxClasses',
    summary: 'Tax classes with their rates, by name.',
    permission: 'session',
    input: z.object({}).strict(),
    output: z.object({ taxClasses: z.array(taxClassSchema) }),
  }),
  defineHandler({
    name: 'catalog.saveTaxClass',
    summary: 'Creates a tax class, or replaces the name and rates of the one with this id.',
    permission: 'catalog.edit',
    input: saveTaxClassInputSchema,
    output: z.object({ taxClass: taxClassSchema }),
  }),
  defineHandler({
    name: 'catalog.products',
    summary:
      'Products with variants, prices and stock; search matches name, variant name, SKU or exact barcode.',
    permission: 'session',
    input: z
      .object({
        search: text({ max: 200 }).optional(),
        categoryId: catalogIdSchema.optional(),
        includeArchived: z.boolean().default(false),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).max(1_000_000_000).default(0),
      })
      .strict(),
    output: z.object({ products: z.array(productSchema), total: z.number().int().nonnegative() }),
  }),
  defineHandler({
    name: 'catalog.product',
    summary: 'One product with its variants, archived or not.',
    permission: 'session',
    input: productIdInput,
    output: z.object({ product: productSchema }),
  }),
  defineHandler({
    name: 'catalog.saveProduct',
    summary:
      'Creates a product, or saves the whole product with this id, in one transaction. Variants are matched by id, ' +
      'else by SKU; variants left out are removed (kept for history). Stock is changed with catalog.adjustStock.',
    permission: 'catalog.edit',
    input: saveProductInputSchema,
    output: z.object({ product: productSchema }),
  }),
  defineHandler({
    name: 'catalog.archiveProduct',
    summary:
      'Archives a product: hidden from the till and from lists; saveProduct with active: true restores it.',
    permission: 'catalog.edit',
    input: productIdInput,
    output: z.object({ product: productSchema }),
  }),
  defineHandler({
    name: 'catalog.lookupBarcode',
    summary: 'The variant for sale with this exact barcode, else this SKU, with its product and tax class.',
    permission: 'session',
    input: z
      .object({ code: text({ max: 200, min: 1, minMessage: 'scan or type a barcode or SKU' }) })
      .strict(),
    output: z.object({
      matchedBy: z.enum(['barcode', 'sku']),
      product: productSchema,
      variant: variantSchema,
      taxClass: taxClassSchema,
    }),
  }),
  defineHandler({
    name: 'catalog.adjustStock',
    summary:
      'Records a stock movement: a signed delta for "adjustment", a positive one for "receive", or the counted ' +
      'quantity for "count" (the delta is computed from the stock on hand).',
    permission: 'catalog.edit',
    input: z.discriminatedUnion('reason', [
      z
        .object({
          variantId: catalogIdSchema,
          reason: z.enum(['adjustment', 'receive']),
          delta: quantitySchema,
          note: text({ max: 500 }).default(''),
        })
        .strict(),
      z
        .object({
          variantId: catalogIdSchema,
          reason: z.literal('count'),
          countedQuantity: quantitySchema.min(0, 'a counted quantity cannot be negative'),
          note: text({ max: 500 }).default(''),
        })
        .strict(),
    ]),
    output: z.object({ movement: stockMovementSchema, onHand: z.number().int() }),
  }),
  defineHandler({
    name: 'catalog.stockMovements',
    summary: 'Stock movements of one variant, newest first; pass the last id as `before` for the next page.',
    permission: 'session',
    input: z
      .object({
        variantId: catalogIdSchema,
        limit: z.number().int().min(1).max(1000).default(100),
        before: catalogIdSchema.optional(),
      })
      .strict(),
    output: z.object({ movements: z.array(stockMovementSchema) }),
  }),
  defineHandler({
    name: 'catalog.lowStock',
    summary: 'Stock-tracked variants of active products with on-hand at or below the threshold (default 0).',
    permission: 'session',
    input: z.object({ threshold: quantitySchema.default(0) }).strict(),
    output: z.object({
      threshold: z.number().int(),
      variants: z.array(
        z.object({
          variantId: z.string(),
          productId: z.string(),
          productName: z.string(),
          variantName: z.string(),
          sku: z.string(),
          onHand: z.number().int(),
        }),
      ),
    }),
  }),
  defineHandler({
    name: 'catalog.setImage',
    summary: 'Sets the product image (PNG, JPEG or WebP, at most 2 MB), stored by its SHA-256.',
    permission: 'catalog.edit',
    input: z
      .object({
        productId: catalogIdSchema,
        mimeType: z.enum(imageMimeTypes),
        // Base64 of 2 MB is about 2.8 million characters; the decoded size is checked exactly.
        dataBase64: z
          .string()
          .max(4_000_000, { message: 'the image is larger than 2 MB', abort: true })
          .min(1, { message: 'the image is empty', abort: true }),
      })
      .strict(),
    maxBodyBytes: bodyLimits.image,
    output: z.object({ product: productSchema }),
  }),
  defineHandler({
    name: 'catalog.image',
    summary: 'The product image as a data: URL.',
    permission: 'session',
    input: productIdInput,
    output: z.object({ dataUrl: z.string() }),
  }),
  defineHandler({
    name: 'catalog.exportCsv',
    summary: 'The catalog as CSV, one row per variant, prices in the given currency.',
    permission: 'session',
    input: z.object({ currency: currencySchema }).strict(),
    output: z.object({ csv: z.string() }),
  }),
  defineHandler({
    name: 'catalog.importCsv',
    summary:
      'Upserts variants by SKU from CSV (the columns of exportCsv). Any error applies nothing; dryRun never applies. ' +
      'Unknown categories and tax classes are created and reported.',
    permission: 'catalog.edit',
    input: z
      .object({
        csv: text({ max: 20_000_000, maxMessage: 'the CSV is larger than 20 MB', trim: false }),
        currency: currencySchema,
        dryRun: z.boolean().default(false),
      })
      .strict(),
    maxBodyBytes: bodyLimits.csv,
    output: z.object({
      applied: z.boolean(),
      created: z.number().int().nonnegative(),
      updated: z.number().int().nonnegative(),
      unchanged: z.number().int().nonnegative(),
      createdCategories: z.array(z.string()),
      createdTaxClasses: z.array(z.string()),
      notices: z.array(z.string()),
      errors: z.array(z.object({ line: z.number().int(), column: z.string(), message: z.string() })),
    }),
  }),
] as const;

export const catalogEvents = [
  defineEvent({
    name: 'catalog.updated',
    summary: 'Products changed (data, price, stock, image, or their category or tax class).',
    payload: z.object({ productIds: z.array(z.string()) }),
  }),
] as const;
