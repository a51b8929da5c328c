/** Categories and tax classes: how products are grouped on the till and how they are taxed. */
import Decimal from 'decimal.js';
import { TillpointError } from '../../shared/api/errors';
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
    const clash = db
      .prepare('SELECT id FROM catalog_categories WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
      .get(input.name, input.id ?? null) as { id: string } | undefined;
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
    const clash = db
      .prepare('SELECT id FROM catalog_tax_classes WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
      .get(input.name, input.id ?? null) as { id: string } | undefined;
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

/** The id of the category with this name (ignoring case), or null. */
export function findCategoryIdByName(ctx: CatalogContext, name: string): string | null {
  const row = ctx.deps.db
    .prepare('SELECT id FROM catalog_categories WHERE name = ? COLLATE NOCASE')
    .get(name) as { id: string } | undefined;
  return row?.id ?? null;
}

/** The id of the tax class with this name (ignoring case), or null. */
export function findTaxClassIdByName(ctx: CatalogContext, name: string): string | null {
  const row = ctx.deps.db
    .prepare('SELECT id FROM catalog_tax_classes WHERE name = ? COLLATE NOCASE')
    .get(name) as { id: string } | undefined;
  return row?.id ?? null;
}
