CREATE TABLE "chain_map_cells" (
	"tenant_id" text NOT NULL,
	"segment_code" text NOT NULL,
	"region_code" text NOT NULL,
	"firms" integer NOT NULL,
	"revenue" double precision NOT NULL,
	"employees" bigint NOT NULL,
	"leader_ids" uuid[] NOT NULL,
	CONSTRAINT "chain_map_cells_tenant_id_segment_code_region_code_pk" PRIMARY KEY("tenant_id","segment_code","region_code")
);
--> statement-breakpoint
CREATE TABLE "chain_map_dirty" (
	"tenant_id" text NOT NULL,
	"xid" bigint NOT NULL,
	CONSTRAINT "chain_map_dirty_tenant_id_xid_pk" PRIMARY KEY("tenant_id","xid")
);
--> statement-breakpoint
CREATE TABLE "chain_map_links" (
	"tenant_id" text NOT NULL,
	"chain_code" text NOT NULL,
	"region_code" text NOT NULL,
	"segment_code" text NOT NULL,
	"links" integer NOT NULL,
	CONSTRAINT "chain_map_links_tenant_id_chain_code_region_code_segment_code_pk" PRIMARY KEY("tenant_id","chain_code","region_code","segment_code")
);
--> statement-breakpoint
CREATE TABLE "chain_map_state" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"districts" text[] NOT NULL,
	"ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chain_map_totals" (
	"tenant_id" text NOT NULL,
	"chain_code" text NOT NULL,
	"region_code" text NOT NULL,
	"firms" integer NOT NULL,
	"revenue" double precision NOT NULL,
	"employees" bigint NOT NULL,
	CONSTRAINT "chain_map_totals_tenant_id_chain_code_region_code_pk" PRIMARY KEY("tenant_id","chain_code","region_code")
);
--> statement-breakpoint
-- Written by hand: drizzle-kit does not express triggers. Every statement that changes data behind the chain
-- map leaves one marker per tenant and transaction, so the summary is never read while it could be stale.
-- Statement-level with transition tables: one insert per statement, however many rows it touched.
CREATE FUNCTION "chain_map_mark_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_map_dirty (tenant_id, xid)
  SELECT DISTINCT tenant_id, pg_current_xact_id()::text::bigint FROM new_rows
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "chain_map_mark_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_map_dirty (tenant_id, xid)
  SELECT DISTINCT tenant_id, pg_current_xact_id()::text::bigint FROM old_rows
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- renaming a firm or editing its address does not change the map; only these columns do
CREATE FUNCTION "chain_map_mark_enterprise_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chain_map_dirty (tenant_id, xid)
  SELECT DISTINCT n.tenant_id, pg_current_xact_id()::text::bigint
  FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
  WHERE (n.status, n.region_code, n.revenue, n.employees, n.chain_leader)
    IS DISTINCT FROM (o.status, o.region_code, o.revenue, o.employees, o.chain_leader)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "chain_map_enterprises_insert" AFTER INSERT ON "enterprises" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_new();
--> statement-breakpoint
CREATE TRIGGER "chain_map_enterprises_update" AFTER UPDATE ON "enterprises" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_enterprise_update();
--> statement-breakpoint
CREATE TRIGGER "chain_map_enterprises_delete" AFTER DELETE ON "enterprises" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_old();
--> statement-breakpoint
CREATE TRIGGER "chain_map_segments_insert" AFTER INSERT ON "enterprise_segments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_new();
--> statement-breakpoint
CREATE TRIGGER "chain_map_segments_update" AFTER UPDATE ON "enterprise_segments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_new();
--> statement-breakpoint
CREATE TRIGGER "chain_map_segments_delete" AFTER DELETE ON "enterprise_segments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_old();
--> statement-breakpoint
CREATE TRIGGER "chain_map_relations_insert" AFTER INSERT ON "enterprise_relations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_new();
--> statement-breakpoint
CREATE TRIGGER "chain_map_relations_update" AFTER UPDATE ON "enterprise_relations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_new();
--> statement-breakpoint
CREATE TRIGGER "chain_map_relations_delete" AFTER DELETE ON "enterprise_relations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_old();
--> statement-breakpoint
CREATE TRIGGER "chain_map_chain_segments_insert" AFTER INSERT ON "chain_segments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_new();
--> statement-breakpoint
CREATE TRIGGER "chain_map_chain_segments_update" AFTER UPDATE ON "chain_segments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_new();
--> statement-breakpoint
CREATE TRIGGER "chain_map_chain_segments_delete" AFTER DELETE ON "chain_segments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_map_mark_old();
