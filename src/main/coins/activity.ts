/** When a customer last got coins (a top-up posted, a gift received): the expiry counts from it. */
import { type Db } from '../kernel';

export function touchCoinsActive(db: Db, customerId: string, at: string): void {
  db.prepare('UPDATE customers SET coins_active_at = ? WHERE id = ?').run(at, customerId);
}
