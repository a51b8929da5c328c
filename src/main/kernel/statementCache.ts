/**
 * Prepared statements, cached by their SQL: the stores call `db.prepare(sql)` where they use it,
 * and compiling the same SQL again on every call was the largest cost of a payment at the counter
 * (bench/payments.bench.ts). The cache hands back the statement already compiled, in its default
 * mode (a caller that wants one column calls `.pluck()` again); a statement still iterating is
 * never handed out twice (a fresh one is prepared); the least recently used statement leaves
 * when more than `max` distinct SQL texts were seen (SQL built with a variable number of
 * placeholders would otherwise grow it without bound).
 */
import type Database from 'better-sqlite3';

export function cacheStatements(db: Database.Database, max = 1_000): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    const found = cache.get(sql);
    if (found && !found.busy) {
      cache.delete(sql);
      cache.set(sql, found);
      if (found.reader) found.pluck(false);
      return found;
    }
    const statement = prepare(sql);
    if (!found) {
      cache.set(sql, statement);
      if (cache.size > max) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    return statement;
  };
  db.prepare = cached as typeof db.prepare;
}
