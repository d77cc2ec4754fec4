CREATE TABLE "lead_events" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_name" text NOT NULL,
	"note" text,
	CONSTRAINT "lead_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"channel" text NOT NULL,
	"source_person" text NOT NULL,
	"source_contact" text,
	"planned_investment" double precision,
	"planned_investment_usd" double precision,
	"chain_code" text,
	"segment_code" text,
	"intended_region_code" text,
	"intended_platform_code" text,
	"investor_wishes" text,
	"status" text DEFAULT 'new' NOT NULL,
	"origin" text NOT NULL,
	"target_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"evaluated_at" timestamp with time zone,
	"feedback_at" timestamp with time zone,
	"last_progress_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leads_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "first_talk_rights" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"report_id" uuid,
	"lead_id" uuid,
	"region_code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"granted_by" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"renewed_at" timestamp with time zone,
	"renewals" integer DEFAULT 0 NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" text,
	"end_reason" text,
	"warned_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "first_talk_rights_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_reports" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"intent" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision_reason" text,
	"redirect_region_code" text,
	"right_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "lead_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_attempts" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_name" text NOT NULL,
	"region_code" text,
	"enterprise_id" uuid NOT NULL,
	"action" text NOT NULL,
	"conflict" jsonb NOT NULL,
	CONSTRAINT "registry_attempts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_events" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"report_id" uuid,
	"right_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_name" text NOT NULL,
	"region_code" text,
	"detail" jsonb,
	CONSTRAINT "registry_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "registry_settings" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "registry_settings_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"title_en" text NOT NULL,
	"body" text,
	"body_en" text,
	"link" text,
	"entity_type" text,
	"entity_id" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_tenant_id_lead_id_leads_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_id") REFERENCES "public"."leads"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_enterprise_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enterprise_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_talk_rights" ADD CONSTRAINT "first_talk_rights_tenant_id_enterprise_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enterprise_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_reports" ADD CONSTRAINT "lead_reports_tenant_id_lead_id_leads_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_id") REFERENCES "public"."leads"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_reports" ADD CONSTRAINT "lead_reports_tenant_id_enterprise_id_enterprises_tenant_id_id_fk" FOREIGN KEY ("tenant_id","enterprise_id") REFERENCES "public"."enterprises"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_events_lead_idx" ON "lead_events" USING btree ("tenant_id","lead_id","at");--> statement-breakpoint
CREATE INDEX "leads_region_idx" ON "leads" USING btree ("tenant_id","region_code","status");--> statement-breakpoint
CREATE INDEX "leads_enterprise_idx" ON "leads" USING btree ("tenant_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "leads_group_idx" ON "leads" USING btree ("tenant_id","group_key");--> statement-breakpoint
CREATE UNIQUE INDEX "first_talk_rights_active_enterprise_uq" ON "first_talk_rights" USING btree ("tenant_id","enterprise_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "first_talk_rights_group_idx" ON "first_talk_rights" USING btree ("tenant_id","group_key","status");--> statement-breakpoint
CREATE INDEX "first_talk_rights_status_idx" ON "first_talk_rights" USING btree ("tenant_id","status","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_reports_pending_enterprise_uq" ON "lead_reports" USING btree ("tenant_id","enterprise_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "lead_reports_group_idx" ON "lead_reports" USING btree ("tenant_id","group_key","status");--> statement-breakpoint
CREATE INDEX "lead_reports_status_idx" ON "lead_reports" USING btree ("tenant_id","status","reported_at");--> statement-breakpoint
CREATE INDEX "lead_reports_lead_idx" ON "lead_reports" USING btree ("tenant_id","lead_id");--> statement-breakpoint
CREATE INDEX "registry_attempts_at_idx" ON "registry_attempts" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "registry_events_report_idx" ON "registry_events" USING btree ("tenant_id","report_id","at");--> statement-breakpoint
CREATE INDEX "registry_events_right_idx" ON "registry_events" USING btree ("tenant_id","right_id","at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("tenant_id","user_id") WHERE read_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("tenant_id","user_id","dedupe_key");