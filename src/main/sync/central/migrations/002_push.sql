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
-- security judges every row. Returns the till's new head.
CREATE FUNCTION tillpoint.push_changes(
  p_store text, p_till text,
  p_seq bigint[], p_table text[], p_row text[], p_op text[], p_payload text[], p_committed text[]
) RETURNS bigint
LANGUAGE plpgsql SET search_path = tillpoint, pg_temp AS $$
DECLARE
  first_seq bigint;
  last_seq bigint;
BEGIN
  IF cardinality(p_seq) = 0 THEN
    RETURN tillpoint.till_head(p_store, p_till);
  END IF;
  SELECT min(s), max(s) INTO first_seq, last_seq FROM unnest(p_seq) AS s;
  PERFORM tillpoint.begin_push(p_store, p_till, first_seq);
  INSERT INTO tillpoint.changes (store_id, till_id, seq, table_name, row_id, op, payload, committed_at)
  SELECT p_store, p_till, u.s, u.t, u.r, u.o, u.p::jsonb, u.c::timestamptz
  FROM unnest(p_seq, p_table, p_row, p_op, p_payload, p_committed) AS u(s, t, r, o, p, c)
  ON CONFLICT DO NOTHING;
  RETURN tillpoint.end_push(p_store, p_till, first_seq, last_seq);
END $$;
