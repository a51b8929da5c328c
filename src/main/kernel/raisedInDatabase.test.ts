import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { raisedInDatabase } from './dispatch';

describe('a rule kept in the database refuses like a handler', () => {
  it('maps a trigger’s tillpoint:<code>: message to that code and message', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE t (n INTEGER);
      CREATE TRIGGER t_limit BEFORE INSERT ON t WHEN NEW.n > 5 BEGIN
        SELECT RAISE(ABORT, 'tillpoint:insufficient_funds: only 5 may be spent here');
      END;`);
    let caught: unknown = null;
    try {
      db.prepare('INSERT INTO t (n) VALUES (6)').run();
    } catch (error) {
      caught = error;
    }
    expect(raisedInDatabase(caught)).toEqual({
      code: 'insufficient_funds',
      message: 'only 5 may be spent here',
    });
    db.close();
  });

  it.each([
    ['an unknown code', new Error('tillpoint:no_such_code: hello')],
    ['internal', new Error('tillpoint:internal: hello')],
    ['any other database error', new Error('UNIQUE constraint failed: t.n')],
    ['not an error', 'tillpoint:bad_input: hello'],
  ])('leaves %s alone', (_name, error) => {
    expect(raisedInDatabase(error)).toBeNull();
  });
});
