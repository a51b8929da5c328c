/** Categories and tax classes: how products are grouped on the till and how they are taxed. */
import Decimal from 'decimal.js';
import { nameKey } from '../../shared/api/bounds';
import { TillpointError } from '../../shared/api/errors';
import { type Db } from '../kernel';
import {
  saveCategoryInputSchema,
  saveTaxClassInputSchema,
  type Category,
  type SaveCategoryInput,
  type SaveTaxClassInput,
  type TaxClass,
  type TaxRate,
} from '../../shared/api/catalog';
import { type CatalogContext, toFlag } from './context';
import { getCategory, getTaxClass } from './reads';

/** Creates or updates a category; a name another category has (ignoring case) is a conflict. */
export function saveCategory(ctx: CatalogContext, rawInput: SaveCategoryInput): Category {
  const input = saveCategoryInputSchema.parse(rawInput);
  const { db } = ctx.deps;
  return db.transaction(() => {
    const clash = sameName(db, 'catalog_categories', input.name, input.id ?? null);
    if (clash) {
      throw new TillpointError('conflict', `A category named "${input.name}" already exists.`, {
        name: input.name,
        categoryId: clash.id,
      });
    }
    const now = ctx.nowIso();
    const color = input.color.toLowerCase();
    if (input.id) {
      getCategory(db, input.id);
      db.prepare(
        'UPDATE catalog_categories SET name = ?, color = ?, sort_order = ?, active = ?, updated_at = ? WHERE id = ?',
      ).run(input.name, color, input.sortOrder, toFlag(input.active), now, input.id);
      return getCategory(db, input.id);
    }
    const id = ctx.newId();
    db.prepare(
      `INSERT INTO catalog_categories (id, name, color, sort_order, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, input.name, color, input.sortOrder, toFlag(input.active), now, now);
    return getCategory(db, id);
  })();
}

/** "8.8750" → "8.875", "5.0" → "5": one spelling per rate, so equal rates compare equal. */
export function normalizeRatePercent(ratePercent: string): string {
  return new Decimal(ratePercent).toFixed();
}

/** Creates a tax class, or replaces the name and rates of an existing one. */
export function saveTaxClass(ctx: CatalogContext, rawInput: SaveTaxClassInput): TaxClass {
  const input = saveTaxClassInputSchema.parse(rawInput);
  const { db } = ctx.deps;
  const seen = new Set<string>();
  for (const rate of input.rates) {
    if (seen.has(rate.taxId)) {
      throw new TillpointError('bad_input', `Tax class "${input.name}" lists tax "${rate.taxId}" twice.`, {
        taxId: rate.taxId,
      });
    }
    seen.add(rate.taxId);
  }
  const rates: TaxRate[] = input.rates.map((rate) => ({
    ...rate,
    ratePercent: normalizeRatePercent(rate.ratePercent),
  }));
  const result = db.transaction(() => {
    const clash = sameName(db, 'catalog_tax_classes', input.name, input.id ?? null);
    if (clash) {
      throw new TillpointError('conflict', `A tax class named "${input.name}" already exists.`, {
        name: input.name,
        taxClassId: clash.id,
      });
    }
    const now = ctx.nowIso();
    let id = input.id;
    if (id) {
      getTaxClass(db, id);
      db.prepare('UPDATE catalog_tax_classes SET name = ?, updated_at = ? WHERE id = ?').run(
        input.name,
        now,
        id,
      );
      db.prepare('DELETE FROM catalog_tax_rates WHERE tax_class_id = ?').run(id);
    } else {
      id = ctx.newId();
      db.prepare(
        'INSERT INTO catalog_tax_classes (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
      ).run(id, input.name, now, now);
    }
    const insertRate = db.prepare(
      'INSERT INTO catalog_tax_rates (tax_class_id, position, tax_id, name, rate_percent) VALUES (?, ?, ?, ?, ?)',
    );
    rates.forEach((rate, position) => insertRate.run(id, position, rate.taxId, rate.name, rate.ratePercent));
    const productIds = db
      .prepare('SELECT id FROM catalog_products WHERE tax_class_id = ?')
      .pluck()
      .all(id) as string[];
    return { taxClass: getTaxClass(db, id), productIds };
  })();
  if (input.id && result.productIds.length > 0) ctx.announce(result.productIds);
  return result.taxClass;
}

/** The id of the category with this name (compared as `nameKey` compares), or null. */
export function findCategoryIdByName(ctx: CatalogContext, name: string): string | null {
  return sameName(ctx.deps.db, 'catalog_categories', name, null)?.id ?? null;
}

/** The id of the tax class with this name (compared as `nameKey` compares), or null. */
export function findTaxClassIdByName(ctx: CatalogContext, name: string): string | null {
  return sameName(ctx.deps.db, 'catalog_tax_classes', name, null)?.id ?? null;
}

/**
 * The row of `table` named like `name` after NFC normalisation and case folding ("Café" and
 * "CAFE\u0301" are one name), other than `exceptId`. Compared in JS: categories and tax classes
 * are a few dozen rows, and SQLite's NOCASE folds ASCII only.
 */
function sameName(
  db: Db,
  table: 'catalog_categories' | 'catalog_tax_classes',
  name: string,
  exceptId: string | null,
): { id: string } | undefined {
  const wanted = nameKey(name);
  const rows = db.prepare(`SELECT id, name FROM ${table} ORDER BY id`).all() as {
    id: string;
    name: string;
  }[];
  return rows.find((row) => row.id !== exceptId && nameKey(row.name) === wanted);
}
