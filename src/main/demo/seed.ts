/**
 * Seeds the demo store through the other domains' services (settings, staff, catalog), in one
 * database transaction: all of it or nothing. It runs while the core starts, before any door serves
 * a call, so nothing else uses the connection while the transaction waits for the PIN hashes.
 * It seeds only a till with no staff at all, so a restart (or a till set up by hand) seeds nothing.
 */
import { type CoreDeps } from '../kernel';
import { type CatalogService } from '../catalog';
import { type SettingsService } from '../settings';
import { type StaffService } from '../staff';
import {
  demoCategories,
  demoEan13,
  demoProducts,
  demoSettings,
  demoStaff,
  demoTaxClasses,
  type DemoCategoryName,
  type DemoTaxClassKey,
} from './sampleStore';

export interface DemoServices {
  readonly staff: Pick<StaffService, 'createStaffMember'>;
  readonly catalog: Pick<
    CatalogService,
    'saveCategory' | 'saveTaxClass' | 'saveProduct' | 'recordStockMovement'
  >;
  readonly settings: Pick<SettingsService, 'update'>;
}

export interface DemoSeedResult {
  staff: number;
  products: number;
  variants: number;
}

function countStaff(deps: CoreDeps): number {
  return (deps.db.prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n;
}

export async function seedDemoStore(deps: CoreDeps, services: DemoServices): Promise<DemoSeedResult | null> {
  const { db } = deps;
  if (countStaff(deps) > 0) return null;
  db.exec('BEGIN IMMEDIATE');
  try {
    if (countStaff(deps) > 0) {
      db.exec('ROLLBACK');
      return null;
    }
    services.settings.update(demoSettings, null);

    let ownerId: string | null = null;
    for (const member of demoStaff) {
      const created = await services.staff.createStaffMember({
        ...member,
        allowWeakPin: true,
        createdBy: ownerId,
      });
      if (member.role === 'owner') ownerId = created.staffId;
    }

    const taxClassIds = {} as Record<DemoTaxClassKey, string>;
    for (const key of Object.keys(demoTaxClasses) as DemoTaxClassKey[]) {
      const { name, rates } = demoTaxClasses[key];
      taxClassIds[key] = services.catalog.saveTaxClass({
        name,
        rates: rates.map((rate) => ({ ...rate })),
      }).id;
    }
    const categoryIds = {} as Record<DemoCategoryName, string>;
    for (const category of demoCategories) {
      categoryIds[category.name] = services.catalog.saveCategory({ ...category }).id;
    }

    let variantIndex = 0;
    for (const product of demoProducts) {
      const saved = services.catalog.saveProduct(
        {
          name: product.name,
          description: product.description,
          categoryId: categoryIds[product.category],
          taxClassId: taxClassIds[product.taxClass],
          variants: product.variants.map((variant) => {
            variantIndex += 1;
            return {
              name: variant.name,
              sku: variant.sku,
              barcodes: [demoEan13(variantIndex)],
              prices: [{ currency: 'USD', amount: variant.priceMinor.toString() }],
              trackStock: variant.stock !== undefined,
            };
          }),
        },
        ownerId,
      );
      for (const variant of product.variants) {
        if (variant.stock === undefined) continue;
        const savedVariant = saved.variants.find((v) => v.sku === variant.sku);
        if (!savedVariant) throw new Error(`The demo variant ${variant.sku} was not saved.`);
        services.catalog.recordStockMovement({
          variantId: savedVariant.id,
          delta: variant.stock,
          reason: 'receive',
          ref: 'demo:seed',
          staffId: ownerId,
          note: 'Opening stock of the demo store',
        });
      }
    }
    db.exec('COMMIT');
    deps.logger.info({ store: demoSettings.storeName }, 'seeded the demo store');
    return { staff: demoStaff.length, products: demoProducts.length, variants: variantIndex };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
