/**
 * `tillpoint db add-till`: registers a store and a till in the central database and creates the till's
 * own login role (a member of tillpoint_till, so row-level security limits it to its store and till).
 */
import crypto from 'node:crypto';
import { Client, type ClientConfig } from 'pg';

const idPattern = /^[A-Za-z0-9_-]{1,40}$/;

export function tillRoleName(storeId: string, tillId: string): string {
  const name = `tillpoint_${storeId}_${tillId}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (name.length <= 63) return name;
  const hash = crypto.createHash('sha256').update(`${storeId}\u0000${tillId}`).digest('hex').slice(0, 12);
  return `${name.slice(0, 50)}_${hash}`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export interface AddTillResult {
  storeId: string;
  tillId: string;
  role: string;
  /** The new role's password (shown once; put it in the till's TILLPOINT_DATABASE_URL). */
  password: string;
  created: boolean;
}

export async function addTill(
  config: ClientConfig,
  options: { storeId: string; tillId: string; role?: string; password?: string },
): Promise<AddTillResult> {
  if (!idPattern.test(options.storeId)) throw new Error('--store must be 1–40 letters, digits, _ or -');
  if (!idPattern.test(options.tillId)) throw new Error('--till must be 1–40 letters, digits, _ or -');
  const role = options.role ?? tillRoleName(options.storeId, options.tillId);
  const password = options.password ?? crypto.randomBytes(18).toString('base64url');
  const client = new Client(config);
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO tillpoint.stores (store_id) VALUES ($1) ON CONFLICT DO NOTHING', [
      options.storeId,
    ]);
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount === 1;
    if (exists) {
      await client.query(`ALTER ROLE ${quoteIdent(role)} WITH LOGIN PASSWORD ${quoteLiteral(password)}`);
    } else {
      await client.query(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(password)}`);
    }
    await client.query(`GRANT tillpoint_till TO ${quoteIdent(role)}`);
    const inserted = await client.query(
      `INSERT INTO tillpoint.tills (store_id, till_id, role_name) VALUES ($1, $2, $3)
       ON CONFLICT (store_id, till_id) DO UPDATE SET role_name = EXCLUDED.role_name`,
      [options.storeId, options.tillId, role],
    );
    await client.query('COMMIT');
    return {
      storeId: options.storeId,
      tillId: options.tillId,
      role,
      password,
      created: inserted.rowCount === 1 && !exists,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
