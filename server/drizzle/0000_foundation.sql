CREATE TABLE "chain_segments" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"chain_code" text NOT NULL,
	"parent_code" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"stage" text NOT NULL,
	"position" integer NOT NULL,
	"industry_codes" text[] NOT NULL,
	"keywords" text[] NOT NULL,
	CONSTRAINT "chain_segments_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "chains" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"ecosystem" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"future" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "chains_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ecosystems" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_classes" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"section" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platforms" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"district_code" text NOT NULL,
	"kind" text NOT NULL,
	"chain_codes" text[] NOT NULL,
	"area_km2" double precision,
	CONSTRAINT "platforms_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"mountain_county" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seed_versions" (
	"tenant_id" text NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seed_versions_tenant_id_name_pk" PRIMARY KEY("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_id" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"tenant_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
CREATE TABLE "enterprise_relations" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"share_of_supplier_revenue" double precision,
	"share_of_buyer_cost" double precision,
	"equity_ratio" double precision,
	"source" text NOT NULL,
	"observed_on" date,
	CONSTRAINT "enterprise_relations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "enterprise_segments" (
	"tenant_id" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"segment_code" text NOT NULL,
	"main" boolean DEFAULT false NOT NULL,
	CONSTRAINT "enterprise_segments_tenant_id_enterprise_id_segment_code_pk" PRIMARY KEY("tenant_id","enterprise_id","segment_code")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"trade_name" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text,
	"industry_code" text NOT NULL,
	"business_scope" text,
	"registered_capital" double precision,
	"revenue" double precision,
	"tax" double precision,
	"employees" integer,
	"founded_on" date,
	"tags" text[] NOT NULL,
	"chain_leader" boolean DEFAULT false NOT NULL,
	"parent_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "enterprises_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "enterprises_uscc_uq" UNIQUE("tenant_id","uscc")
);
--> statement-breakpoint
ALTER TABLE "chain_segments" ADD CONSTRAINT "chain_segments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_ecosystem_ecosystems_code_fk" FOREIGN KEY ("ecosystem") REFERENCES "public"."ecosystems"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platforms" ADD CONSTRAINT "platforms_district_code_regions_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_relations" ADD CONSTRAINT "enterprise_relations_tenant_id_from_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","from_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_relations" ADD CONSTRAINT "enterprise_relations_tenant_id_to_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","to_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_segments" ADD CONSTRAINT "enterprise_segments_tenant_id_enterprise_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enterprise_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_tenant_id_parent_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chain_segments_chain_idx" ON "chain_segments" USING btree ("tenant_id","chain_code");--> statement-breakpoint
CREATE INDEX "platforms_district_idx" ON "platforms" USING btree ("tenant_id","district_code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "users_tenant_idx" ON "users" USING btree ("tenant_id","role");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("tenant_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "relations_from_idx" ON "enterprise_relations" USING btree ("tenant_id","from_id","kind");--> statement-breakpoint
CREATE INDEX "relations_to_idx" ON "enterprise_relations" USING btree ("tenant_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "enterprise_segments_segment_idx" ON "enterprise_segments" USING btree ("tenant_id","segment_code");--> statement-breakpoint
CREATE INDEX "enterprises_region_idx" ON "enterprises" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "enterprises_industry_idx" ON "enterprises" USING btree ("tenant_id","industry_code");