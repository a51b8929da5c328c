-- Part 4: the coin rule. A till spends a customer's coins offline only from an allowance leased here;
-- the sum of every till's outstanding allowance never exceeds the customer's balance, so coins spent
-- at several tills offline can never take the balance below zero.

CREATE TABLE tillpoint.coin_allowances (
  store_id text NOT NULL,
  customer_id text NOT NULL,
  till_id text NOT NULL,
  granted_units bigint NOT NULL DEFAULT 0 CHECK (granted_units >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, customer_id, till_id),
  FOREIGN KEY (store_id, till_id) REFERENCES tillpoint.tills (store_id, till_id)
);

-- A customer's coin balance as the central database knows it, counted low: credits once posted,
-- debits as soon as they are pending.
CREATE FUNCTION tillpoint.coin_balance(p_store text, p_customer text) RETURNS numeric
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = tillpoint, pg_temp AS $$
  WITH acc AS (
    SELECT till_id, row_id AS id FROM tillpoint.changes
    WHERE store_id = p_store AND table_name = 'ledger_accounts'
      AND payload->>'code' = 'coins_customer' AND payload->>'ref' = p_customer AND payload->>'asset' = 'COIN'
  )
  SELECT COALESCE(sum(CASE
      WHEN t.payload->>'credit_account' IN (SELECT id FROM acc) AND t.payload->>'kind' IN ('single', 'post_pending')
        THEN (t.payload->>'amount')::numeric
      WHEN t.payload->>'debit_account' IN (SELECT id FROM acc) AND t.payload->>'kind' IN ('single', 'pending')
        THEN -(t.payload->>'amount')::numeric
      ELSE 0 END), 0)
  FROM tillpoint.changes t
  WHERE t.store_id = p_store AND t.table_name = 'ledger_transfers' AND t.payload->>'asset' = 'COIN'
    AND (t.payload->>'credit_account' IN (SELECT id FROM acc) OR t.payload->>'debit_account' IN (SELECT id FROM acc))
$$;

-- Leases up to p_wanted more coins to the calling till; returns the till's total granted so far.
-- available = balance − Σ over tills (granted − spent as last pushed).
CREATE FUNCTION tillpoint.lease_coins(p_store text, p_till text, p_customer text, p_wanted bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = tillpoint, pg_temp AS $$
DECLARE
  balance numeric;
  held numeric;
  grant_units bigint;
  total bigint;
BEGIN
  PERFORM tillpoint.check_caller(p_store, p_till);
  IF p_wanted < 0 THEN RAISE EXCEPTION 'wanted must not be negative'; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('tillpoint.coins:' || p_store || ':' || p_customer));
  balance := tillpoint.coin_balance(p_store, p_customer);
  SELECT COALESCE(sum(a.granted_units - COALESCE(s.spent, 0)), 0) INTO held
  FROM tillpoint.coin_allowances a
  LEFT JOIN LATERAL (
    SELECT (c.payload->>'spent_units')::bigint AS spent FROM tillpoint.changes c
    WHERE c.store_id = a.store_id AND c.till_id = a.till_id
      AND c.table_name = 'sync_coin_allowances' AND c.row_id = a.customer_id
    ORDER BY c.seq DESC LIMIT 1
  ) s ON true
  WHERE a.store_id = p_store AND a.customer_id = p_customer;
  grant_units := greatest(0, least(p_wanted::numeric, balance - held))::bigint;
  INSERT INTO tillpoint.coin_allowances AS a (store_id, customer_id, till_id, granted_units)
  VALUES (p_store, p_customer, p_till, grant_units)
  ON CONFLICT (store_id, customer_id, till_id)
  DO UPDATE SET granted_units = a.granted_units + grant_units, updated_at = now()
  RETURNING a.granted_units INTO total;
  RETURN total;
END $$;
