-- Part 2: who is calling, and the push's gap check.

-- The store and till of the calling login role (NULL for an administrator's role). session_user,
-- not current_user: inside a SECURITY DEFINER function current_user is the function's owner.
CREATE FUNCTION tillpoint.my_store() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = tillpoint, pg_temp AS $$
  SELECT store_id FROM tillpoint.tills WHERE role_name = session_user
$$;
CREATE FUNCTION tillpoint.my_till() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = tillpoint, pg_temp AS $$
  SELECT till_id FROM tillpoint.tills WHERE role_name = session_user
$$;

-- A till role may act only as itself; a role that is no till's (the administrator) as any till.
CREATE FUNCTION tillpoint.check_caller(p_store text, p_till text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = tillpoint, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM tillpoint.tills WHERE role_name = session_user)
     AND NOT EXISTS (SELECT 1 FROM tillpoint.tills
                     WHERE role_name = session_user AND store_id = p_store AND till_id = p_till) THEN
    RAISE EXCEPTION 'role % may not act for till %/%', session_user, p_store, p_till
      USING ERRCODE = '42501';
  END IF;
END $$;

-- Before a batch: locks the till's head and refuses a batch that would leave a gap. Returns the head.
CREATE FUNCTION tillpoint.begin_push(p_store text, p_till text, p_first bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = tillpoint, pg_temp AS $$
DECLARE head bigint;
BEGIN
  PERFORM tillpoint.check_caller(p_store, p_till);
  SELECT last_seq INTO head FROM tillpoint.tills WHERE store_id = p_store AND till_id = p_till FOR UPDATE;
  IF head IS NULL THEN
    RAISE EXCEPTION 'unknown till %/% (tillpoint db add-till)', p_store, p_till USING ERRCODE = 'P0002';
  END IF;
  IF p_first > head + 1 THEN
    RAISE EXCEPTION 'sync gap: till %/% sent seq % after %', p_store, p_till, p_first, head
      USING ERRCODE = 'P0001', DETAIL = 'tillpoint_gap';
  END IF;
  RETURN head;
END $$;

-- After the batch's rows: every seq from p_first to p_last must be there; moves the head.
CREATE FUNCTION tillpoint.end_push(p_store text, p_till text, p_first bigint, p_last bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = tillpoint, pg_temp AS $$
DECLARE present bigint;
BEGIN
  PERFORM tillpoint.check_caller(p_store, p_till);
  SELECT count(*) INTO present FROM tillpoint.changes
  WHERE store_id = p_store AND till_id = p_till AND seq BETWEEN p_first AND p_last;
  IF present <> p_last - p_first + 1 THEN
    RAISE EXCEPTION 'sync gap: till %/% batch % to % holds % rows', p_store, p_till, p_first, p_last, present
      USING ERRCODE = 'P0001', DETAIL = 'tillpoint_gap';
  END IF;
  UPDATE tillpoint.tills SET last_seq = greatest(last_seq, p_last), last_push_at = now()
  WHERE store_id = p_store AND till_id = p_till;
  RETURN greatest(p_last, (SELECT last_seq FROM tillpoint.tills WHERE store_id = p_store AND till_id = p_till));
END $$;

-- The head a till's push resumes from (a till that lost its checkpoint resends nothing confirmed).
CREATE FUNCTION tillpoint.till_head(p_store text, p_till text) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = tillpoint, pg_temp AS $$
BEGIN
  PERFORM tillpoint.check_caller(p_store, p_till);
  RETURN (SELECT last_seq FROM tillpoint.tills WHERE store_id = p_store AND till_id = p_till);
END $$;

-- One batch in one statement (one round trip, one transaction): the gap check, the rows (a row already
-- there is skipped: a resent batch changes nothing), the head moved. Runs as the caller, so row-level
-- security judges every row. The rows come as one JSON array of [seq, table, row id, op, payload,
-- committed at] (parsed once; the payload is kept as it came). Only seqs from p_first to p_last are
-- taken, and end_push checks every one of them is there. Returns the till's new head.
CREATE FUNCTION tillpoint.push_changes(p_store text, p_till text, p_first bigint, p_last bigint, p_rows jsonb)
RETURNS bigint
LANGUAGE plpgsql SET search_path = tillpoint, pg_temp AS $$
DECLARE head bigint;
BEGIN
  IF p_last < p_first THEN
    RETURN tillpoint.till_head(p_store, p_till);
  END IF;
  head := tillpoint.begin_push(p_store, p_till, p_first);
  IF p_first > head THEN
    -- Nothing of this batch can be there yet (no row lies beyond the head): a plain insert, cheaper
    -- than ON CONFLICT's speculative one. A duplicate transfer id would fail the batch loudly.
    INSERT INTO tillpoint.changes (store_id, till_id, seq, table_name, row_id, op, payload, committed_at)
    SELECT p_store, p_till, (e->>0)::bigint, e->>1, e->>2, e->>3, e->4, (e->>5)::timestamptz
    FROM jsonb_array_elements(p_rows) AS e
    WHERE (e->>0)::bigint BETWEEN p_first AND p_last;
  ELSE
    -- A resent batch (its answer was lost): what is there already is skipped.
    INSERT INTO tillpoint.changes (store_id, till_id, seq, table_name, row_id, op, payload, committed_at)
    SELECT p_store, p_till, (e->>0)::bigint, e->>1, e->>2, e->>3, e->4, (e->>5)::timestamptz
    FROM jsonb_array_elements(p_rows) AS e
    WHERE (e->>0)::bigint BETWEEN p_first AND p_last
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN tillpoint.end_push(p_store, p_till, p_first, p_last);
END $$;
