CREATE TABLE "city_led_talks" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"enterprise_id" uuid,
	"investor_name" text NOT NULL,
	"reason" text NOT NULL,
	"assigned_by" text,
	"status" text DEFAULT 'open' NOT NULL,
	"members" jsonb NOT NULL,
	"proposal" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "city_led_talks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "talk_meetings" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"talk_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"chair" text,
	"minutes" text NOT NULL,
	"decisions" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "talk_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "talk_tasks" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"talk_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_unit" text NOT NULL,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "talk_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "city_led_talks_status_idx" ON "city_led_talks" USING btree ("tenant_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "talk_meetings_talk_idx" ON "talk_meetings" USING btree ("tenant_id","talk_id","held_on");--> statement-breakpoint
CREATE INDEX "talk_tasks_talk_idx" ON "talk_tasks" USING btree ("tenant_id","talk_id");