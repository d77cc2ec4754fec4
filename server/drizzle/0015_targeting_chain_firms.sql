CREATE TABLE "targeting_chain_firms" (
	"tenant_id" text NOT NULL,
	"chain_code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"segment_code" text NOT NULL,
	"region_code" text NOT NULL,
	"revenue" double precision,
	"distance" smallint,
	CONSTRAINT "targeting_chain_firms_tenant_id_chain_code_enterprise_id_pk" PRIMARY KEY("tenant_id","chain_code","enterprise_id")
);
--> statement-breakpoint
-- Written by hand. Facts built before this table existed hold no candidate base: build them again.
DELETE FROM targeting_facts_state;
--> statement-breakpoint
-- The candidate base reads a firm's main segment, the chain tree and revenue, so their changes make the facts stale too.
CREATE OR REPLACE FUNCTION "targeting_mark_enterprise_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO targeting_dirty (tenant_id, xid)
  SELECT DISTINCT n.tenant_id, pg_current_xact_id()::text::bigint
  FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
  WHERE (n.status, n.region_code, n.chain_leader, n.industry_code, n.founder_origin_code, n.revenue)
    IS DISTINCT FROM (o.status, o.region_code, o.chain_leader, o.industry_code, o.founder_origin_code, o.revenue)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "targeting_segments_insert" AFTER INSERT ON "enterprise_segments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_new();
--> statement-breakpoint
CREATE TRIGGER "targeting_segments_update" AFTER UPDATE ON "enterprise_segments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_new();
--> statement-breakpoint
CREATE TRIGGER "targeting_segments_delete" AFTER DELETE ON "enterprise_segments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_old();
--> statement-breakpoint
CREATE TRIGGER "targeting_chain_segments_insert" AFTER INSERT ON "chain_segments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_new();
--> statement-breakpoint
CREATE TRIGGER "targeting_chain_segments_update" AFTER UPDATE ON "chain_segments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_new();
--> statement-breakpoint
CREATE TRIGGER "targeting_chain_segments_delete" AFTER DELETE ON "chain_segments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_old();
