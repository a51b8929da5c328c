import { type Migration } from '../migrate';

/**
 * Staff members with their PIN hashes and lockout state, their sessions, manager approvals, and
 * the append-only audit log (owned by src/main/audit, created here with the staff it records).
 * Session and approval tokens are never stored: only their SHA-256, in hex.
 */
export const migration: Migration = {
  id: '20261121T000200_staff',
  sql: `
    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'owner')),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      pin_hash TEXT NOT NULL,
      failed_pin_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_pin_count >= 0),
      lock_count INTEGER NOT NULL DEFAULT 0 CHECK (lock_count >= 0),
      locked_until TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      created_by TEXT REFERENCES staff (id)
    ) STRICT;

    CREATE TABLE staff_sessions (
      token_hash TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      ended_at TEXT,
      end_reason TEXT CHECK (end_reason IN ('logout', 'lock', 'idle', 'deactivated'))
    ) STRICT;
    CREATE INDEX staff_sessions_open ON staff_sessions (staff_id) WHERE ended_at IS NULL;

    CREATE TABLE staff_approvals (
      token_hash TEXT PRIMARY KEY,
      action TEXT NOT NULL,
      ref TEXT,
      approved_by TEXT NOT NULL REFERENCES staff (id),
      requested_by TEXT NOT NULL REFERENCES staff (id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT
    ) STRICT;

    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      staff_id TEXT,
      action TEXT NOT NULL,
      ref TEXT,
      details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
    ) STRICT;
    CREATE INDEX audit_log_at ON audit_log (at);
    CREATE INDEX audit_log_staff ON audit_log (staff_id, id);
    CREATE INDEX audit_log_action ON audit_log (action, id);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
    END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
    END;
  `,
};
