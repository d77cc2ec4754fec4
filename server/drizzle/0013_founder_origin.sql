ALTER TABLE "enterprises" ADD COLUMN "founder_origin_code" text;--> statement-breakpoint
CREATE INDEX "enterprises_founder_origin_idx" ON "enterprises" USING btree ("tenant_id","founder_origin_code") WHERE founder_origin_code is not null;--> statement-breakpoint
-- Written by hand: a firm's founder origin makes it a 乡贤 asset of target discovery, so changing it makes the
-- precomputed facts stale (replaces the function of migration 0012).
CREATE OR REPLACE FUNCTION "targeting_mark_enterprise_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO targeting_dirty (tenant_id, xid)
  SELECT DISTINCT n.tenant_id, pg_current_xact_id()::text::bigint
  FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
  WHERE (n.status, n.region_code, n.chain_leader, n.industry_code, n.founder_origin_code)
    IS DISTINCT FROM (o.status, o.region_code, o.chain_leader, o.industry_code, o.founder_origin_code)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
