CREATE TABLE "targeting_asset_distance" (
	"tenant_id" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"distance" smallint NOT NULL,
	CONSTRAINT "targeting_asset_distance_tenant_id_enterprise_id_pk" PRIMARY KEY("tenant_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "targeting_dirty" (
	"tenant_id" text NOT NULL,
	"xid" bigint NOT NULL,
	CONSTRAINT "targeting_dirty_tenant_id_xid_pk" PRIMARY KEY("tenant_id","xid")
);
--> statement-breakpoint
CREATE TABLE "targeting_facts_state" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"districts" text[] NOT NULL,
	"ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targeting_region_links" (
	"tenant_id" text NOT NULL,
	"region_code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"customers" integer NOT NULL,
	"leader_customers" integer NOT NULL,
	"suppliers" integer NOT NULL,
	CONSTRAINT "targeting_region_links_tenant_id_region_code_enterprise_id_pk" PRIMARY KEY("tenant_id","region_code","enterprise_id")
);
--> statement-breakpoint
-- Written by hand (drizzle-kit does not express triggers): the same marking as the chain map's (migration 0010),
-- for the facts target discovery precomputes. Only a firm's status, region, leader flag and industry code matter here.
CREATE FUNCTION "targeting_mark_new"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO targeting_dirty (tenant_id, xid)
  SELECT DISTINCT tenant_id, pg_current_xact_id()::text::bigint FROM new_rows
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "targeting_mark_old"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO targeting_dirty (tenant_id, xid)
  SELECT DISTINCT tenant_id, pg_current_xact_id()::text::bigint FROM old_rows
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "targeting_mark_enterprise_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO targeting_dirty (tenant_id, xid)
  SELECT DISTINCT n.tenant_id, pg_current_xact_id()::text::bigint
  FROM new_rows n JOIN old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
  WHERE (n.status, n.region_code, n.chain_leader, n.industry_code)
    IS DISTINCT FROM (o.status, o.region_code, o.chain_leader, o.industry_code)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "targeting_enterprises_insert" AFTER INSERT ON "enterprises" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_new();
--> statement-breakpoint
CREATE TRIGGER "targeting_enterprises_update" AFTER UPDATE ON "enterprises" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_enterprise_update();
--> statement-breakpoint
CREATE TRIGGER "targeting_enterprises_delete" AFTER DELETE ON "enterprises" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_old();
--> statement-breakpoint
CREATE TRIGGER "targeting_relations_insert" AFTER INSERT ON "enterprise_relations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_new();
--> statement-breakpoint
CREATE TRIGGER "targeting_relations_update" AFTER UPDATE ON "enterprise_relations" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_new();
--> statement-breakpoint
CREATE TRIGGER "targeting_relations_delete" AFTER DELETE ON "enterprise_relations" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION targeting_mark_old();
