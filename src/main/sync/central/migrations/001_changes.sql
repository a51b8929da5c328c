-- Tillpoint central schema, part 1: stores, tills and the change log the tills push.
-- Every primary and foreign key starts with store_id, so the schema runs distributed by store
-- (Citus: SELECT create_distributed_table('tillpoint.changes', 'store_id'), see docs/ARCHITECTURE.md).

CREATE TABLE tillpoint.stores (
  store_id text PRIMARY KEY CHECK (store_id ~ '^[A-Za-z0-9_-]{1,40}$'),
  name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per till: its database role, and the last change seq it pushed (the gap check's head).
CREATE TABLE tillpoint.tills (
  store_id text NOT NULL REFERENCES tillpoint.stores (store_id),
  till_id text NOT NULL CHECK (till_id ~ '^[A-Za-z0-9_-]{1,40}$'),
  role_name text UNIQUE,
  last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  last_push_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, till_id)
);

-- Every change of every till, exactly once: keyed by (store, till, seq), the till's own order.
-- A ledger transfer is also unique by its own id within its store (it is immutable).
CREATE TABLE tillpoint.changes (
  store_id text NOT NULL,
  till_id text NOT NULL,
  seq bigint NOT NULL CHECK (seq > 0),
  table_name text NOT NULL,
  row_id text NOT NULL,
  op text NOT NULL CHECK (op IN ('insert', 'update')),
  payload jsonb NOT NULL,
  committed_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, till_id, seq),
  FOREIGN KEY (store_id, till_id) REFERENCES tillpoint.tills (store_id, till_id)
);
CREATE UNIQUE INDEX changes_ledger_transfer_once ON tillpoint.changes (store_id, row_id)
  WHERE table_name = 'ledger_transfers';
CREATE INDEX changes_by_row ON tillpoint.changes (store_id, table_name, row_id);

-- Gaps in a till's sequence (should always be empty: the push refuses to make one).
CREATE VIEW tillpoint.sync_gaps WITH (security_invoker = true) AS
SELECT store_id, till_id, prev_seq + 1 AS missing_from, seq - 1 AS missing_to
FROM (
  SELECT store_id, till_id, seq,
         lag(seq, 1, 0::bigint) OVER (PARTITION BY store_id, till_id ORDER BY seq) AS prev_seq
  FROM tillpoint.changes
) AS s
WHERE seq <> prev_seq + 1;

-- The ledger as rows, from the change log (append-only: a transfer appears once).
CREATE VIEW tillpoint.ledger_transfers WITH (security_invoker = true) AS
SELECT store_id, till_id, seq, row_id AS id,
       payload->>'kind' AS kind,
       payload->>'debit_account' AS debit_account,
       payload->>'credit_account' AS credit_account,
       (payload->>'amount')::numeric AS amount,
       payload->>'asset' AS asset,
       payload->>'code' AS code,
       payload->>'ref' AS ref,
       payload->>'pending_id' AS pending_id,
       payload->>'timestamp' AS timestamp
FROM tillpoint.changes WHERE table_name = 'ledger_transfers';

CREATE VIEW tillpoint.ledger_accounts WITH (security_invoker = true) AS
SELECT store_id, till_id, row_id AS id, payload->>'asset' AS asset, payload->>'code' AS code,
       payload->>'ref' AS ref
FROM tillpoint.changes WHERE table_name = 'ledger_accounts';

-- The newest version of every mutable row (orders, payments, shifts, customers...).
CREATE VIEW tillpoint.current_rows WITH (security_invoker = true) AS
SELECT DISTINCT ON (store_id, table_name, row_id) store_id, till_id, table_name, row_id, seq, payload
FROM tillpoint.changes
ORDER BY store_id, table_name, row_id, seq DESC;
