CREATE TABLE "red_black_snapshots" (
	"tenant_id" text NOT NULL,
	"month" text NOT NULL,
	"region_code" text NOT NULL,
	"region_name" text NOT NULL,
	"list" text,
	"pace" double precision,
	"signed1" integer NOT NULL,
	"target1" integer NOT NULL,
	"start_rate" double precision,
	"overdue_problems" integer NOT NULL,
	"stuck" integer NOT NULL,
	"reasons" text[] NOT NULL,
	"as_of" date NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" text NOT NULL,
	CONSTRAINT "red_black_snapshots_tenant_id_month_region_code_pk" PRIMARY KEY("tenant_id","month","region_code")
);
--> statement-breakpoint
ALTER TABLE "project_problems" ADD COLUMN "overdue_alerted_on" date;