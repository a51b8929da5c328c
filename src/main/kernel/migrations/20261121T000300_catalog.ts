import { type Migration } from '../migrate';

/**
 * The catalog: categories, tax classes and their rates, products, variants (SKU unique across the
 * store, ignoring case), barcodes (unique), a price per currency (TEXT minor units, so any asset's
 * scale fits), and append-only stock movements whose sum is the variant's on-hand.
 */
export const migration: Migration = {
  id: '20261121T000300_catalog',
  sql: `
    CREATE TABLE catalog_categories (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      color TEXT NOT NULL,
      sort_order INTEGER NOT NULL,
      active INTEGER NOT NULL CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE catalog_tax_classes (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL COLLATE NOCASE UNIQUE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE catalog_tax_rates (
      tax_class_id TEXT NOT NULL REFERENCES catalog_tax_classes (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      tax_id TEXT NOT NULL,
      name TEXT NOT NULL,
      rate_percent TEXT NOT NULL,
      PRIMARY KEY (tax_class_id, tax_id)
    ) STRICT;

    CREATE TABLE catalog_products (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      description TEXT NOT NULL,
      category_id TEXT REFERENCES catalog_categories (id),
      tax_class_id TEXT NOT NULL REFERENCES catalog_tax_classes (id),
      vendor_id TEXT,
      image_sha256 TEXT,
      image_mime_type TEXT,
      active INTEGER NOT NULL CHECK (active IN (0, 1)),
      archived_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    ) STRICT;
    CREATE INDEX catalog_products_name ON catalog_products (name COLLATE NOCASE);
    CREATE INDEX catalog_products_category ON catalog_products (category_id);
    CREATE INDEX catalog_products_tax_class ON catalog_products (tax_class_id);

    CREATE TABLE catalog_variants (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL REFERENCES catalog_products (id),
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      sku TEXT NOT NULL COLLATE NOCASE UNIQUE,
      track_stock INTEGER NOT NULL CHECK (track_stock IN (0, 1)),
      on_hand INTEGER NOT NULL,
      active INTEGER NOT NULL CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX catalog_variants_product ON catalog_variants (product_id, position);

    CREATE TABLE catalog_barcodes (
      code TEXT PRIMARY KEY,
      variant_id TEXT NOT NULL REFERENCES catalog_variants (id),
      position INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX catalog_barcodes_variant ON catalog_barcodes (variant_id);

    CREATE TABLE catalog_prices (
      variant_id TEXT NOT NULL REFERENCES catalog_variants (id),
      currency TEXT NOT NULL,
      amount_minor TEXT NOT NULL CHECK (amount_minor <> '' AND amount_minor NOT GLOB '*[^0-9]*'),
      PRIMARY KEY (variant_id, currency)
    ) STRICT;

    CREATE TABLE catalog_stock_movements (
      id TEXT PRIMARY KEY,
      variant_id TEXT NOT NULL REFERENCES catalog_variants (id),
      delta INTEGER NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('sale', 'refund', 'adjustment', 'receive', 'import', 'count')),
      ref TEXT NOT NULL,
      note TEXT NOT NULL,
      staff_id TEXT,
      on_hand_after INTEGER NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX catalog_stock_movements_variant ON catalog_stock_movements (variant_id, id);
    CREATE INDEX catalog_stock_movements_ref ON catalog_stock_movements (ref) WHERE ref <> '';

    CREATE TRIGGER catalog_stock_movements_no_update BEFORE UPDATE ON catalog_stock_movements
    BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
    CREATE TRIGGER catalog_stock_movements_no_delete BEFORE DELETE ON catalog_stock_movements
    BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;
  `,
};
