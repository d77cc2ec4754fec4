CREATE TABLE "project_checklist" (
	"tenant_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"done" boolean NOT NULL,
	"done_on" date,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_checklist_tenant_id_project_id_item_key_pk" PRIMARY KEY("tenant_id","project_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "project_events" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_name" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"field" text,
	"before" jsonb,
	"after" jsonb,
	"amount" double precision,
	"note" text,
	CONSTRAINT "project_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_settings" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "project_settings_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "project_targets" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"count_1" integer DEFAULT 0 NOT NULL,
	"count_10" integer DEFAULT 0 NOT NULL,
	"count_50" integer DEFAULT 0 NOT NULL,
	"count_100" integer DEFAULT 0 NOT NULL,
	"investment" double precision DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "project_targets_tenant_id_year_region_code_pk" PRIMARY KEY("tenant_id","year","region_code")
);
--> statement-breakpoint
CREATE TABLE "project_views" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_views_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" uuid,
	"investor_name" text NOT NULL,
	"group_key" text,
	"type" text NOT NULL,
	"total_investment" double precision NOT NULL,
	"fixed_asset_investment" double precision,
	"foreign_capital_usd" double precision,
	"land_mu" double precision,
	"energy_tce" double precision,
	"expected_output" double precision,
	"expected_tax" double precision,
	"expected_jobs" integer,
	"chain_code" text,
	"segment_code" text,
	"ecosystem_code" text,
	"region_code" text NOT NULL,
	"platform_code" text,
	"size_class" smallint NOT NULL,
	"first_talk_status" text DEFAULT 'none' NOT NULL,
	"violates_first_talk" boolean DEFAULT false NOT NULL,
	"responsible" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stage" text NOT NULL,
	"stage_entered_on" date NOT NULL,
	"signed_on" date,
	"started_on" date,
	"arrived_investment" double precision DEFAULT 0 NOT NULL,
	"lead_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_problems" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"department_code" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"escalated_on" date,
	"meeting" text,
	"resolution" text,
	"resolved_on" date,
	"raised_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_problems_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "stuck_projects" (
	"tenant_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"norm_key" text NOT NULL,
	"stage" text NOT NULL,
	"since" date NOT NULL,
	"limit_days" integer NOT NULL,
	"days_over" integer NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stuck_projects_tenant_id_project_id_norm_key_pk" PRIMARY KEY("tenant_id","project_id","norm_key")
);
--> statement-breakpoint
CREATE INDEX "project_events_project_idx" ON "project_events" USING btree ("tenant_id","project_id","occurred_on");--> statement-breakpoint
CREATE INDEX "project_events_kind_idx" ON "project_events" USING btree ("tenant_id","kind","occurred_on","to_stage","amount");--> statement-breakpoint
CREATE INDEX "project_views_user_idx" ON "project_views" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "projects_dashboard_idx" ON "projects" USING btree ("tenant_id","region_code","stage","size_class","signed_on","started_on","ecosystem_code","platform_code","total_investment");--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("tenant_id","stage","stage_entered_on");--> statement-breakpoint
CREATE INDEX "projects_enterprise_idx" ON "projects" USING btree ("tenant_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "projects_lead_idx" ON "projects" USING btree ("tenant_id","lead_id");--> statement-breakpoint
CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "project_problems_project_idx" ON "project_problems" USING btree ("tenant_id","project_id");--> statement-breakpoint
CREATE INDEX "project_problems_open_idx" ON "project_problems" USING btree ("tenant_id","status","deadline","region_code");--> statement-breakpoint
CREATE INDEX "stuck_projects_region_idx" ON "stuck_projects" USING btree ("tenant_id","region_code");