/** `orders.list`: orders newest first, filtered by status, by number or product, and by creation time. */
import { isCarriedOver } from './orderView';
import { type ApiOutput, type ApiParsedInput } from '../../shared/api';
import { type OrdersContext } from './context';
import { getOrder, orderLines } from './ordersStore';
import { priceOrder } from './priced';

type ListOutput = ApiOutput<'orders.list'>;

/** LIKE pattern for a text search: % and _ in the text match themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function listOrders(oc: OrdersContext, input: ApiParsedInput<'orders.list'>): ListOutput {
  const { db } = oc.deps;
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (input.status !== undefined) {
    where.push('o.status = @status');
    params.status = input.status;
  }
  if (input.from !== undefined) {
    where.push('o.created_at >= @from');
    params.from = new Date(input.from).toISOString();
  }
  if (input.to !== undefined) {
    where.push('o.created_at < @to');
    params.to = new Date(input.to).toISOString();
  }
  const search = input.search?.trim() ?? '';
  if (search !== '') {
    const byProduct = `EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id
        AND (l.name LIKE @pattern ESCAPE '\\' OR l.sku LIKE @pattern ESCAPE '\\'))`;
    params.pattern = likePattern(search);
    if (/^\d{1,15}$/.test(search)) {
      where.push(`(o.number = @number OR ${byProduct})`);
      params.number = Number(search);
    } else {
      where.push(byProduct);
    }
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT COUNT(*) FROM orders o ${filter}`).pluck().get(params) as number;
  const ids = db
    .prepare(
      `SELECT o.id FROM orders o ${filter} ORDER BY o.created_at DESC, o.id DESC LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ ...params, limit: input.limit, offset: input.offset }) as string[];
  const settings = oc.settings.get();
  const orders = ids.map((id) => {
    const order = getOrder(db, id);
    const lines = orderLines(db, id);
    return {
      id: order.id,
      number: order.number,
      status: order.status,
      currency: order.currency,
      carriedOver: isCarriedOver(oc, order),
      createdBy: { staffId: order.createdBy, name: oc.staffName(order.createdBy) },
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      totalMinor: priceOrder(order, lines, settings).result.totalMinor.toString(),
    };
  });
  return { orders, total };
}
