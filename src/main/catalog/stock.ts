/**
 * Stock on hand. Every change is an append-only movement; the variant row keeps the running
 * on-hand, and both are written in one transaction, so on-hand always equals the sum of the
 * variant's movements. Stock may go below zero: a till never refuses an item the customer holds;
 * `lowStock` reports it instead.
 */
import { TillpointError } from '../../shared/api/errors';
import { type StockMovement, type StockReason, stockReasons } from '../../shared/api/catalog';
import { type CatalogContext } from './context';
import { getVariantRow } from './reads';

export interface RecordStockMovementInput {
  readonly variantId: string;
  /** Whole units: negative for a sale, positive for a refund or a delivery. */
  readonly delta: number;
  readonly reason: StockReason;
  /** What caused it: `order:<id>`, `refund:<id>`, `import:<id>`; '' when nothing did. */
  readonly ref?: string;
  readonly staffId: string | null;
  readonly note?: string;
}

interface MovementRow {
  id: string;
  variant_id: string;
  delta: number;
  reason: StockReason;
  ref: string;
  note: string;
  staff_id: string | null;
  on_hand_after: number;
  at: string;
}

function movementFromRow(row: MovementRow): StockMovement {
  return {
    id: row.id,
    variantId: row.variant_id,
    delta: row.delta,
    reason: row.reason,
    ref: row.ref,
    note: row.note,
    staffId: row.staff_id,
    onHandAfter: row.on_hand_after,
    at: row.at,
  };
}

const onHandLimit = 1_000_000_000;

/**
 * Records one movement and moves on-hand by its delta. Other domains call it inside their own
 * `db.transaction` (it nests as a savepoint), so an order and its stock commit together; it
 * announces nothing, since the caller's transaction may still roll back.
 */
export function recordStockMovement(ctx: CatalogContext, input: RecordStockMovementInput): StockMovement {
  const { db } = ctx.deps;
  if (!stockReasons.includes(input.reason)) {
    throw new TillpointError('bad_input', `"${String(input.reason)}" is not a stock movement reason.`, {
      reason: input.reason,
      reasons: stockReasons,
    });
  }
  if (!Number.isSafeInteger(input.delta)) {
    throw new TillpointError('bad_input', `A stock delta is a whole number of units, not ${input.delta}.`, {
      delta: input.delta,
    });
  }
  if (input.delta === 0 && input.reason !== 'count') {
    throw new TillpointError('bad_input', `A "${input.reason}" stock movement cannot be zero.`, { delta: 0 });
  }
  return db.transaction(() => {
    const variant = getVariantRow(db, input.variantId);
    const onHandAfter = variant.on_hand + input.delta;
    if (Math.abs(onHandAfter) > onHandLimit) {
      throw new TillpointError(
        'bad_input',
        `Stock on hand would be ${onHandAfter}, beyond ±${onHandLimit} units.`,
        {
          variantId: input.variantId,
          onHandAfter,
        },
      );
    }
    const row: MovementRow = {
      id: ctx.newId(),
      variant_id: variant.id,
      delta: input.delta,
      reason: input.reason,
      ref: input.ref ?? '',
      note: input.note ?? '',
      staff_id: input.staffId,
      on_hand_after: onHandAfter,
      at: ctx.nowIso(),
    };
    db.prepare(
      `INSERT INTO catalog_stock_movements (id, variant_id, delta, reason, ref, note, staff_id, on_hand_after, at)
       VALUES (@id, @variant_id, @delta, @reason, @ref, @note, @staff_id, @on_hand_after, @at)`,
    ).run(row);
    db.prepare('UPDATE catalog_variants SET on_hand = ? WHERE id = ?').run(onHandAfter, variant.id);
    return movementFromRow(row);
  })();
}

export type AdjustStockInput =
  | { variantId: string; reason: 'adjustment' | 'receive'; delta: number; note: string }
  | { variantId: string; reason: 'count'; countedQuantity: number; note: string };

/** A manager's stock change: a correction, a delivery, or a count that sets on-hand to what was counted. */
export function adjustStock(
  ctx: CatalogContext,
  input: AdjustStockInput,
  staffId: string | null,
): { movement: StockMovement; onHand: number; productId: string } {
  const { db } = ctx.deps;
  const result = db.transaction(() => {
    const variant = getVariantRow(db, input.variantId);
    let delta: number;
    if (input.reason === 'count') {
      delta = input.countedQuantity - variant.on_hand;
    } else {
      delta = input.delta;
      if (input.reason === 'receive' && delta <= 0) {
        throw new TillpointError('bad_input', `Received stock must be a positive quantity, not ${delta}.`, {
          delta,
        });
      }
    }
    const movement = recordStockMovement(ctx, {
      variantId: variant.id,
      delta,
      reason: input.reason,
      ref: '',
      staffId,
      note: input.note,
    });
    return { movement, onHand: movement.onHandAfter, productId: variant.product_id };
  })();
  ctx.announce([result.productId]);
  return result;
}

/** Movements of a variant, newest first, paged by the id of the last one seen. */
export function stockMovements(
  ctx: CatalogContext,
  input: { variantId: string; limit: number; before?: string | undefined },
): StockMovement[] {
  const { db } = ctx.deps;
  getVariantRow(db, input.variantId);
  const rows = db
    .prepare(
      `SELECT * FROM catalog_stock_movements WHERE variant_id = ? AND (? IS NULL OR id < ?)
       ORDER BY id DESC LIMIT ?`,
    )
    .all(input.variantId, input.before ?? null, input.before ?? null, input.limit) as MovementRow[];
  return rows.map(movementFromRow);
}

export interface LowStockEntry {
  variantId: string;
  productId: string;
  productName: string;
  variantName: string;
  sku: string;
  onHand: number;
}

/** Tracked variants of active products at or below the threshold, the emptiest first. */
export function lowStock(ctx: CatalogContext, threshold: number): LowStockEntry[] {
  const rows = ctx.deps.db
    .prepare(
      `SELECT v.id, v.product_id, p.name AS product_name, v.name, v.sku, v.on_hand
       FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id
       WHERE v.active = 1 AND p.active = 1 AND v.track_stock = 1 AND v.on_hand <= ?
       ORDER BY v.on_hand, p.name COLLATE NOCASE, v.position`,
    )
    .all(threshold) as {
    id: string;
    product_id: string;
    product_name: string;
    name: string;
    sku: string;
    on_hand: number;
  }[];
  return rows.map((row) => ({
    variantId: row.id,
    productId: row.product_id,
    productName: row.product_name,
    variantName: row.name,
    sku: row.sku,
    onHand: row.on_hand,
  }));
}
