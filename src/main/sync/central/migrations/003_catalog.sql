-- Part 3: what flows down to the tills (catalog, prices, coin packages, staff, settings).
-- The central copy wins: a till applies these rows over its own. `txid` orders the change cursor: a
-- till reads only rows whose transaction ended before every running one began (txid below the
-- snapshot's xmin), in (txid, version) order, so no commit is ever skipped.

CREATE SEQUENCE tillpoint.catalog_version;

CREATE TABLE tillpoint.catalog (
  store_id text NOT NULL REFERENCES tillpoint.stores (store_id),
  table_name text NOT NULL CHECK (table_name IN (
    'catalog_categories', 'catalog_tax_classes', 'catalog_tax_rates', 'catalog_products',
    'catalog_variants', 'catalog_barcodes', 'catalog_prices', 'coin_packages', 'coin_settings',
    'membership_tiers', 'settings', 'staff')),
  row_id text NOT NULL,
  payload jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT nextval('tillpoint.catalog_version'),
  txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, table_name, row_id)
);
CREATE INDEX catalog_cursor ON tillpoint.catalog (store_id, txid, version);

CREATE FUNCTION tillpoint.catalog_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := nextval('tillpoint.catalog_version');
  NEW.txid := pg_current_xact_id()::text::bigint;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER catalog_touch BEFORE UPDATE ON tillpoint.catalog
  FOR EACH ROW EXECUTE FUNCTION tillpoint.catalog_touch();

-- The newest transaction id a pull may read up to (exclusive).
CREATE FUNCTION tillpoint.pull_horizon() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint
$$;
