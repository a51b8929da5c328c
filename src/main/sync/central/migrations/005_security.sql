-- Part 5: row-level security. Each till logs in with its own role (tillpoint db add-till), a member of
-- tillpoint_till: it may insert only its own store's and till's changes and read only its store's rows.
-- The policies read the caller's store through a scalar subquery, so it is looked up once per statement
-- (an InitPlan), not once per row.

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tillpoint_till') THEN
    CREATE ROLE tillpoint_till NOLOGIN;
  END IF;
END $$;

GRANT USAGE ON SCHEMA tillpoint TO tillpoint_till;
GRANT SELECT, INSERT ON tillpoint.changes TO tillpoint_till;
GRANT SELECT ON tillpoint.catalog, tillpoint.stores, tillpoint.tills, tillpoint.coin_allowances TO tillpoint_till;
GRANT SELECT ON tillpoint.sync_gaps, tillpoint.ledger_transfers, tillpoint.ledger_accounts, tillpoint.current_rows
  TO tillpoint_till;
REVOKE ALL ON FUNCTION tillpoint.begin_push(text, text, bigint), tillpoint.end_push(text, text, bigint, bigint),
  tillpoint.till_head(text, text), tillpoint.lease_coins(text, text, text, bigint),
  tillpoint.coin_balance(text, text), tillpoint.check_caller(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tillpoint.begin_push(text, text, bigint), tillpoint.end_push(text, text, bigint, bigint),
  tillpoint.push_changes(text, text, bigint, bigint, jsonb),
  tillpoint.till_head(text, text), tillpoint.lease_coins(text, text, text, bigint),
  tillpoint.my_store(), tillpoint.my_till(), tillpoint.pull_horizon() TO tillpoint_till;

ALTER TABLE tillpoint.changes ENABLE ROW LEVEL SECURITY;
CREATE POLICY changes_read_own_store ON tillpoint.changes FOR SELECT TO tillpoint_till
  USING (store_id = (SELECT tillpoint.my_store()));
CREATE POLICY changes_insert_own_till ON tillpoint.changes FOR INSERT TO tillpoint_till
  WITH CHECK (store_id = (SELECT tillpoint.my_store()) AND till_id = (SELECT tillpoint.my_till()));

ALTER TABLE tillpoint.catalog ENABLE ROW LEVEL SECURITY;
CREATE POLICY catalog_read_own_store ON tillpoint.catalog FOR SELECT TO tillpoint_till
  USING (store_id = (SELECT tillpoint.my_store()));

ALTER TABLE tillpoint.stores ENABLE ROW LEVEL SECURITY;
CREATE POLICY stores_read_own ON tillpoint.stores FOR SELECT TO tillpoint_till
  USING (store_id = (SELECT tillpoint.my_store()));

ALTER TABLE tillpoint.tills ENABLE ROW LEVEL SECURITY;
CREATE POLICY tills_read_own_store ON tillpoint.tills FOR SELECT TO tillpoint_till
  USING (store_id = (SELECT tillpoint.my_store()));

ALTER TABLE tillpoint.coin_allowances ENABLE ROW LEVEL SECURITY;
CREATE POLICY coin_allowances_read_own_store ON tillpoint.coin_allowances FOR SELECT TO tillpoint_till
  USING (store_id = (SELECT tillpoint.my_store()));
