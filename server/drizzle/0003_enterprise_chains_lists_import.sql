CREATE TABLE "enterprise_changes" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "enterprise_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "enterprise_segment_exclusions" (
	"tenant_id" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"segment_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "enterprise_segment_exclusions_tenant_id_enterprise_id_segment_code_pk" PRIMARY KEY("tenant_id","enterprise_id","segment_code")
);
--> statement-breakpoint
CREATE TABLE "chain_versions" (
	"tenant_id" text NOT NULL,
	"chain_code" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "chain_versions_tenant_id_chain_code_version_pk" PRIMARY KEY("tenant_id","chain_code","version")
);
--> statement-breakpoint
CREATE TABLE "classification_runs" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"chain_code" text,
	"added" integer NOT NULL,
	"removed" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "classification_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "layout_guide_entries" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"chain_code" text NOT NULL,
	"district_code" text NOT NULL,
	"platform_code" text DEFAULT '' NOT NULL,
	"role" text NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "layout_guide_entries_tenant_id_year_chain_code_district_code_platform_code_pk" PRIMARY KEY("tenant_id","year","chain_code","district_code","platform_code")
);
--> statement-breakpoint
CREATE TABLE "chain_leaders" (
	"tenant_id" text NOT NULL,
	"chain_code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"status" text NOT NULL,
	"score" double precision DEFAULT 0 NOT NULL,
	"criteria" jsonb NOT NULL,
	"note" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chain_leaders_tenant_id_chain_code_enterprise_id_pk" PRIMARY KEY("tenant_id","chain_code","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "key_suppliers" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"chain_code" text NOT NULL,
	"segment_code" text,
	"supplier_id" uuid NOT NULL,
	"dependents" jsonb NOT NULL,
	"dependence" double precision DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "key_suppliers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "list_changes" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"list" text NOT NULL,
	"entry_key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "list_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"chain_code" text,
	"segment_code" text,
	"owner_user_id" uuid,
	"owner_name" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"next_step" text,
	"next_step_due" date,
	"notes" text,
	"reason" text NOT NULL,
	"source" text NOT NULL,
	"score" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "targets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"written_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "enterprise_segments" ADD COLUMN "source" text DEFAULT 'rule' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "former_names" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- existing rows (a data directory from an earlier version) get their keys filled here; initials need
-- pinyin, which SQL lacks, so they start empty and only the initials search misses those firms
ALTER TABLE "enterprises" ADD COLUMN "trade_name_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE "enterprises" SET "trade_name_key" = lower(regexp_replace("trade_name", '[^[:alnum:]]', '', 'g'));--> statement-breakpoint
ALTER TABLE "enterprises" ALTER COLUMN "trade_name_key" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name_initials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ALTER COLUMN "name_initials" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "actual_controller" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprise_segment_exclusions" ADD CONSTRAINT "enterprise_segment_exclusions_tenant_id_enterprise_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enterprise_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_leaders" ADD CONSTRAINT "chain_leaders_tenant_id_enterprise_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enterprise_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_suppliers" ADD CONSTRAINT "key_suppliers_tenant_id_supplier_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","supplier_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_tenant_id_enterprise_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enterprise_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_changes_enterprise_idx" ON "enterprise_changes" USING btree ("tenant_id","enterprise_id","at");--> statement-breakpoint
CREATE INDEX "layout_guide_district_idx" ON "layout_guide_entries" USING btree ("tenant_id","year","district_code");--> statement-breakpoint
CREATE INDEX "chain_leaders_enterprise_idx" ON "chain_leaders" USING btree ("tenant_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "key_suppliers_region_idx" ON "key_suppliers" USING btree ("tenant_id","region_code","chain_code");--> statement-breakpoint
CREATE INDEX "list_changes_entry_idx" ON "list_changes" USING btree ("tenant_id","list","entry_key","at");--> statement-breakpoint
CREATE INDEX "targets_region_idx" ON "targets" USING btree ("tenant_id","region_code","status");--> statement-breakpoint
CREATE INDEX "targets_enterprise_idx" ON "targets" USING btree ("tenant_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "enterprises_trade_name_trgm" ON "enterprises" USING gin ("trade_name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_name_trgm" ON "enterprises" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "enterprises_initials_trgm" ON "enterprises" USING gin ("name_initials" gin_trgm_ops);