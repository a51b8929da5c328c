import { type Migration } from '../migrate';

/** Key-value settings of this till (store name, currency, locale...), owned by the core. */
export const migration: Migration = {
  id: '20261121T000000_core',
  sql: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
