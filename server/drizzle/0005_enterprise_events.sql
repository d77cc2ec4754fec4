CREATE TABLE "enterprise_events" (
	"tenant_id" text NOT NULL,
	"id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"region_code" text NOT NULL,
	"amount" double precision,
	"counterparty_id" uuid,
	"source" text NOT NULL,
	CONSTRAINT "enterprise_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "enterprise_events_enterprise_idx" ON "enterprise_events" USING btree ("tenant_id","enterprise_id","occurred_on");--> statement-breakpoint
CREATE INDEX "enterprise_events_kind_idx" ON "enterprise_events" USING btree ("tenant_id","kind","occurred_on");